import { messagesOf } from '../domain/errors.js';
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { StoredValue } from '../domain/register-values.js';
import { figureWorkbook, readFigureLines } from '../office/figures-xlsx.js';
import type { FigureColumn, FigureLine } from '../office/figures-xlsx.js';
import type { ServiceContext } from './support/context.js';
import { getIndicator } from './list-indicators.js';
import { writeIndicatorValues } from './set-indicator-values.js';
import { scoreEvaluation } from './score-evaluation.js';
import { loadEvaluation } from './support/evaluation-rows.js';
import { loadRegister, rowValues } from './support/register-store.js';

/**
 * Excel in for figures that were JSON only: an indicator's statistics by region and period
 * (户籍人口城镇化率 by 市州 and year), and an evaluation's scores by row and criterion. The sheet
 * is read by the register import's guarded reader; each line is checked, and the answer lists
 * the bad lines as a register import does (row as Excel shows it, column, value, message).
 * atomic: any bad line and nothing is written; partial: the good lines are written.
 */
export interface FiguresImportResult {
  changed: number;
  unchanged: number;
  rejected: number;
  /** Lines left blank where the figures go (a template where only some cells were filled): not read, not refused. */
  skipped: number;
  errors: { row: number; column: string; value: StoredValue; message: string }[];
}

const MAX_LISTED = 1000;
const PERIOD = /^\d{4}(-(Q[1-4]|\d{2}))?$/;

class Errors {
  readonly list: FiguresImportResult['errors'] = [];
  rejected = 0;
  constructor(private readonly lang: 'zh' | 'en') {}
  reject(line: FigureLine, problems: { column: string; code: ErrorCode; params?: ErrorParams; value: StoredValue }[]): void {
    this.rejected++;
    for (const p of problems) {
      if (this.list.length < MAX_LISTED) this.list.push({ row: line.row, column: p.column, value: p.value, message: messagesOf(p.code, p.params ?? {})[this.lang] });
    }
  }
}

function blank(value: StoredValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

// ── Indicator statistics ────────────────────────────────────────────────────────────────

const REGION = '地区';
const PERIOD_COLUMN = '期间';
const VALUE = '数值';

function valueColumns(lang: 'zh' | 'en'): FigureColumn[] {
  const zh = lang === 'zh';
  return [
    { name: REGION, type: 'text', required: true, note: zh ? '必填；湖南省、市州或县市区名称，如 岳阳市' : 'Required; 湖南省, a prefecture or a county, e.g. 岳阳市' },
    { name: PERIOD_COLUMN, type: 'text', required: true, note: zh ? '必填；年份 2021，季度 2021-Q3 或月份 2021-07' : 'Required; a year 2021, a quarter 2021-Q3 or a month 2021-07' },
    // Not required: a template lists every 市州 and a clerk fills only the figures they have.
    { name: VALUE, type: 'number', required: false, note: zh ? '数字；留空的行不导入' : 'A number; lines left blank are skipped' },
  ];
}

/** The units a statistics sheet may name: the province, the 市州 and 县市区, by name, short name or alias. */
async function unitNames(ctx: ServiceContext): Promise<{ byName: Map<string, number>; prefectures: { id: number; name: string }[]; province: { id: number; name: string } | null }> {
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'kind', 'division_code'])
    .where((eb) => eb.or([eb('kind', '=', 'province'), eb.and([eb('kind', 'in', ['prefecture', 'county']), eb('division_code', 'is not', null)])]))
    .orderBy('division_code')
    .execute();
  const aliases = await ctx.db.selectFrom('unit_aliases').select(['unit_id', 'alias']).where('unit_id', 'in', units.length > 0 ? units.map((u) => u.id) : [-1]).execute();
  const byName = new Map<string, number>();
  for (const u of units) for (const n of [u.short_name, u.name]) if (!byName.has(n)) byName.set(n, u.id);
  for (const a of aliases) if (!byName.has(a.alias)) byName.set(a.alias, a.unit_id);
  const province = units.find((u) => u.kind === 'province');
  if (province && !byName.has('全省')) byName.set('全省', province.id);
  return {
    byName,
    prefectures: units.filter((u) => u.kind === 'prefecture').map((u) => ({ id: u.id, name: u.short_name })),
    province: province ? { id: province.id, name: province.short_name } : null,
  };
}

