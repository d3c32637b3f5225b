import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Light } from '../domain/lights.js';
import { authorize } from '../domain/policy.js';
import type { ParsedPlan } from '../model/plan.js';
import type { LedgerSheet, LedgerSheetRow } from '../office/ledger-report-types.js';
import { LIGHT_LABELS, STATUS_LABELS } from '../office/ledger-xlsx.js';
import { mayReadReport } from './get-round.js';
import { listTasks } from './list-tasks.js';
import type { TaskListFilter } from './list-tasks.js';
import type { ServiceContext } from './support/context.js';
import { indicatorFigures } from './support/indicator-figures.js';
import { loadPlanOwner } from './support/ledger-rows.js';
import { loadUnitTree } from './support/unit-tree.js';

/** Sealed reports: what a lead unit has said, as opposed to a draft it is still writing. */
const SEALED = ['submitted', 'accepted'];

/** Section and item labels of a plan's published version. */
export async function planLabels(db: Kysely<Database>, planId: number, version: number | null): Promise<{ sections: Map<number, ParsedPlan['sections'][number]>; items: Map<number, string> }> {
  const row = version === null ? undefined : await db.selectFrom('plan_versions').select('parsed').where('plan_id', '=', planId).where('number', '=', version).executeTakeFirst();
  const parsed = row ? (JSON.parse(row.parsed) as Pick<ParsedPlan, 'sections' | 'items'>) : { sections: [], items: [] };
  return { sections: new Map(parsed.sections.map((s) => [s.ordinal, s])), items: new Map(parsed.items.map((i) => [i.ordinal, i.number])) };
}

/** Short names of units, by id. */
export async function unitNames(db: Kysely<Database>): Promise<Map<number, string>> {
  return new Map((await db.selectFrom('units').select(['id', 'short_name']).execute()).map((u) => [u.id, u.short_name]));
}

/**
 * The 任务台账 as it is printed: the rows of `GET /api/plans/:planId/tasks` with the same
 * filters and the same rights (the ledger is circulated like the plan: every signed-in
 * account), each with its section and item, text, units by name, indicators against their
 * targets, and the lead unit's latest sealed report — its text only where the reader may
 * read that report (the governing office, the lead unit itself), as GET /api/tasks/:id shows it.
 */
