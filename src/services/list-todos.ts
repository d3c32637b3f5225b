import { deadlineInstant, isPastDeadline } from '../domain/consultation.js';
import { dueMs, taskDueInRound } from '../domain/lights.js';
import { LEVEL_NAMES, LEVEL_NAMES_EN, isNoticeLevel, noticeState } from '../domain/notice-escalation.js';
import { jsonFieldOfText } from '../db/json-fields.js';
import { can, unitPath } from '../domain/policy.js';
import type { Actor } from '../domain/policy.js';
import { renderTodo } from '../domain/todo-catalogue.js';
import { warningKey } from '../domain/warning-review.js';
import type { ParsedPlan } from '../model/plan.js';
import type { TodoKind, TodoParams } from '../domain/todo-catalogue.js';
import type { ServiceContext } from './support/context.js';
import { loadUnitTree } from './support/unit-tree.js';

export type TodoArea = 'plans' | 'consultations' | 'ledger' | 'rounds' | 'users';

export interface TodoView {
  kind: TodoKind;
  title: string;
  href: string;
  dueAt?: string;
  doneAt?: string;
  overdue?: boolean;
  area: TodoArea;
  params: TodoParams;
}

type Locale = 'zh' | 'en';
type UserActor = Extract<Actor, { kind: 'user' }>;
type Draft = Omit<TodoView, 'title'>;

/** Reports not yet begun are owed for this long after their round's due date; older ones are history. */
const STALE_REPORT_MS = 120 * 86_400_000;
const WEEK_MS = 7 * 86_400_000;

/**
 * The signed-in user's 待办: what waits for this person now, derived from the rows and the
 * clock (nothing is stored that could go stale). Reporters: consultations to answer, drafts
 * returned to them, reports due or returned, tasks to acknowledge, notices to answer;
 * signatories: drafts and reports waiting for their seal, notices to answer; the office:
 * opinions to decide, deadlines this week, overdue units, reports to review, open 督办;
 * admins: accounts to care for. Soonest due first.
 */
export async function listTodos(ctx: ServiceContext, locale: Locale): Promise<TodoView[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return [];
  const items: Draft[] = [];
  if (actor.role === 'reporter' || actor.role === 'signatory') {
    items.push(...(await replyTodos(actor, ctx)), ...(await unitLedgerTodos(actor, ctx)));
  }
  if (can(actor, 'plan.review')) items.push(...(await planReviewTodos(ctx)));
  if (can(actor, 'consultation.manage')) items.push(...(await officeConsultationTodos(ctx)));
  if (actor.role === 'office' || actor.role === 'admin') items.push(...(await officeLedgerTodos(actor, ctx)));
  if (can(actor, 'user.list')) items.push(...(await accountTodos(ctx)));
  const now = ctx.clock.now().getTime();
  return items
    .map((d) => ({ ...d, ...(d.dueAt !== undefined && { overdue: Date.parse(d.dueAt) < now }), title: renderTodo(d.kind, d.params, locale) }))
    .sort((a, b) => (a.dueAt ?? '9999') .localeCompare(b.dueAt ?? '9999'));
}

async function replyTodos(actor: UserActor, ctx: ServiceContext): Promise<Draft[]> {
  const rows = await ctx.db
    .selectFrom('consultation_recipients')
    .innerJoin('consultations', 'consultations.id', 'consultation_recipients.consultation_id')
    .leftJoin('replies', (join) =>
      join
        .onRef('replies.consultation_id', '=', 'consultations.id')
        .onRef('replies.unit_id', '=', 'consultation_recipients.unit_id')
        .on('replies.status', 'in', ['draft', 'sealing', 'sealed']),
    )
    .select(['consultations.id', 'consultations.title', 'consultations.deadline', 'replies.id as reply_id', 'replies.status', 'replies.submitted_at', 'replies.returned_at'])
    .where('consultation_recipients.unit_id', '=', actor.unitId)
    .where('consultations.closed_at', 'is', null)
    .orderBy('consultations.deadline')
    .execute();
  const out: Draft[] = [];
  for (const r of rows) {
    const base = { href: `/consultations/${r.id}`, dueAt: deadlineInstant(r.deadline).toISOString(), area: 'consultations' as const };
    const unsent = r.status === null || (r.status === 'draft' && r.submitted_at === null);
    if (actor.role === 'reporter' && unsent) {
      if (r.returned_at !== null && r.reply_id !== null) {
        const last = await ctx.db
          .selectFrom('reply_events')
          .select('comment')
          .where('reply_id', '=', r.reply_id)
          .where('kind', '=', 'return')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        out.push({ ...base, kind: 'reply.returned', params: { title: r.title, deadline: r.deadline, comment: last?.comment ?? '' } });
      } else {
        out.push({ ...base, kind: 'reply.write', params: { title: r.title, deadline: r.deadline } });
      }
    }
    if (actor.role === 'signatory' && r.status === 'draft' && r.submitted_at !== null) {
      out.push({ ...base, kind: 'reply.seal', params: { title: r.title, deadline: r.deadline } });
    }
  }
  return out;
}

