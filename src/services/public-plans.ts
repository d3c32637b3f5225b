import { sql } from 'kysely';
import type { PlanPublication, PublicPlan, PublicPlanSummary } from '../contract/public.js';
import { jsonFieldOfText } from '../db/json-fields.js';
import { fail } from '../domain/errors.js';
import type { Light } from '../domain/lights.js';
import { authorize } from '../domain/policy.js';
import type { ParsedSection } from '../model/plan.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { cachePerDatabase, dataVersion } from './support/data-version.js';
import { lightOf, loadPlanLedger, loadPlanOwner, taskPercent } from './support/ledger-rows.js';

/**
 * A plan's progress on the public pages (公开), when the provincial office chooses to publish
 * it. What is read is fixed here, whatever the setting: the published (印发) plan's own tasks
 * (not a 市州's local measures), each with its lead unit's name, due date, whether it is
 * closed, its completion — the lead unit's latest report the office ACCEPTED, as the ledger
 * counts it — and, when the office shows lights, its light as the ledger computes it now.
 * Never a draft or an unaccepted report, a report's text, a comment, an override's reason or
 * a light's reason (which may quote one).
 */

export type PlanPublicationContent = 'lights' | 'completion';

type LightCounts = Record<Light, number>;
const zero = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });
const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

async function publicationRow(db: ServiceContext['db'], planId: number) {
  return db.selectFrom('plan_publications').select(['content', 'published_at', 'updated_at']).where('plan_id', '=', planId).executeTakeFirst();
}

function publicationView(planId: number, row: { content: string; published_at: string; updated_at: string } | undefined): PlanPublication {
  return {
    planId,
    published: row !== undefined,
    show: row ? (row.content as PlanPublicationContent) : null,
    publishedAt: row?.published_at ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Whether a plan's progress is public and what it shows (the provincial office). */
export async function getPlanPublication(planId: number, ctx: ServiceContext): Promise<PlanPublication> {
  authorize(ctx.actor, 'progress.publish');
  await loadPlanOwner(ctx.db, planId);
  return publicationView(planId, await publicationRow(ctx.db, planId));
}

/**
 * Publishes a plan's progress, or changes what it shows. Only a plan published as final (印发)
 * has tasks to show. Publishing again what is already shown changes nothing and records nothing.
 */
export async function publishPlanProgress(planId: number, input: { show: PlanPublicationContent }, ctx: ServiceContext): Promise<PlanPublication> {
  authorize(ctx.actor, 'progress.publish');
  const plan = await loadPlanOwner(ctx.db, planId);
  if (plan.publishedVersion === null) throw fail('plan_not_published');
  await inTransaction(ctx, async (trx) => {
    const before = await publicationRow(trx, planId);
    if (before?.content === input.show) return;
    const at = nowIso(ctx);
    // One row per plan: two offices publishing at once end with one row, the later content.
    await trx
      .insertInto('plan_publications')
      .values({ plan_id: planId, content: input.show, published_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, published_at: at, updated_at: at })
      .onConflict((oc) => oc.column('plan_id').doUpdateSet({ content: input.show, updated_at: at }))
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.progress.publish',
      entity: 'plan',
      entityId: planId,
      detail: { show: input.show, ...(before && { from: before.content }) },
    });
  });
  return publicationView(planId, await publicationRow(ctx.db, planId));
}

/** Takes a plan's progress off the public pages. Withdrawing what is not public records nothing. */
export async function withdrawPlanProgress(planId: number, ctx: ServiceContext): Promise<PlanPublication> {
  authorize(ctx.actor, 'progress.publish');
  await loadPlanOwner(ctx.db, planId);
  await inTransaction(ctx, async (trx) => {
    const deleted = await trx.deleteFrom('plan_publications').where('plan_id', '=', planId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return;
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'plan.progress.unpublish', entity: 'plan', entityId: planId, detail: {} });
  });
  return publicationView(planId, undefined);
}

