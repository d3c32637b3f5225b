import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { deadlineInstant } from '../domain/consultation.js';
import { describeLightReason } from '../domain/lights.js';
import type { Light } from '../domain/lights.js';
import type { NoticeLevel } from '../domain/notice-escalation.js';
import { authorize } from '../domain/policy.js';
import type { ParsedPlan } from '../model/plan.js';
import type { ServiceContext } from './support/context.js';
import { indicatorFigures } from './support/indicator-figures.js';
import { lightOf, loadPlanLedger, loadPlanOwner, taskPercent } from './support/ledger-rows.js';
import type { RoundRow } from './support/ledger-rows.js';
import { listNotices } from './supervise-task.js';
import { loadUnitTree } from './support/unit-tree.js';
import { cachePerDatabase, dataVersion } from './support/data-version.js';

type LightCounts = Record<Light, number>;

export interface UnitAggregate {
  unitId: number;
  tasks: number;
  lead: number;
  closed: number;
  /** Mean of the unit's latest accepted percent over its tasks that have one. */
  percent: number | null;
  acknowledged: number;
  /** In the latest round that has fallen due. */
  late: number;
  missing: number;
}

export interface Overview {
  planId: number;
  title: string;
  stage: string;
  publishedVersion: number | null;
  publishedAt: string | null;
  ownerUnitId: number;
  asOf: string;
  tasks: number;
  lights: LightCounts;
  closed: number;
  bySection: { section: number | null; title: string; tasks: number; closed: number; percent: number | null; lights: LightCounts }[];
  byUnit: UnitAggregate[];
  redList: { taskId: number; title: string; leadUnitId: number | null; percent: number | null; reason: string; reasonCode: string }[];
  yellowList: { taskId: number; title: string; leadUnitId: number | null; percent: number | null; reason: string; reasonCode: string }[];
  /** The latest round that has fallen due, and its late and missing reports (first 200; counts are complete). */
  latestRound: { id: number; title: string; dueDate: string; late: number; missing: number } | null;
  lateReports: { roundId: number; taskId: number; unitId: number; timeliness: 'late' | 'missing'; firstSubmittedAt: string | null }[];
  openNotices: { id: number; taskId: number; unitId: number; level: NoticeLevel; escalations: number; answerBy: string; overdue: boolean; status: string }[];
  indicators: { id: number; taskId: number | null; subject: string; unit: string; comparator: string | null; target: number | null; actual: number | null; allocated: number }[];
  /** Counts by light as of each round's due date: the lights across rounds. */
  rounds: { roundId: number; title: string; dueDate: string; lights: LightCounts }[];
}

const LATE_LIST_LIMIT = 200;

/**
 * The unit aggregates of a plan's tasks and the late and missing reports of one round: the
 * SQL the overview is built on (also measured bare by the benchmark).
 */
