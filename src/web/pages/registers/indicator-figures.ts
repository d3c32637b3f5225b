// From an indicator's values to one figure per 市州 (in registry order, blanks kept, so the
// map shows every region), and the periods to choose from. Pure, tested.

export interface ValueLike {
  unitId: number;
  period: string;
  value: number;
  target?: number | undefined;
}

export interface RegionLike {
  id: number;
  name: string;
  kind: string;
}

export function figuresByPrefecture(regions: readonly RegionLike[], values: readonly ValueLike[]): { name: string; value: number | null; target?: number | undefined }[] {
  const byUnit = new Map(values.map((v) => [v.unitId, v]));
  return regions
    .filter((r) => r.kind === 'prefecture')
    .map((r) => {
      const v = byUnit.get(r.id);
      return { name: r.name, value: v ? v.value : null, ...(v?.target !== undefined && { target: v.target }) };
    });
}

/** Periods present, newest first. */
export function periodsOf(values: readonly ValueLike[]): string[] {
  return [...new Set(values.map((v) => v.period))].sort().reverse();
}

export interface TrendSeries {
  unitId: number;
  name: string;
  /** One entry per period (oldest first), null where the region has no figure. */
  values: (number | null)[];
  /** The targets by period, or null when the region has none in any period. */
  targets: (number | null)[] | null;
}

/** An indicator over its periods (oldest first) for the chosen regions, with targets where they exist. */
export function trendSeries(regions: readonly RegionLike[], values: readonly ValueLike[], unitIds: readonly number[]): { periods: string[]; series: TrendSeries[] } {
  const periods = periodsOf(values).reverse();
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const series = unitIds.map((unitId) => {
    const byPeriod = new Map(values.filter((v) => v.unitId === unitId).map((v) => [v.period, v]));
    const targets = periods.map((p) => byPeriod.get(p)?.target ?? null);
    return {
      unitId,
      name: names.get(unitId) ?? String(unitId),
      values: periods.map((p) => byPeriod.get(p)?.value ?? null),
      targets: targets.some((x) => x !== null) ? targets : null,
    };
  });
  return { periods, series };
}