export async function exportLedger(planId: number, filter: TaskListFilter, ctx: ServiceContext): Promise<LedgerSheet> {
  authorize(ctx.actor, 'task.read');
  const plan = await loadPlanOwner(ctx.db, planId);
  // The same rows as the list, with the same filters (unit, light, status, section, owner).
  const tasks = await listTasks(planId, filter, 'zh', ctx);
  const ids = tasks.map((t) => t.id);
  const labels = await planLabels(ctx.db, planId, plan.publishedVersion);
  const names = await unitNames(ctx.db);
  const tree = await loadUnitTree(ctx.db);
  const texts = new Map<number, string>();
  const progress = new Map<number, { round: string; text: string; due: string }>();
  const indicatorRows: { id: number; task_id: number | null }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const t of await ctx.db.selectFrom('tasks').select(['id', 'text']).where('id', 'in', chunk).execute()) texts.set(t.id, t.text);
    indicatorRows.push(...(await ctx.db.selectFrom('indicators').select(['id', 'task_id']).where('task_id', 'in', chunk).orderBy('id').execute()));
    const reports = await ctx.db
      .selectFrom('reports')
      .innerJoin('tasks', (j) => j.onRef('tasks.id', '=', 'reports.task_id').onRef('tasks.lead_unit_id', '=', 'reports.unit_id'))
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .select(['reports.task_id', 'reports.unit_id', 'reports.progress', 'rounds.title', 'rounds.due_date', 'tasks.owner_unit_id', 'tasks.lead_unit_id'])
      .where('reports.task_id', 'in', chunk)
      .where('reports.status', 'in', SEALED)
      .execute();
    for (const r of reports) {
      const seen = progress.get(r.task_id);
      if (seen && seen.due >= r.due_date) continue;
      if (!mayReadReport(ctx.actor, tree, { unitId: r.unit_id, sealed: true, taskOwnerUnitId: r.owner_unit_id, leadUnitId: r.lead_unit_id })) continue;
      progress.set(r.task_id, { round: r.title, text: r.progress, due: r.due_date });
    }
  }
  const leads = new Map(tasks.map((t) => [t.id, t.leadUnitId]));
  const figures = await indicatorFigures(
    ctx.db,
    indicatorRows.map((r) => r.id),
    tree,
    (taskId) => (taskId === null ? null : (leads.get(taskId) ?? null)),
    filter.ownerUnitId ?? plan.ownerUnitId,
  );
  const byTask = new Map<number, typeof figures>();
  for (const f of figures) if (f.taskId !== null) byTask.set(f.taskId, [...(byTask.get(f.taskId) ?? []), f]);
  const nameOf = (id: number) => names.get(id) ?? String(id);
  const prefectures = new Set([...tree].filter(([, node]) => node.kind === 'prefecture').map(([id]) => id));
  const rows: LedgerSheetRow[] = tasks.map((t, i) => {
    const section = t.sectionOrdinal === null ? undefined : labels.sections.get(t.sectionOrdinal);
    const latest = progress.get(t.id);
    return {
      seq: i + 1,
      section: section ? `${section.number}、${section.title}` : '',
      item: t.itemOrdinal === null ? '' : (labels.items.get(t.itemOrdinal) ?? `第${t.itemOrdinal}条`),
      text: texts.get(t.id) || t.title,
      lead: t.leadUnitId === null ? '' : nameOf(t.leadUnitId),
      cooperating: t.units.filter((u) => u.role === 'cooperate').map((u) => nameOf(u.unitId)),
      localities: localityNames(t.units.filter((u) => u.role === 'locality').map((u) => u.unitId), prefectures, nameOf),
      indicators: (byTask.get(t.id) ?? []).map((f) => ({ subject: f.subject, unit: f.unit, comparator: f.comparator, target: f.target, actual: f.actual })),
      dueDate: t.dueDate,
      progress: latest ? { round: latest.round, text: latest.text } : null,
      percent: t.percent,
      light: t.light,
      lightReason: t.lightReason,
      status: t.status,
    };
  });
  const ownerName = names.get(filter.ownerUnitId ?? plan.ownerUnitId) ?? '';
  return { planTitle: plan.title, issuer: ownerName, generatedAt: ctx.clock.now().toISOString(), filters: filterWords(filter, names, labels.sections), rows };
}

function filterWords(filter: TaskListFilter, names: Map<number, string>, sections: Map<number, ParsedPlan['sections'][number]>): string[] {
  const words: string[] = [];
  if (filter.section !== undefined) {
    const s = sections.get(filter.section);
    words.push(s ? `${s.number}、${s.title}` : `第${filter.section}部分`);
  }
  if (filter.unitId !== undefined) words.push(`责任单位 ${names.get(filter.unitId) ?? filter.unitId}`);
  if (filter.light) words.push(LIGHT_LABELS[filter.light satisfies Light]);
  if (filter.status) words.push(STATUS_LABELS[filter.status]);
  if (filter.ownerUnitId !== undefined) words.push(`${names.get(filter.ownerUnitId) ?? filter.ownerUnitId}的具体措施`);
  return words;
}

/** 各市州政府 as the plan says it (各市州（14个）) when a task falls to every 市州; otherwise each name. */
function localityNames(ids: number[], prefectures: Set<number>, nameOf: (id: number) => string): string[] {
  if (prefectures.size > 1 && ids.length === prefectures.size && ids.every((id) => prefectures.has(id))) return [`各市州（${ids.length}个）`];
  return ids.map(nameOf);
}