async function unitLedgerTodos(actor: UserActor, ctx: ServiceContext): Promise<Draft[]> {
  const now = ctx.clock.now().getTime();
  const tasks = await ctx.db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['tasks.id', 'tasks.plan_id', 'tasks.owner_unit_id', 'tasks.published_at', 'tasks.closed_at', 'tasks.title', 'task_units.acknowledged_at', 'plans.title as plan_title'])
    .where('task_units.unit_id', '=', actor.unitId)
    .where('tasks.status', '=', 'open')
    .execute();
  const out: Draft[] = [];
  // Tasks to acknowledge, one entry per plan.
  const unacknowledged = new Map<number, { planTitle: string; count: number }>();
  for (const t of tasks) {
    if (t.acknowledged_at !== null) continue;
    const entry = unacknowledged.get(t.plan_id) ?? { planTitle: t.plan_title, count: 0 };
    entry.count += 1;
    unacknowledged.set(t.plan_id, entry);
  }
  for (const [planId, e] of unacknowledged) {
    out.push({ kind: 'task.acknowledge', href: `/ledger?plan=${planId}`, area: 'ledger', params: { planTitle: e.planTitle, count: e.count } });
  }
  const planIds = [...new Set(tasks.map((t) => t.plan_id))];
  if (planIds.length > 0) {
    const rounds = await ctx.db.selectFrom('rounds').select(['id', 'plan_id', 'owner_unit_id', 'title', 'due_date']).where('plan_id', 'in', planIds).execute();
    const reports = await ctx.db
      .selectFrom('reports')
      .select(['round_id', 'task_id', 'status', 'review_comment'])
      .where('unit_id', '=', actor.unitId)
      .where('round_id', 'in', rounds.length > 0 ? rounds.map((r) => r.id) : [-1])
      .execute();
    const byKey = new Map(reports.map((r) => [`${r.round_id}:${r.task_id}`, r]));
    for (const task of tasks) {
      for (const round of rounds) {
        if (round.plan_id !== task.plan_id || round.owner_unit_id !== task.owner_unit_id || !taskDueInRound({ publishedAt: task.published_at, closedAt: task.closed_at }, round.due_date)) continue;
        const report = byKey.get(`${round.id}:${task.id}`);
        const status = report?.status ?? 'none';
        const base = {
          href: `/rounds/${round.id}/tasks/${task.id}`,
          dueAt: new Date(dueMs(round.due_date)).toISOString(),
          area: 'rounds' as const,
          params: { taskTitle: task.title, roundTitle: round.title, dueDate: round.due_date },
        };
        if (actor.role === 'reporter') {
          if (status === 'none' && dueMs(round.due_date) > now - STALE_REPORT_MS) out.push({ ...base, kind: 'report.due' });
          if (status === 'returned') out.push({ ...base, kind: 'report.returned', params: { ...base.params, comment: report?.review_comment ?? '' } });
        } else {
          if (status === 'draft') out.push({ ...base, kind: 'report.seal' });
          if (status === 'returned') out.push({ ...base, kind: 'report.returned', params: { ...base.params, comment: report?.review_comment ?? '' } });
        }
      }
    }
  }
  // Notices addressed to the unit and not yet answered.
  const notices = await ctx.db
    .selectFrom('notices')
    .innerJoin('tasks', 'tasks.id', 'notices.task_id')
    .select(['notices.id', 'notices.task_id', 'notices.level', 'notices.issued_at', 'notices.answer_by', 'tasks.title as task_title'])
    .where('notices.unit_id', '=', actor.unitId)
    .where('notices.closed_at', 'is', null)
    .where('notices.answer_status', 'is', null)
    .execute();
  for (const n of notices) {
    const level = isNoticeLevel(n.level) ? n.level : 'blue';
    const state = noticeState({ level, issuedAt: n.issued_at, answerBy: n.answer_by, answeredAt: null, closedAt: null }, ctx.clock.now());
    out.push({
      kind: 'notice.answer',
      href: `/ledger/tasks/${n.task_id}`,
      dueAt: new Date(dueMs(state.answerBy)).toISOString(),
      area: 'ledger',
      params: { taskTitle: n.task_title, levelName: LEVEL_NAMES[state.level], levelNameEn: LEVEL_NAMES_EN[state.level], answerBy: state.answerBy },
    });
  }
  return out;
}