export async function unitAggregates(db: Kysely<Database>, planId: number, ownerUnitId: number, round: RoundRow | null): Promise<UnitAggregate[]> {
  const due = round ? deadlineInstant(round.dueDate).toISOString() : '';
  const roundId = round?.id ?? -1;
  const rows = await db
    .selectFrom('task_units as tu')
    .innerJoin('tasks as t', 't.id', 'tu.task_id')
    .leftJoin('reports as r', (j) => j.on('r.round_id', '=', roundId).onRef('r.task_id', '=', 'tu.task_id').onRef('r.unit_id', '=', 'tu.unit_id'))
    .select([
      'tu.unit_id',
      sql<number>`count(*)`.as('tasks'),
      sql<number>`sum(case when tu.role = 'lead' then 1 else 0 end)`.as('lead'),
      sql<number>`sum(case when t.status = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number | null>`avg(tu.percent)`.as('percent'),
      sql<number>`sum(case when tu.acknowledged_at is not null then 1 else 0 end)`.as('acknowledged'),
      // Owed only by tasks published before the due date and not closed by then (taskDueInRound).
      sql<number>`sum(case when r.first_submitted_at > ${due} and t.published_at < ${due} and (t.closed_at is null or t.closed_at > ${due}) then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when r.first_submitted_at is null and t.published_at < ${due} and (t.closed_at is null or t.closed_at > ${due}) then 1 else 0 end)`.as('missing'),
    ])
    .where('t.plan_id', '=', planId)
    .where('t.owner_unit_id', '=', ownerUnitId)
    .groupBy('tu.unit_id')
    .orderBy('tu.unit_id')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    tasks: Number(r.tasks),
    lead: Number(r.lead),
    closed: Number(r.closed),
    percent: r.percent === null ? null : Math.round(Number(r.percent) * 10) / 10,
    acknowledged: Number(r.acknowledged),
    late: round ? Number(r.late) : 0,
    missing: round ? Number(r.missing) : 0,
  }));
}

export async function lateList(db: Kysely<Database>, planId: number, ownerUnitId: number, round: RoundRow): Promise<Overview['lateReports']> {
  const due = deadlineInstant(round.dueDate).toISOString();
  const rows = await db
    .selectFrom('task_units as tu')
    .innerJoin('tasks as t', 't.id', 'tu.task_id')
    .leftJoin('reports as r', (j) => j.on('r.round_id', '=', round.id).onRef('r.task_id', '=', 'tu.task_id').onRef('r.unit_id', '=', 'tu.unit_id'))
    .select(['tu.task_id', 'tu.unit_id', 'r.first_submitted_at'])
    .where('t.plan_id', '=', planId)
    .where('t.owner_unit_id', '=', ownerUnitId)
    .where('t.published_at', '<', due)
    .where((eb) => eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>', due)]))
    .where((eb) => eb.or([eb('r.first_submitted_at', 'is', null), eb('r.first_submitted_at', '>', due)]))
    // No ORDER BY: the database stops at the limit instead of sorting every pair first.
    .limit(LATE_LIST_LIMIT)
    .execute();
  rows.sort((a, b) => a.task_id - b.task_id || a.unit_id - b.unit_id);
  return rows.map((r) => ({
    roundId: round.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    timeliness: r.first_submitted_at === null ? ('missing' as const) : ('late' as const),
    firstSubmittedAt: r.first_submitted_at,
  }));
}

const zero = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

/** Counts by light as of past round due dates, by plan, owner and round. */
const roundLightsOf = cachePerDatabase<LightCounts>(2000);

/**
 * The unit aggregates and the late list of the latest round that has fallen due: once the
 * round is chosen (by the clock), both depend on the stored rows alone, so they are kept under
 * the data version like the lights across rounds. They are the costly part of the overview (a
 * join over every task's units and the round's reports); the first request after any write
 * computes them again.
 */
const roundAggregatesOf = cachePerDatabase<{ byUnit: UnitAggregate[]; lateReports: Overview['lateReports'] }>(200);

/**
 * The plan overview: counts by light, completion by section and by unit, the red list,
 * late reports, open notices, indicators against their targets and the lights across
 * rounds. For a 市州's local measures pass its unit as the owner.
 */
export async function getOverview(planId: number, options: { ownerUnitId?: number | undefined; locale: 'zh' | 'en' }, ctx: ServiceContext): Promise<Overview> {
  authorize(ctx.actor, 'task.read');
  // Read first: the lights across rounds kept below are then never older than the rows.
  const version = await dataVersion(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  const ownerUnitId = options.ownerUnitId ?? plan.ownerUnitId;
  const ledger = await loadPlanLedger(ctx.db, planId, { ownerUnitId, leadsOnly: true });
  const now = ctx.clock.now();
  const index = new Map(ledger.rounds.map((r) => [r.id, r]));
  const ownRounds = ledger.rounds.filter((r) => r.ownerUnitId === ownerUnitId);
  const dueRounds = ownRounds.filter((r) => deadlineInstant(r.dueDate).getTime() < now.getTime());
  const latest = dueRounds.at(-1) ?? null;

  const parsed = await sectionTitles(ctx.db, planId, plan.publishedVersion);
  const lights = zero();
  let closed = 0;
  const sections = new Map<number | null, { tasks: number; closed: number; percents: number[]; lights: LightCounts }>();
  const redList: Overview['redList'] = [];
  const yellowList: Overview['yellowList'] = [];
  for (const task of ledger.tasks) {
    const light = lightOf(ledger, task, now, index);
    const percent = taskPercent(ledger, task, now);
    lights[light.light] += 1;
    if (task.status === 'closed') closed += 1;
    const s = sections.get(task.sectionOrdinal) ?? { tasks: 0, closed: 0, percents: [], lights: zero() };
    s.tasks += 1;
    if (task.status === 'closed') s.closed += 1;
    s.percents.push(task.status === 'closed' ? 100 : (percent ?? 0));
    s.lights[light.light] += 1;
    sections.set(task.sectionOrdinal, s);
    const entry = { taskId: task.id, title: task.title, leadUnitId: task.leadUnitId, percent, reason: describeLightReason(light.reason)[options.locale], reasonCode: light.reason.code };
    if (light.light === 'red') redList.push(entry);
    if (light.light === 'yellow') yellowList.push(entry);
  }
  const aggregatesKey = `${planId}:${ownerUnitId}:${latest ? `${latest.id}:${latest.dueDate}` : '-'}`;
  let aggregates = roundAggregatesOf(ctx.db).get(aggregatesKey, version);
  if (!aggregates) {
    aggregates = {
      byUnit: await unitAggregates(ctx.db, planId, ownerUnitId, latest),
      lateReports: latest ? await lateList(ctx.db, planId, ownerUnitId, latest) : [],
    };
    roundAggregatesOf(ctx.db).set(aggregatesKey, version, aggregates);
  }
  const byUnit = aggregates.byUnit.map((u) => ({ ...u }));
  const lateReports = aggregates.lateReports.map((r) => ({ ...r }));
  const taskIds = new Set(ledger.tasks.map((t) => t.id));
  const notices = (await listNotices({ planId }, ctx)).filter((n) => taskIds.has(n.taskId) && n.status !== 'closed');
  const tree = await loadUnitTree(ctx.db);
  const indicatorIds = (
    await ctx.db
      .selectFrom('indicators')
      .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
      .select('indicators.id')
      .where('tasks.plan_id', '=', planId)
      .where('tasks.owner_unit_id', '=', ownerUnitId)
      .execute()
  ).map((r) => r.id);
  const leads = new Map(ledger.tasks.map((t) => [t.id, t.leadUnitId]));
  const figures = await indicatorFigures(ctx.db, indicatorIds, tree, (taskId) => (taskId === null ? null : (leads.get(taskId) ?? null)), ownerUnitId);
  const roundLights = roundLightsOf(ctx.db);
  const rounds = dueRounds.map((r) => {
    // As of a due date already past, the lights depend on the stored rows alone: kept until the next write.
    const key = `${planId}:${ownerUnitId}:${r.id}:${r.dueDate}`;
    let counts = roundLights.get(key, version);
    if (!counts) {
      counts = zero();
      const at = deadlineInstant(r.dueDate);
      for (const task of ledger.tasks) {
        // Every task published by then; one closed before the round counts as green (closed).
        if (task.ownerUnitId !== r.ownerUnitId || Date.parse(task.publishedAt) >= at.getTime()) continue;
        counts[lightOf(ledger, task, at, index).light] += 1;
      }
      roundLights.set(key, version, counts);
    }
    return { roundId: r.id, title: r.title, dueDate: r.dueDate, lights: { ...counts } };
  });
  const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);
  return {
    planId,
    title: plan.title,
    stage: plan.stage,
    publishedVersion: plan.publishedVersion,
    publishedAt: plan.publishedAt,
    ownerUnitId,
    asOf: now.toISOString(),
    tasks: ledger.tasks.length,
    lights,
    closed,
    bySection: [...sections]
      .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
      .map(([section, s]) => ({
        section,
        title: section === null ? '' : (parsed.get(section) ?? ''),
        tasks: s.tasks,
        closed: s.closed,
        percent: mean(s.percents),
        lights: s.lights,
      })),
    byUnit,
    redList,
    yellowList,
    latestRound: latest
      ? { id: latest.id, title: latest.title, dueDate: latest.dueDate, late: byUnit.reduce((a, u) => a + u.late, 0), missing: byUnit.reduce((a, u) => a + u.missing, 0) }
      : null,
    lateReports,
    openNotices: notices.map((n) => ({ id: n.id, taskId: n.taskId, unitId: n.unitId, level: n.level, escalations: n.escalations, answerBy: n.answerBy, overdue: n.overdue, status: n.status })),
    indicators: figures.map((f) => ({ id: f.id, taskId: f.taskId, subject: f.subject, unit: f.unit, comparator: f.comparator, target: f.target, actual: f.actual, allocated: f.allocated })),
    rounds,
  };
}

/** Section titles of the published version, by ordinal. */
async function sectionTitles(db: Kysely<Database>, planId: number, version: number | null): Promise<Map<number, string>> {
  if (version === null) return new Map();
  const row = await db.selectFrom('plan_versions').select('parsed').where('plan_id', '=', planId).where('number', '=', version).executeTakeFirst();
  if (!row) return new Map();
  const parsed = JSON.parse(row.parsed) as Pick<ParsedPlan, 'sections'>;
  return new Map(parsed.sections.map((s) => [s.ordinal, `${s.number}、${s.title}`]));
}
