import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Dialect } from '../../db/connect.js';
import { jsonNumber, jsonText } from '../../db/json-fields.js';
import type { Database } from '../../db/schema.js';
import type { RegisterDefinition, RollupRule } from '../../domain/register-definition.js';
import type { Tx } from './context.js';

/**
 * Register roll-ups (汇总): each rule of a register's definition is one indicator (source
 * 'register') whose values are computed by SQL aggregation over the rows, by 市州 and by
 * 县市区 and period (the year of the rule's period field), plus the province's total. The
 * same query runs on SQLite and PostgreSQL (see json-fields.ts), and the values replace the
 * indicator's previous 'rollup' values inside the writing transaction, so a figure on the
 * map is never older than the rows it counts.
 */
export interface RollupValue {
  unitId: number;
  period: string;
  value: number;
}

type Db = Kysely<Database> | Tx;

/**
 * The aggregation of rules that share a period field and conditions, by 市州 and by 县市区 and
 * period, in one scan of the rows (a register's rules usually count and sum over the same
 * rows: one scan serves them all): grouped by (市州, 县市区, period) in SQL, one value column
 * per rule, then the 市州 figures are the sums of their groups (a count or a sum adds up
 * exactly). Pure SQL, no writes. Returns one result per rule, in the rules' order.
 */
export async function aggregateRules(
  db: Db,
  dialect: Dialect,
  registerId: number,
  rules: readonly RollupRule[],
  prefectureIds?: readonly number[],
): Promise<{ prefectures: RollupValue[]; counties: RollupValue[] }[]> {
  const first = rules[0]!;
  const period = sql<string>`substr(${jsonText(dialect, 'data', first.period)}, 1, 4)`;
  const values = rules.map((rule, i) => (rule.op === 'count' ? sql<number>`count(*)` : sql<number>`coalesce(sum(${jsonNumber(dialect, 'data', rule.field!)}), 0)`).as(`v${i}`));
  let query = db
    .selectFrom('register_rows')
    .select(['prefecture_id', 'county_id', period.as('period'), ...values])
    .where('register_id', '=', registerId)
    .where('prefecture_id', 'is not', null)
    .where(jsonText(dialect, 'data', first.period), 'is not', null);
  for (const w of first.where) {
    const cond: Expression<SqlBool> = sql<SqlBool>`${jsonText(dialect, 'data', w.field)} IN (${sql.join(w.in.map((v) => String(v === true ? (dialect === 'postgres' ? 'true' : '1') : v === false ? (dialect === 'postgres' ? 'false' : '0') : v)))})`;
    query = query.where(cond);
  }
  if (prefectureIds) query = query.where('prefecture_id', 'in', prefectureIds.length > 0 ? [...prefectureIds] : [-1]);
  // Grouping by position: the same expression text in SELECT and GROUP BY on both databases.
  const rows = (await query.groupBy(sql`1, 2, 3` as never).execute()) as unknown as ({ prefecture_id: number | null; county_id: number | null; period: string } & Record<string, unknown>)[];
  return rules.map((_, i) => {
    const prefectures = new Map<string, RollupValue>();
    const counties: RollupValue[] = [];
    for (const r of rows) {
      const v = Number(r[`v${i}`]);
      const p = String(r.period);
      if (r.county_id !== null) counties.push({ unitId: Number(r.county_id), period: p, value: v });
      const key = `${r.prefecture_id}|${p}`;
      const had = prefectures.get(key);
      if (had) had.value += v;
      else prefectures.set(key, { unitId: Number(r.prefecture_id), period: p, value: v });
    }
    return { prefectures: [...prefectures.values()], counties };
  });
}

/** Rules that can share one scan: the same period field and the same conditions. */
function scanGroups(rules: readonly RollupRule[]): RollupRule[][] {
  const groups = new Map<string, RollupRule[]>();
  for (const rule of rules) {
    const key = JSON.stringify([rule.period, rule.where]);
    const group = groups.get(key);
    if (group) group.push(rule);
    else groups.set(key, [rule]);
  }
  return [...groups.values()];
}

