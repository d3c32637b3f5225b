import { chinaDate, deadlineInstant } from '../domain/consultation.js';
import { describeLightReason, taskDueInRound } from '../domain/lights.js';
import type { Light } from '../domain/lights.js';
import { authorize, unitPath } from '../domain/policy.js';
import type { BulletinTask, RoundBulletin } from '../office/ledger-report-types.js';
import { planLabels, unitNames } from './export-ledger.js';
import { getRound } from './get-round.js';
import type { ServiceContext } from './support/context.js';
import { lightOf, loadPlanLedger, loadPlanOwner, loadRound, percentAsOf } from './support/ledger-rows.js';
import type { TaskRow } from './support/ledger-rows.js';
import { loadUnitTree } from './support/unit-tree.js';

/** Good practice quoted in a 通报: this many reports at most, each cut to this many characters. */
const GOOD_PRACTICE = 5;
const QUOTE_CHARS = 200;

const zero = (): Record<Light, number> => ({ green: 0, yellow: 0, red: 0 });
const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

/**
 * What a round's 通报 says. The 通报 is the office's document: it names every unit that was
 * late or silent and quotes their reports, which only the office governing the round may read
 * (report.read), so only that office (and the offices above it) may make it — the same right
 * as managing the round; a unit gets 403. Lights are taken as of the round's due date (as in
 * the lights across rounds), or as of now while the round is still open; report timeliness is
 * as of now, as on the round's page.
 */