/** The template: the province and the 14 市州, with the period and its current figures when a period is given. */
export async function indicatorValuesTemplate(id: number, period: string | undefined, lang: 'zh' | 'en', ctx: ServiceContext): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'indicator.read');
  const indicator = await getIndicator(id, ctx);
  const { prefectures, province } = await unitNames(ctx);
  const current = new Map<number, number>();
  if (period !== undefined) {
    const rows = await ctx.db.selectFrom('indicator_values').select(['unit_id', 'value']).where('indicator_id', '=', id).where('period', '=', period).where('source', '=', 'manual').execute();
    for (const r of rows) current.set(r.unit_id, Number(r.value));
  }
  const units = [...(province ? [province] : []), ...prefectures];
  const lines = units.map((u) => [u.name, period ?? null, current.get(u.id) ?? null]);
  return { name: indicator.name, bytes: await figureWorkbook(`${indicator.name}（${indicator.unit}）`, valueColumns(lang), lines) };
}

/** Imports an indicator's statistics (source 'manual') from a sheet of 地区 / 期间 / 数值. */
export async function importIndicatorValues(id: number, bytes: Buffer, mode: 'atomic' | 'partial', lang: 'zh' | 'en', ctx: ServiceContext): Promise<FiguresImportResult> {
  authorize(ctx.actor, 'indicator.manage');
  await getIndicator(id, ctx);
  const lines = await readFigureLines(bytes, ctx.config.maxUploadBytes, valueColumns(lang));
  const { byName } = await unitNames(ctx);
  const errors = new Errors(lang);
  const seen = new Map<string, number>();
  const values: { unitId: number; period: string; value: number }[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (blank(line.raw[VALUE])) {
      skipped++;
      continue;
    }
    if (!line.values) {
      errors.reject(line, line.problems);
      continue;
    }
    const region = String(line.values[REGION]);
    const unitId = byName.get(region.trim());
    const period = String(line.values[PERIOD_COLUMN]).trim();
    const problems: { column: string; code: ErrorCode; params?: ErrorParams; value: StoredValue }[] = [];
    if (unitId === undefined) problems.push({ column: REGION, code: 'figures_unknown_region', value: region });
    if (!PERIOD.test(period)) problems.push({ column: PERIOD_COLUMN, code: 'figures_bad_period', value: period });
    const key = `${unitId}\u0000${period}`;
    const first = seen.get(key);
    if (problems.length === 0 && first !== undefined) problems.push({ column: REGION, code: 'figures_duplicate_line', params: { row: first }, value: region });
    if (problems.length > 0) {
      errors.reject(line, problems);
      continue;
    }
    seen.set(key, line.row);
    values.push({ unitId: unitId!, period, value: Number(line.values[VALUE]) });
  }
  const result = (changed: number, unchanged: number): FiguresImportResult => ({ changed, unchanged, rejected: errors.rejected, skipped, errors: errors.list });
  if (values.length === 0 || (mode === 'atomic' && errors.rejected > 0)) return result(0, 0);
  const changed = await writeIndicatorValues(id, values, ctx, { action: 'indicator.values.import', detail: { mode, lines: lines.length, rejected: errors.rejected } });
  return result(changed, values.length - changed);
}

// ── Evaluation scores ───────────────────────────────────────────────────────────────────

const ROW_ID = '编号';
const NAME = '名称';

async function scoreColumns(evaluationId: number, lang: 'zh' | 'en', ctx: ServiceContext) {
  const evaluation = await loadEvaluation(ctx.db, evaluationId);
  const zh = lang === 'zh';
  const columns: FigureColumn[] = [
    { name: ROW_ID, type: 'integer', required: true, note: zh ? '必填；行的编号（请勿修改）' : 'Required; the row number in the register (do not change)' },
    { name: NAME, type: 'text', required: false, note: zh ? '名称，仅供核对' : 'Name, for checking only' },
    ...evaluation.criteria.map((c) => ({
      name: c.name,
      type: 'number' as const,
      required: false,
      min: 0,
      max: 100,
      note: zh ? `0–100 分，权重 ${c.weight}；整行留空表示不评分` : `0–100, weight ${c.weight}; leave the whole line blank to score nothing`,
    })),
  ];
  return { evaluation, columns };
}