/**
 * When the data a public plan shows last changed: the publication, the plan's publication as
 * final, its tasks (closed, reopened, edited), its rounds, accepted reports, light overrides.
 */
async function lastChange(ctx: ServiceContext, planId: number, ownerUnitId: number, floor: string[]): Promise<string> {
  const db = ctx.db;
  const [tasks, rounds, reports, overrides] = await Promise.all([
    db.selectFrom('tasks').select(sql<string | null>`max(updated_at)`.as('at')).where('plan_id', '=', planId).where('owner_unit_id', '=', ownerUnitId).executeTakeFirst(),
    db.selectFrom('rounds').select(sql<string | null>`max(created_at)`.as('at')).where('plan_id', '=', planId).where('owner_unit_id', '=', ownerUnitId).executeTakeFirst(),
    db
      .selectFrom('reports')
      .innerJoin('tasks', 'tasks.id', 'reports.task_id')
      .select(sql<string | null>`max(reports.reviewed_at)`.as('at'))
      .where('tasks.plan_id', '=', planId)
      .where('tasks.owner_unit_id', '=', ownerUnitId)
      .where('reports.status', '=', 'accepted')
      .executeTakeFirst(),
    db
      .selectFrom('light_overrides')
      .innerJoin('tasks', 'tasks.id', 'light_overrides.task_id')
      .select(sql<string | null>`max(light_overrides.created_at)`.as('at'))
      .where('tasks.plan_id', '=', planId)
      .where('tasks.owner_unit_id', '=', ownerUnitId)
      .executeTakeFirst(),
  ]);
  const times = [...floor, tasks?.at, rounds?.at, reports?.at, overrides?.at].filter((t): t is string => typeof t === 'string' && t !== '');
  return times.sort().at(-1)!;
}

/** Section headings of the published version, by ordinal (only the sections leave the database). */
async function sectionTitles(ctx: ServiceContext, planId: number, version: number): Promise<Map<number, string>> {
  const row = await ctx.db
    .selectFrom('plan_versions')
    .select(jsonFieldOfText(ctx.dialect, 'parsed', 'sections').as('sections'))
    .where('plan_id', '=', planId)
    .where('number', '=', version)
    .executeTakeFirst();
  if (!row?.sections) return new Map();
  const sections = JSON.parse(row.sections) as Pick<ParsedSection, 'number' | 'ordinal' | 'title'>[];
  return new Map(sections.map((s) => [s.ordinal, `${s.number}、${s.title}`]));
}

/**
 * Public plans as built, kept while nothing is written (the data version) and for at most a
 * minute (lights follow the clock): what the pages' own Cache-Control allows anyway. Every
 * anonymous visit would otherwise recompute every task's light.
 */
const builtPlans = cachePerDatabase<{ at: number; plan: PublicPlan }>(50);
const KEEP_MS = 60_000;

async function publicPlanOf(ctx: ServiceContext, planId: number, publication: { content: string; updated_at: string }): Promise<PublicPlan> {
  // Read the version first: what is kept is then never older than the version says.
  const version = await dataVersion(ctx.db);
  const cache = builtPlans(ctx.db);
  const key = `${planId}:${publication.content}:${publication.updated_at}`;
  const now = ctx.clock.now().getTime();
  const kept = cache.get(key, version);
  if (kept && now - kept.at >= 0 && now - kept.at < KEEP_MS) return kept.plan;
  const plan = await buildPublicPlan(ctx, planId, publication);
  cache.set(key, version, { at: now, plan });
  return plan;
}