/**
 * Plans not yet published whose newest version still has parser warnings nobody has checked
 * (issue 12, item 7): the review is the office's to finish before the plan goes out.
 */
async function planReviewTodos(ctx: ServiceContext): Promise<Draft[]> {
  const newest = await ctx.db
    .selectFrom('plans')
    .innerJoin('plan_versions', (join) => join.onRef('plan_versions.plan_id', '=', 'plans.id').onRef('plan_versions.number', '=', 'plans.current_version'))
    .select(['plan_versions.id', 'plan_versions.plan_id', 'plans.title', jsonFieldOfText(ctx.dialect, 'plan_versions.parsed', 'warnings').as('warnings')])
    .where('plans.published_at', 'is', null)
    .execute();
  if (newest.length === 0) return [];
  const checks = await ctx.db
    .selectFrom('plan_warning_checks')
    .select(['version_id', 'warning_key'])
    .where('version_id', 'in', newest.map((v) => v.id))
    .execute();
  const checked = new Set(checks.map((c) => `${c.version_id}:${c.warning_key}`));
  const out: Draft[] = [];
  for (const version of newest) {
    const warnings = JSON.parse(version.warnings ?? '[]') as ParsedPlan['warnings'];
    const open = warnings.filter((w) => !checked.has(`${version.id}:${warningKey(w)}`)).length;
    if (open === 0) continue;
    out.push({ kind: 'plan.warnings', href: `/plans/${version.plan_id}`, area: 'plans', params: { title: version.title, count: open } });
  }
  return out;
}

async function officeConsultationTodos(ctx: ServiceContext): Promise<Draft[]> {
  const now = ctx.clock.now();
  const consultations = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'title', 'deadline', 'closed_at'])
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('published_at', 'is', null)]))
    .execute();
  if (consultations.length === 0) return [];
  const ids = consultations.map((c) => c.id);
  const undecided = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .select(['replies.consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('replies.status', '=', 'sealed')
    .where('opinions.disposition', 'is', null)
    .where('replies.consultation_id', 'in', ids)
    .groupBy('replies.consultation_id')
    .execute();
  const recipients = await ctx.db
    .selectFrom('consultation_recipients')
    .select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', 'in', ids)
    .groupBy('consultation_id')
    .execute();
  const sealed = await ctx.db
    .selectFrom('replies')
    .select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'sealed')
    .where('consultation_id', 'in', ids)
    .groupBy('consultation_id')
    .execute();
  const count = (rows: { consultation_id: number; n: number | string | bigint }[], id: number) => Number(rows.find((r) => r.consultation_id === id)?.n ?? 0);
  const out: Draft[] = [];
  for (const c of consultations) {
    const href = `/consultations/${c.id}`;
    const dueAt = deadlineInstant(c.deadline).toISOString();
    const open = count(undecided, c.id);
    if (open > 0) out.push({ kind: 'opinions.decide', href, area: 'consultations', params: { title: c.title, count: open } });
    if (c.closed_at !== null) continue;
    const missing = count(recipients, c.id) - count(sealed, c.id);
    if (missing <= 0) continue;
    if (isPastDeadline(c.deadline, now)) {
      out.push({ kind: 'consultation.overdue', href, dueAt, area: 'consultations', params: { title: c.title, count: missing, deadline: c.deadline } });
    } else if (deadlineInstant(c.deadline).getTime() - now.getTime() <= WEEK_MS) {
      out.push({ kind: 'consultation.due', href, dueAt, area: 'consultations', params: { title: c.title, count: missing, deadline: c.deadline } });
    }
  }
  return out;
}