/** The scores template: every row of the register with its id, name and current scores. */
export async function evaluationScoresTemplate(evaluationId: number, lang: 'zh' | 'en', ctx: ServiceContext): Promise<{ name: string; bytes: Buffer }> {
  authorize(ctx.actor, 'register.read');
  const { evaluation, columns } = await scoreColumns(evaluationId, lang, ctx);
  const register = await loadRegister(ctx.db, evaluation.registerId);
  const nameField = register.definition.uniqueKey[0]!;
  const scored = new Map(evaluation.scores.map((s) => [s.rowId, s.scores]));
  const rows = await ctx.db.selectFrom('register_rows').select(['id', 'data']).where('register_id', '=', register.id).orderBy('id').execute();
  const lines = rows.map((r) => {
    const scores = scored.get(r.id);
    return [r.id, String(rowValues(r.data)[nameField] ?? ''), ...evaluation.criteria.map((c) => scores?.[c.key] ?? null)];
  });
  return { name: `${register.name}-${evaluation.year}`, bytes: await figureWorkbook(`${register.name} ${evaluation.year}`, columns, lines) };
}

/** Imports an open evaluation's scores from a sheet of 编号 / 名称 / one column per criterion. */
export async function importEvaluationScores(evaluationId: number, bytes: Buffer, mode: 'atomic' | 'partial', lang: 'zh' | 'en', ctx: ServiceContext): Promise<FiguresImportResult> {
  authorize(ctx.actor, 'register.evaluate');
  const { evaluation, columns } = await scoreColumns(evaluationId, lang, ctx);
  const lines = await readFigureLines(bytes, ctx.config.maxUploadBytes, columns);
  const rows = new Set((await ctx.db.selectFrom('register_rows').select('id').where('register_id', '=', evaluation.registerId).execute()).map((r) => r.id));
  const current = new Map(evaluation.scores.map((s) => [s.rowId, s.scores]));
  const errors = new Errors(lang);
  const seen = new Map<number, number>();
  const scores: { rowId: number; scores: Record<string, number> }[] = [];
  let unchanged = 0;
  let skipped = 0;
  for (const line of lines) {
    if (!line.values) {
      errors.reject(line, line.problems);
      continue;
    }
    const rowId = Number(line.values[ROW_ID]);
    const given = evaluation.criteria.filter((c) => line.values![c.name] !== null && line.values![c.name] !== undefined);
    if (given.length === 0) {
      skipped++; // not scored this time
      continue;
    }
    const problems: { column: string; code: ErrorCode; params?: ErrorParams; value: StoredValue }[] = [];
    if (!rows.has(rowId)) problems.push({ column: ROW_ID, code: 'figures_unknown_row', value: rowId });
    for (const c of evaluation.criteria) if (!given.includes(c)) problems.push({ column: c.name, code: 'cell_required', value: null });
    const first = seen.get(rowId);
    if (problems.length === 0 && first !== undefined) problems.push({ column: ROW_ID, code: 'figures_duplicate_line', params: { row: first }, value: rowId });
    if (problems.length > 0) {
      errors.reject(line, problems);
      continue;
    }
    seen.set(rowId, line.row);
    const entry = Object.fromEntries(evaluation.criteria.map((c) => [c.key, Number(line.values![c.name])]));
    const before = current.get(rowId);
    if (before && evaluation.criteria.every((c) => before[c.key] === entry[c.key])) {
      unchanged++;
      continue;
    }
    scores.push({ rowId, scores: entry });
  }
  const result = (changed: number, same: number): FiguresImportResult => ({ changed, unchanged: same, rejected: errors.rejected, skipped, errors: errors.list });
  if (mode === 'atomic' && errors.rejected > 0) return result(0, 0);
  if (scores.length > 0) await scoreEvaluation(evaluationId, { scores }, ctx, { action: 'evaluation.scores.import', detail: { mode, lines: lines.length, rejected: errors.rejected } });
  return result(scores.length, unchanged);
}