/** Creates or updates the indicators a definition's roll-up rules feed; returns their ids by rule key. */
export async function ensureRollupIndicators(trx: Tx, registerId: number, definition: RegisterDefinition, at: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const rule of definition.rollups) {
    const fields = {
      name: rule.name,
      unit: rule.unit,
      comparator: rule.target === undefined ? null : '>=',
      target: rule.target ?? null,
      year: rule.targetYear ?? null,
      source: 'register',
      register_id: registerId,
      rule: JSON.stringify(rule),
      updated_at: at,
    };
    const existing = await trx.selectFrom('indicators').select('id').where('key', '=', rule.indicator).executeTakeFirst();
    if (existing) {
      // `public` is the office's choice once the indicator exists (PUT /api/indicators/:id/public):
      // the rule's `public` only sets where it starts, so a recompute never overrides it.
      await trx.updateTable('indicators').set(fields).where('id', '=', existing.id).execute();
      ids.set(rule.indicator, existing.id);
    } else {
      const row = await trx.insertInto('indicators').values({ ...fields, public: rule.public ? 1 : 0, key: rule.indicator, created_at: at }).returning('id').executeTakeFirstOrThrow();
      ids.set(rule.indicator, row.id);
    }
  }
  return ids;
}

/**
 * Recomputes a register's roll-ups. With `prefectureIds`, only those 市州 (and their 县市区)
 * are recomputed, which is what an edit of a few rows needs; the province's total is then
 * summed again from the 市州 values.
 */
export async function computeRegisterRollups(
  trx: Tx,
  dialect: Dialect,
  register: { id: number; definition: RegisterDefinition },
  at: string,
  prefectureIds?: readonly number[],
): Promise<void> {
  if (register.definition.rollups.length === 0) return;
  const indicatorIds = await ensureRollupIndicators(trx, register.id, register.definition, at);
  const province = await trx.selectFrom('units').select('id').where('kind', '=', 'province').orderBy('id').executeTakeFirst();
  const scope = prefectureIds ? [...new Set(prefectureIds)] : undefined;
  for (const group of scanGroups(register.definition.rollups)) {
    const results = await aggregateRules(trx, dialect, register.id, group, scope);
    for (const [i, rule] of group.entries()) {
      const fed = rule.feeds === undefined ? null : await fedIndicator(trx, rule.feeds);
      for (const indicatorId of [indicatorIds.get(rule.indicator)!, ...(fed !== null && fed !== indicatorIds.get(rule.indicator) ? [fed] : [])]) {
        await writeRollup(trx, results[i]!, indicatorId, province?.id ?? null, at, scope);
      }
    }
  }
}

/** The indicator a rule feeds (by id or key), or null while it does not exist (a plan not yet published). */
export async function fedIndicator(db: Db, feeds: number | string): Promise<number | null> {
  const row = await db
    .selectFrom('indicators')
    .select('id')
    .where(typeof feeds === 'number' ? 'id' : 'key', '=', feeds)
    .where('source', '!=', 'register')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** One rule's values into one indicator: replaces its 'rollup' values (of the 市州 given, or all). */
async function writeRollup(
  trx: Tx,
  values: { prefectures: RollupValue[]; counties: RollupValue[] },
  indicatorId: number,
  provinceId: number | null,
  at: string,
  scope: readonly number[] | undefined,
): Promise<void> {
  const province = provinceId === null ? undefined : { id: provinceId };
  const { prefectures: prefectureValues, counties: countyValues } = values;
  let del = trx.deleteFrom('indicator_values').where('indicator_id', '=', indicatorId).where('source', '=', 'rollup');
  if (scope) {
    const counties = await trx.selectFrom('units').select('id').where('parent_id', 'in', scope.length > 0 ? scope : [-1]).execute();
    const units = [...scope, ...counties.map((c) => c.id), ...(province ? [province.id] : [])];
    del = del.where('unit_id', 'in', units.length > 0 ? units : [-1]);
  }
  await del.execute();
  const rows = [...prefectureValues, ...countyValues].map((v) => ({
    indicator_id: indicatorId,
    unit_id: v.unitId,
    period: v.period,
    value: v.value,
    source: 'rollup',
    report_id: null,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('indicator_values').values(rows.slice(i, i + 500)).execute();
  if (province) {
    // The province's total is the sum over its 市州 (rows always name a 市州).
    const totals = await trx
      .selectFrom('indicator_values')
      .innerJoin('units', 'units.id', 'indicator_values.unit_id')
      .select(['indicator_values.period', sql<number>`sum(indicator_values.value)`.as('value')])
      .where('indicator_values.indicator_id', '=', indicatorId)
      .where('indicator_values.source', '=', 'rollup')
      .where('units.kind', '=', 'prefecture')
      .groupBy('indicator_values.period')
      .execute();
    if (totals.length > 0) {
      await trx
        .insertInto('indicator_values')
        .values(totals.map((t) => ({ indicator_id: indicatorId, unit_id: province.id, period: t.period, value: Number(t.value), source: 'rollup', report_id: null, updated_at: at })))
        .execute();
    }
  }
}