async function officeLedgerTodos(actor: UserActor, ctx: ServiceContext): Promise<Draft[]> {
  const tree = await loadUnitTree(ctx.db);
  const governs = (ownerUnitId: number) => can(actor, 'report.review', { scopePath: unitPath(ownerUnitId, tree) });
  const waiting = await ctx.db
    .selectFrom('reports')
    .innerJoin('rounds', 'rounds.id', 'reports.round_id')
    .select(['rounds.id', 'rounds.title', 'rounds.due_date', 'rounds.owner_unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('reports.status', '=', 'submitted')
    .groupBy(['rounds.id', 'rounds.title', 'rounds.due_date', 'rounds.owner_unit_id'])
    .execute();
  const out: Draft[] = [];
  for (const r of waiting) {
    if (!governs(r.owner_unit_id)) continue;
    out.push({ kind: 'report.review', href: `/rounds/${r.id}`, area: 'rounds', params: { roundTitle: r.title, count: Number(r.n) } });
  }
  const notices = await ctx.db
    .selectFrom('notices')
    .innerJoin('tasks', 'tasks.id', 'notices.task_id')
    .innerJoin('units', 'units.id', 'notices.unit_id')
    .select(['notices.task_id', 'notices.level', 'notices.issued_at', 'notices.answer_by', 'notices.answer_status', 'notices.answered_at', 'tasks.title as task_title', 'tasks.owner_unit_id', 'units.short_name'])
    .where('notices.closed_at', 'is', null)
    .execute();
  for (const n of notices) {
    if (!governs(n.owner_unit_id)) continue;
    const level = isNoticeLevel(n.level) ? n.level : 'blue';
    const answeredAt = n.answer_status === 'answered' ? n.answered_at : null;
    const state = noticeState({ level, issuedAt: n.issued_at, answerBy: n.answer_by, answeredAt, closedAt: null }, ctx.clock.now());
    const answered = answeredAt !== null;
    out.push({
      kind: 'notice.follow',
      href: `/ledger/tasks/${n.task_id}`,
      ...(!answered && { dueAt: new Date(dueMs(state.answerBy)).toISOString() }),
      area: 'ledger',
      params: {
        taskTitle: n.task_title,
        unit: n.short_name,
        state: answered ? '已答复，待销号' : state.overdue ? '逾期未答复' : '待答复',
        stateEn: answered ? 'answered, to close' : state.overdue ? 'answer overdue' : 'awaiting an answer',
      },
    });
  }
  return out;
}

async function accountTodos(ctx: ServiceContext): Promise<Draft[]> {
  const out: Draft[] = [];
  const members = await ctx.db.selectFrom('units').select('id').where('member', '=', 1).execute();
  const withSignatory = new Set(
    (await ctx.db.selectFrom('users').select('unit_id').where('role', '=', 'signatory').where('active', '=', 1).execute()).map((r) => r.unit_id),
  );
  const lacking = members.filter((u) => !withSignatory.has(u.id)).length;
  if (lacking > 0) out.push({ kind: 'unit.signatory', href: '/users', area: 'users', params: { count: lacking } });
  const forced = await ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('must_change_password', '=', 1).where('active', '=', 1).executeTakeFirst();
  if (Number(forced?.n ?? 0) > 0) out.push({ kind: 'account.password', href: '/users?filter=mustChangePassword', area: 'users', params: { count: Number(forced?.n) } });
  const noEmail = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', 'in', ['reporter', 'signatory'])
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('email', 'is', null), eb('email', '=', '')]))
    .executeTakeFirst();
  if (Number(noEmail?.n ?? 0) > 0) out.push({ kind: 'account.email', href: '/users?filter=noEmail', area: 'users', params: { count: Number(noEmail?.n) } });
  return out;
}

/** The audit actions that are someone's work done, as 已办 kinds. */
const DONE_KINDS: Record<string, TodoKind> = {
  'reply.draft': 'done.reply.draft',
  'reply.update': 'done.reply.update',
  'reply.submit': 'done.reply.submit',
  'reply.return': 'done.reply.return',
  'reply.seal': 'done.reply.seal',
  'reply.withdraw': 'done.reply.withdraw',
  'opinion.decide': 'done.opinion.decide',
  'consultation.open': 'done.consultation.open',
  'consultation.remind': 'done.consultation.remind',
  'consultation.close': 'done.consultation.close',
  'consultation.publish': 'done.consultation.publish',
  'report.save': 'done.report.save',
  'report.submit': 'done.report.submit',
  'report.accept': 'done.report.accept',
  'report.return': 'done.report.return',
  'task.acknowledge': 'done.task.acknowledge',
  'notice.answer': 'done.notice.answer',
  'notice.issue': 'done.notice.issue',
  'user.create': 'done.user.create',
  'user.update': 'done.user.update',
  'user.password.reset': 'done.user.password.reset',
};

const DONE_LIMIT = 100;

/**
 * The signed-in user's 已办: the work it did, newest first, from the audit trail (which every
 * write appends to), each with a link to where it was done.
 */