/** One public plan, built from the ledger as the ledger computes it. */
async function buildPublicPlan(ctx: ServiceContext, planId: number, publication: { content: string; updated_at: string }): Promise<PublicPlan> {
  const plan = await loadPlanOwner(ctx.db, planId);
  if (plan.publishedVersion === null) throw fail('plan_not_public');
  const show = publication.content as PlanPublicationContent;
  const withLights = show === 'lights';
  const ledger = await loadPlanLedger(ctx.db, planId, { ownerUnitId: plan.ownerUnitId, leadsOnly: true });
  const now = ctx.clock.now();
  const leadIds = [...new Set(ledger.tasks.map((t) => t.leadUnitId).filter((id): id is number => id !== null))];
  const names = new Map(
    leadIds.length === 0 ? [] : (await ctx.db.selectFrom('units').select(['id', 'short_name']).where('id', 'in', leadIds).execute()).map((u) => [u.id, u.short_name]),
  );
  const titles = await sectionTitles(ctx, planId, plan.publishedVersion);
  const lights = zero();
  const sections = new Map<number | null, { percents: number[]; lights: LightCounts; tasks: PublicPlan['sections'][number]['tasks'] }>();
  const percents: number[] = [];
  let closed = 0;
  for (const task of ledger.tasks) {
    const percent = taskPercent(ledger, task, now);
    const light = withLights ? lightOf(ledger, task, now).light : null;
    const isClosed = task.status === 'closed';
    const section = sections.get(task.sectionOrdinal) ?? { percents: [], lights: zero(), tasks: [] };
    const completion = isClosed ? 100 : (percent ?? 0);
    section.percents.push(completion);
    percents.push(completion);
    if (light) {
      section.lights[light] += 1;
      lights[light] += 1;
    }
    if (isClosed) closed += 1;
    section.tasks.push({
      id: task.id,
      title: task.title,
      leadUnit: task.leadUnitId === null ? null : (names.get(task.leadUnitId) ?? null),
      dueDate: task.dueDate,
      light,
      percent,
      closed: isClosed,
    });
    sections.set(task.sectionOrdinal, section);
  }
  const notices = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'title', 'published_at'])
    .where('plan_id', '=', planId)
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .execute();
  const floor = [publication.updated_at, ...(plan.publishedAt ? [plan.publishedAt] : [])];
  return {
    id: planId,
    title: plan.title,
    version: plan.publishedVersion,
    show,
    updatedAt: await lastChange(ctx, planId, plan.ownerUnitId, floor),
    tasks: ledger.tasks.length,
    closed,
    percent: mean(percents),
    publishedAt: plan.publishedAt,
    lights: withLights ? lights : null,
    sections: [...sections]
      .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
      .map(([ordinal, s]) => ({
        title: ordinal === null ? '' : (titles.get(ordinal) ?? ''),
        percent: mean(s.percents),
        lights: withLights ? s.lights : null,
        tasks: s.tasks,
      })),
    notices: notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.published_at! })),
  };
}

/** A plan's public progress, with no account; 404 unless the office published it. */
export async function getPublicPlan(planId: number, ctx: ServiceContext): Promise<PublicPlan> {
  const publication = await publicationRow(ctx.db, planId);
  if (!publication) throw fail('plan_not_public');
  return publicPlanOf(ctx, planId, publication);
}

/** The plans whose progress is public, newest publication first. */
export async function listPublicPlans(ctx: ServiceContext): Promise<PublicPlanSummary[]> {
  const rows = await ctx.db
    .selectFrom('plan_publications')
    .innerJoin('plans', 'plans.id', 'plan_publications.plan_id')
    .select(['plan_publications.plan_id', 'plan_publications.content', 'plan_publications.updated_at'])
    .where('plans.published_version', 'is not', null)
    .orderBy('plan_publications.published_at', 'desc')
    .orderBy('plan_publications.plan_id')
    .execute();
  const out: PublicPlanSummary[] = [];
  for (const row of rows) {
    const plan = await publicPlanOf(ctx, row.plan_id, row);
    out.push({ id: plan.id, title: plan.title, version: plan.version, show: plan.show, updatedAt: plan.updatedAt, tasks: plan.tasks, closed: plan.closed, percent: plan.percent });
  }
  return out;
}
