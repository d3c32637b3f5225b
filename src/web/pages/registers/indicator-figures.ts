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