export async function listDone(ctx: ServiceContext, locale: Locale): Promise<TodoView[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return [];
  const events = await ctx.db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'action', 'entity', 'entity_id', 'detail'])
    .where('actor_id', '=', actor.userId)
    .where('action', 'in', Object.keys(DONE_KINDS))
    .orderBy('seq', 'desc')
    .limit(DONE_LIMIT)
    .execute();
  const ids = (entity: string) => [...new Set(events.filter((e) => e.entity === entity && e.entity_id !== null).map((e) => Number(e.entity_id)))];
  const detailOf = (detail: string): Record<string, unknown> => {
    try {
      return JSON.parse(detail) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const decidedIn = (detail: Record<string, unknown>): number | null => {
    const first = (detail.opinions as { consultationId?: number }[] | undefined)?.[0];
    return first?.consultationId ?? null;
  };
  const consultationIds = [...ids('consultation'), ...events.filter((e) => e.action === 'opinion.decide').map((e) => decidedIn(detailOf(e.detail))).filter((id): id is number => id !== null)];
  const list = <T>(values: number[], load: (v: number[]) => Promise<T[]>) => (values.length === 0 ? Promise.resolve([] as T[]) : load(values));
  const [replies, consultations, reports, tasks, notices, users] = await Promise.all([
    list(ids('reply'), (v) =>
      ctx.db.selectFrom('replies').innerJoin('consultations', 'consultations.id', 'replies.consultation_id').select(['replies.id', 'consultations.id as cid', 'consultations.title']).where('replies.id', 'in', v).execute(),
    ),
    list(consultationIds, (v) => ctx.db.selectFrom('consultations').select(['id', 'title']).where('id', 'in', v).execute()),
    list(ids('report'), (v) =>
      ctx.db
        .selectFrom('reports')
        .innerJoin('rounds', 'rounds.id', 'reports.round_id')
        .innerJoin('tasks', 'tasks.id', 'reports.task_id')
        .select(['reports.id', 'reports.round_id', 'reports.task_id', 'rounds.title as round_title', 'tasks.title as task_title'])
        .where('reports.id', 'in', v)
        .execute(),
    ),
    list(ids('task'), (v) => ctx.db.selectFrom('tasks').select(['id', 'title']).where('id', 'in', v).execute()),
    list(ids('notice'), (v) => ctx.db.selectFrom('notices').innerJoin('tasks', 'tasks.id', 'notices.task_id').select(['notices.id', 'notices.task_id', 'tasks.title']).where('notices.id', 'in', v).execute()),
    list(ids('user'), (v) => ctx.db.selectFrom('users').select(['id', 'login', 'display_name']).where('id', 'in', v).execute()),
  ]);
  const out: TodoView[] = [];
  for (const e of events) {
    const kind = DONE_KINDS[e.action]!;
    const id = e.entity_id === null ? null : Number(e.entity_id);
    const detail = detailOf(e.detail);
    let found: { title: string; href: string; area: TodoArea; count?: number } | null = null;
    if (e.entity === 'reply') {
      const r = replies.find((x) => x.id === id);
      if (r) found = { title: r.title, href: `/consultations/${r.cid}`, area: 'consultations' };
    } else if (e.action === 'opinion.decide') {
      const cid = decidedIn(detail);
      const c = consultations.find((x) => x.id === cid);
      if (c) found = { title: c.title, href: `/consultations/${c.id}`, area: 'consultations', count: (detail.opinions as unknown[] | undefined)?.length ?? 1 };
    } else if (e.entity === 'consultation') {
      const c = consultations.find((x) => x.id === id);
      if (c) found = { title: c.title, href: `/consultations/${c.id}`, area: 'consultations' };
    } else if (e.entity === 'report') {
      const r = reports.find((x) => x.id === id);
      if (r) found = { title: `${r.task_title}（${r.round_title}）`, href: `/rounds/${r.round_id}/tasks/${r.task_id}`, area: 'rounds' };
    } else if (e.entity === 'task') {
      const t = tasks.find((x) => x.id === id);
      if (t) found = { title: t.title, href: `/ledger/tasks/${t.id}`, area: 'ledger' };
    } else if (e.entity === 'notice') {
      const n = notices.find((x) => x.id === id);
      if (n) found = { title: n.title, href: `/ledger/tasks/${n.task_id}`, area: 'ledger' };
    } else if (e.entity === 'user') {
      const u = users.find((x) => x.id === id);
      if (u) found = { title: `${u.display_name}（${u.login}）`, href: '/users', area: 'users' };
    }
    if (!found) continue;
    const params: TodoParams = { title: found.title, ...(found.count !== undefined && { count: found.count }) };
    out.push({ kind, title: renderTodo(kind, params, locale), href: found.href, doneAt: e.at, area: found.area, params });
  }
  return out;
}