export async function roundBulletin(roundId: number, ctx: ServiceContext): Promise<RoundBulletin> {
  const round = await loadRound(ctx.db, roundId);
  const tree = await loadUnitTree(ctx.db);
  authorize(ctx.actor, 'round.manage', { scopePath: unitPath(round.ownerUnitId, tree) });
  const plan = await loadPlanOwner(ctx.db, round.planId);
  const ledger = await loadPlanLedger(ctx.db, round.planId, { ownerUnitId: round.ownerUnitId, leadsOnly: true });
  const view = await getRound(roundId, {}, ctx);
  const labels = await planLabels(ctx.db, round.planId, plan.publishedVersion);
  const names = await unitNames(ctx.db);
  const nameOf = (id: number | null) => (id === null ? '' : (names.get(id) ?? String(id)));
  const now = ctx.clock.now();
  const asOf = new Date(Math.min(now.getTime(), deadlineInstant(round.dueDate).getTime()));
  const index = new Map(ledger.rounds.map((r) => [r.id, r]));
  const label = (t: TaskRow) => {
    const item = t.itemOrdinal === null ? '' : (labels.items.get(t.itemOrdinal) ?? '');
    const title = t.title.replace(/。$/, '');
    return title.startsWith(item) ? title : `${item}${title}`;
  };

  // The round's tasks: those that owe a report in it (taskDueInRound), and, for the progress
  // figures only, those closed (销号) during its period, which count as closed. Who was late
  // or silent comes from the round's rows, which follow the same rule.
  const dueEnd = deadlineInstant(round.dueDate).getTime();
  const tasks = ledger.tasks.filter(
    (t) =>
      t.ownerUnitId === round.ownerUnitId &&
      (taskDueInRound(t, round.dueDate) || (t.closedAt !== null && Date.parse(t.publishedAt) < dueEnd && chinaDate(new Date(t.closedAt)) >= round.periodStart)),
  );
  const lights = zero();
  const sections = new Map<number | null, { tasks: number; closed: number; percents: number[]; lights: Record<Light, number> }>();
  const red: BulletinTask[] = [];
  const yellow: BulletinTask[] = [];
  const ahead: { task: TaskRow; behind: number }[] = [];
  const percents: number[] = [];
  let closed = 0;
  for (const task of tasks) {
    const light = lightOf(ledger, task, asOf, index);
    const isClosed = task.closedAt !== null && Date.parse(task.closedAt) <= asOf.getTime();
    const percent = isClosed ? 100 : percentAsOf(ledger.leadReports.get(task.id) ?? [], index, asOf);
    lights[light.light] += 1;
    if (isClosed) closed += 1;
    percents.push(percent ?? 0);
    const s = sections.get(task.sectionOrdinal) ?? { tasks: 0, closed: 0, percents: [], lights: zero() };
    s.tasks += 1;
    if (isClosed) s.closed += 1;
    s.percents.push(percent ?? 0);
    s.lights[light.light] += 1;
    sections.set(task.sectionOrdinal, s);
    const entry = { task: label(task), lead: nameOf(task.leadUnitId), percent, reason: describeLightReason(light.reason).zh };
    if (light.light === 'red') red.push(entry);
    if (light.light === 'yellow') yellow.push(entry);
    if (light.light === 'green' && !isClosed && task.leadUnitId !== null) ahead.push({ task, behind: light.behind });
  }

  const byUnit = (timeliness: 'late' | 'missing') => {
    const units = new Map<number, string[]>();
    const taskOf = new Map(ledger.tasks.map((t) => [t.id, t]));
    for (const r of view.rows) {
      if (r.timeliness !== timeliness) continue;
      const task = taskOf.get(r.taskId);
      units.set(r.unitId, [...(units.get(r.unitId) ?? []), task ? label(task) : String(r.taskId)]);
    }
    // In the order of the round's page: by task, then unit.
    return [...units].map(([unitId, list]) => ({ unit: nameOf(unitId), tasks: list }));
  };

  // Good practice: the accepted, on-time reports of the lead units of the tasks furthest ahead.
  ahead.sort((a, b) => a.behind - b.behind || a.task.position - b.task.position);
  const timely = new Map(view.rows.filter((r) => r.timeliness === 'on_time' && r.status === 'accepted').map((r) => [`${r.taskId}:${r.unitId}`, r.reportId]));
  const picked = ahead.filter((a) => timely.get(`${a.task.id}:${a.task.leadUnitId}`) != null).slice(0, GOOD_PRACTICE);
  const reportIds = picked.map((a) => timely.get(`${a.task.id}:${a.task.leadUnitId}`)!);
  const texts = new Map(
    reportIds.length === 0 ? [] : (await ctx.db.selectFrom('reports').select(['id', 'progress']).where('id', 'in', reportIds).execute()).map((r) => [r.id, r.progress]),
  );
  const goodPractice = picked.map((a, i) => ({ unit: nameOf(a.task.leadUnitId), task: label(a.task), quote: quoteOf(texts.get(reportIds[i]!) ?? '') }));

  const c = view.counts;
  const onTime = view.rows.filter((r) => r.timeliness === 'on_time').length;
  return {
    planTitle: plan.title,
    roundTitle: round.title,
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    dueDate: round.dueDate,
    issuer: nameOf(round.ownerUnitId),
    generatedAt: now.toISOString(),
    lightsAsOf: asOf.toISOString(),
    overall: {
      tasks: tasks.length,
      closed,
      percent: mean(percents),
      lights,
      expected: c.expected,
      submitted: onTime + c.late,
      onTime,
      late: c.late,
      missing: c.missing,
      pending: c.pending,
      accepted: c.accepted,
      returned: c.returned,
    },
    sections: [...sections]
      .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
      .map(([ordinal, s]) => {
        const section = ordinal === null ? undefined : labels.sections.get(ordinal);
        return { title: section?.title ?? '', tasks: s.tasks, closed: s.closed, percent: mean(s.percents), lights: s.lights };
      }),
    red,
    yellow,
    late: byUnit('late'),
    missing: byUnit('missing'),
    goodPractice,
  };
}

/** The first sentences of a report, up to QUOTE_CHARS characters. */
function quoteOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= QUOTE_CHARS) return t;
  const cut = t.slice(0, QUOTE_CHARS);
  const stop = cut.lastIndexOf('。');
  return stop > QUOTE_CHARS / 2 ? cut.slice(0, stop + 1) : `${cut}……`;
}
