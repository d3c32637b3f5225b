import { deadlineInstant } from '../domain/consultation.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import { allocateIndicator } from './allocate-indicator.js';
import { appendAudit } from './support/audit-trail.js';
import { closeTask, overrideLight } from './close-task.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { openRound } from './open-round.js';
import { publishPlan } from './publish-plan.js';
import { recordReports } from './record-reports.js';
import type { ReportRecord } from './record-reports.js';
import { reviewReport } from './review-report.js';
import { saveReport } from './save-report.js';
import { addTask, updateTask } from './shape-tasks.js';
import { submitReport } from './submit-report.js';
import { answerNotice, closeNotice, issueNotice } from './supervise-task.js';
import { officeOfUnit } from './support/unit-tree.js';

/** China time, as people in the office would say it. */
const at = (local: string) => ({ now: () => new Date(`${local}+08:00`) });
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();

/** The province's shares of the 1500 old communities (item (十五)), by 市州 code. */
const CITY_SHARES: Record<string, number> = {
  '430100': 260, '430200': 120, '430300': 80, '430400': 140, '430500': 120, '430600': 120, '430700': 110,
  '430800': 30, '430900': 90, '431000': 110, '431100': 100, '431200': 100, '431300': 60, '433100': 60,
};
/** 长沙市's shares to its districts, by code. */
const DISTRICT_SHARES: Record<string, number> = {
  '430102': 25, '430103': 30, '430104': 35, '430105': 30, '430111': 40, '430112': 25, '430121': 30, '430181': 25, '430182': 20,
};

/** The lead unit's percent in each round, by item: chosen so each round shows all three lights. */
const Q3_LEAD: Record<number, number | 'missing'> = {
  1: 55, 2: 50, 3: 52, 4: 35, 5: 60, 6: 48, 7: 55, 8: 50, 9: 20, 10: 58, 11: 'missing',
  12: 30, 13: 45, 14: 62, 15: 56, 16: 50, 17: 60, 18: 47, 19: 40, 20: 52, 21: 65, 22: 60,
};
const Q4_LEAD: Record<number, number> = { 9: 85, 13: 90, 19: 30, 20: 95 };
const STILL_OPEN = new Set([9, 13, 19, 20]);

const PROBLEMS = [
  '部分项目前期手续办理周期较长。',
  '资金到位进度慢于计划，地方配套压力较大。',
  '基层人员力量不足，数据统计口径需进一步统一。',
  '个别市州推进不平衡，需加强调度。',
];
const NEXT_STEPS = [
  '加强统筹调度，按月跟踪重点项目进展。',
  '协调落实资金，督促各地加快项目开工。',
  '组织专题培训，规范数据报送。',
  '开展督导检查，推动问题整改到位。',
];

interface DemoTask {
  id: number;
  item: number;
  title: string;
  lead: number | null;
  units: { unitId: number; role: string }[];
}

/**
 * The ledger as it could have run in 2021, on the seed plan: version 2 published on 2 August;
 * the 1500 old communities of item (十五) allocated to the 14 市州 and by 长沙市 to its
 * districts (with 长沙市's local measure and rounds, whose figures roll up to the province);
 * the Q3 and Q4 rounds with reports from every responsible unit — some late, some returned
 * and resubmitted, one missing — so each round's lights show all three colours with their
 * reasons; a 督办 that escalated once before it was answered; most tasks closed in January 2022
 * and a few left open. Story steps go through the use cases as the demo users, sealed with
 * their units' keys; the mass of routine reports goes through the bulk path as records of
 * reports run on paper (audited per batch, without electronic seals: making a key for each
 * of ~45 units costs a scrypt run each and would make every demo load take many seconds).
 */
export async function loadDemoLedger(planId: number, base: ServiceContext): Promise<void> {
  const actors = new Map<string, Actor>();
  for (const u of await base.db.selectFrom('users').select(['id', 'login', 'unit_id', 'role']).execute()) {
    if (!isRole(u.role)) continue;
    const officeOf = u.role === 'office' ? await officeOfUnit(base.db, u.unit_id) : undefined;
    actors.set(u.login, { kind: 'user', userId: u.id, login: u.login, unitId: u.unit_id, role: u.role, ...(officeOf !== undefined && { officeOf }) });
  }
  const as = (login: string, local: string): ServiceContext => {
    const actor = actors.get(login);
    if (!actor) throw new AppError('not_found', { zh: `演示账号 ${login} 不存在`, en: `Demo account ${login} is missing` });
    return { ...base, actor, clock: at(local) };
  };
  const system = (local: string): ServiceContext => ({ ...base, clock: at(local) });
  const units = await base.db.selectFrom('units').select(['id', 'code']).execute();
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const signatory = (id: number) => {
    const actor = actors.get(`${codeOf.get(id)}.signatory`);
    if (!actor || actor.kind !== 'user') throw new AppError('not_found', { zh: '演示签发人缺失', en: 'A demo signatory is missing' });
    return { id: actor.userId, login: actor.login };
  };
  const officeUser = actors.get('office') as Extract<Actor, { kind: 'user' }>;
  const cityOffice = actors.get('430100.office') as Extract<Actor, { kind: 'user' }>;

  // 印发: version 2 (the one that answers the consultation) becomes final and is decomposed.
  await publishPlan(planId, { version: 2 }, as('office', '2021-08-02T10:00:00'));
  const { tasks, renewal: renewalFacts } = await demoTasks(base, planId);
  const byItem = new Map(tasks.map((t) => [t.item, t]));
  const renewal = byItem.get(15)!;
  const indicator = await base.db.selectFrom('indicators').select('id').where('task_id', '=', renewal.id).executeTakeFirstOrThrow();

  // 签收: nearly every unit acknowledged within the week; two have not.
  await acknowledgeAllBut(base, planId, [
    [byItem.get(4)!.id, unitId.get('hn-txglj')!],
    [byItem.get(22)!.id, unitId.get('433100')!],
  ]);
  // 土地制度改革 runs into 2022: the office moved its due date.
  await updateTask(byItem.get(19)!.id, { dueDate: '2022-06-30' }, as('office', '2021-08-05T09:00:00'));

  // The province divides the 1500 communities among the 市州; 长沙市 among its districts.
  await allocateIndicator(indicator.id, { allocations: Object.entries(CITY_SHARES).map(([code, value]) => ({ unitId: unitId.get(code)!, value })) }, as('office', '2021-08-10T15:00:00'));
  await allocateIndicator(indicator.id, { allocations: Object.entries(DISTRICT_SHARES).map(([code, value]) => ({ unitId: unitId.get(code)!, value })) }, as('430100.office', '2021-08-25T10:00:00'));
  const local = await addTask(
    planId,
    {
      title: '长沙市老旧小区改造提质（区县分解）',
      text: '对照省工作要点第（十五）项，2021年全市新开工改造城镇老旧小区260个，分解到各区县（市）抓落实。',
      leadUnitId: unitId.get('430100')!,
      localityUnitIds: Object.keys(DISTRICT_SHARES).map((c) => unitId.get(c)!),
      parentTaskId: renewal.id,
      dueDate: '2021-12-31',
    },
    as('430100.office', '2021-08-26T10:00:00'),
  );

  // Q3: opened in September, due 15 October.
  const q3 = await openRound(planId, { title: '2021年第三季度调度', periodStart: '2021-07-01', periodEnd: '2021-09-30', dueDate: '2021-10-15' }, as('office', '2021-09-25T09:00:00'));
  const q3Records: ReportRecord[] = [];
  const story = new Set([`${byItem.get(6)!.id}:${byItem.get(6)!.lead}`, `${renewal.id}:${unitId.get('430200')}`]);
  for (const task of tasks) {
    const leadPercent = Q3_LEAD[task.item] ?? 50;
    for (const u of task.units) {
      const key = `${task.id}:${u.unitId}`;
      if (story.has(key)) continue;
      const isLead = u.unitId === task.lead;
      if (isLead && leadPercent === 'missing') continue;
      const basePercent = leadPercent === 'missing' ? 45 : leadPercent;
      const percent = isLead ? basePercent : clamp(basePercent + jitter(task.id, u.unitId, 8));
      const late = (isLead && task.item === 3) || (task.item === 1 && codeOf.get(u.unitId) === '433100');
      const submitted = late ? (task.item === 3 ? '2021-10-18T16:30:00' : '2021-10-17T11:00:00') : `2021-10-${String(11 + (hash(task.id, u.unitId) % 4)).padStart(2, '0')}T10:00:00`;
      q3Records.push(record(q3.id, task, u.unitId, percent, iso(submitted), signatory(u.unitId), iso('2021-10-20T15:00:00'), officeUser.userId, renewalValues(renewalFacts, task, u.unitId, 'q3')));
    }
  }
  await recordReports(q3Records, { seal: false, batch: 'demo 2021 Q3' }, system('2021-10-20T15:00:00'));
  // Returned and resubmitted: 省发改委 on 长株潭一体化 and 株洲市 on the old communities.
  await returnedThenAccepted(q3.id, byItem.get(6)!, '2021-10-12', '补充30项标志工程的清单和投资完成情况', 48, as, []);
  await returnedThenAccepted(q3.id, renewal, '2021-10-13', '开工数与项目库不一致，请核实', 55, as, [{ indicatorId: indicator.id, value: 66 }], '430200');

  // 督办: 省发改委 sent nothing for 新型智慧城市; the notice escalated once before it was answered.
  const smart = byItem.get(11)!;
  const notice = await issueNotice(smart.id, { level: 'yellow', text: '第三季度调度未报送新型智慧城市建设进展，请说明原因并尽快补报', answerBy: '2021-10-22' }, as('office', '2021-10-18T09:00:00'));
  await answerNotice(notice.id, { text: '因牵头处室人员调整延误报送，已明确专人负责，第四季度按时报送。' }, as('hn-fgw.signatory', '2021-10-24T17:00:00'));
  await closeNotice(notice.id, as('office', '2021-10-26T10:00:00'));

  // 长沙市's own rounds for its local measure: its districts report to the city.
  await localRound(base, planId, local.id, cityOffice, '长沙市2021年第三季度老旧小区改造调度', '2021-07-01', '2021-09-30', '2021-10-10', 0.55, indicator.id, as, signatory, unitId);

  // Q4: due 10 January 2022; the year's tasks are due on 31 December.
  const q4 = await openRound(planId, { title: '2021年第四季度调度', periodStart: '2021-10-01', periodEnd: '2021-12-31', dueDate: '2022-01-10' }, as('office', '2021-12-20T09:00:00'));
  const q4Records: ReportRecord[] = [];
  const q4Story = new Set([`${byItem.get(2)!.id}:${byItem.get(2)!.lead}`]);
  for (const task of tasks) {
    const leadPercent = Q4_LEAD[task.item] ?? 100;
    for (const u of task.units) {
      if (q4Story.has(`${task.id}:${u.unitId}`)) continue;
      const isLead = u.unitId === task.lead;
      const percent = isLead || leadPercent === 100 ? leadPercent : clamp(leadPercent + jitter(task.id, u.unitId, 5));
      const late = isLead && task.item === 16;
      const submitted = late ? '2022-01-12T09:30:00' : `2022-01-${String(5 + (hash(task.id, u.unitId) % 5)).padStart(2, '0')}T10:00:00`;
      q4Records.push(record(q4.id, task, u.unitId, percent, iso(submitted), signatory(u.unitId), iso('2022-01-13T15:00:00'), officeUser.userId, renewalValues(renewalFacts, task, u.unitId, 'q4')));
    }
  }
  await recordReports(q4Records, { seal: false, batch: 'demo 2021 Q4' }, system('2022-01-13T15:00:00'));
  await returnedThenAccepted(q4.id, byItem.get(2)!, '2022-01-06', '随迁子女入学比例请附教育部门统计口径说明', 100, as, []);
  await localRound(base, planId, local.id, cityOffice, '长沙市2021年第四季度老旧小区改造调度', '2021-10-01', '2021-12-31', '2022-01-05', 1.03, indicator.id, as, signatory, unitId);

  // 销号 at the year's end; a few tasks stay open, one with the office's light override.
  for (const task of tasks) {
    if (STILL_OPEN.has(task.item)) continue;
    await closeTask(task.id, { comment: '年度任务已完成，经复核佐证材料齐全，予以销号。' }, as('office', '2022-01-14T16:00:00'));
  }
  await closeTask(local.id, { comment: '全市260个老旧小区全部开工，予以销号。' }, as('430100.office', '2022-01-12T16:00:00'));
  await overrideLight(byItem.get(20)!.id, { light: 'yellow', reason: '主体工程已完工，待竣工验收' }, as('office', '2022-01-15T10:00:00'));
  const reminder = await issueNotice(byItem.get(9)!.id, { level: 'blue', text: '特色小镇清单动态调整评估尚未完成，请加快推进', answerBy: '2022-01-20' }, as('office', '2022-01-12T10:00:00'));
  await answerNotice(reminder.id, { text: '评估报告已形成初稿，预计2月底前完成清单调整。' }, as('hn-fgw.signatory', '2022-01-18T15:00:00'));
}

function record(
  roundId: number,
  task: DemoTask,
  unitId: number,
  percent: number,
  submittedAt: string,
  signatory: { id: number; login: string },
  reviewedAt: string,
  reviewer: number,
  indicators: { indicatorId: number; value: number }[],
): ReportRecord {
  const h = hash(task.id, unitId);
  return {
    roundId,
    taskId: task.id,
    unitId,
    progress: `${task.title.replace(/。$/, '')}：已制定年度工作方案，按计划推进，完成年度任务的${percent}%。`,
    problems: PROBLEMS[h % PROBLEMS.length]!,
    nextSteps: NEXT_STEPS[(h >> 3) % NEXT_STEPS.length]!,
    percent,
    indicators,
    submittedAt,
    signatory,
    // A review after the round's due date; reports sent later were reviewed on the day after.
    review: { accept: true, at: new Date(Math.max(Date.parse(reviewedAt), Date.parse(submittedAt) + 86_400_000)).toISOString(), by: reviewer },
  };
}

interface RenewalFacts {
  taskId: number;
  indicatorId: number;
  lead: number | null;
  /** City shares by unit id; key -1 holds 长沙市's id. */
  city: Map<number, number>;
}

function renewalValues(renewalIndicator: RenewalFacts | null, task: DemoTask, unitId: number, round: 'q3' | 'q4'): { indicatorId: number; value: number }[] {
  if (!renewalIndicator || task.id !== renewalIndicator.taskId) return [];
  const factor = round === 'q3' ? 0.56 : 1.03;
  if (unitId === renewalIndicator.lead) return [{ indicatorId: renewalIndicator.indicatorId, value: round === 'q3' ? 846 : 1546 }];
  const share = renewalIndicator.city.get(unitId);
  // 长沙市's figure is the sum of its districts' reports (its own rounds), so it sends none here.
  if (share === undefined || unitId === renewalIndicator.city.get(-1)) return [];
  return [{ indicatorId: renewalIndicator.indicatorId, value: Math.round(share * factor) }];
}

async function demoTasks(base: ServiceContext, planId: number): Promise<{ tasks: DemoTask[]; renewal: RenewalFacts | null }> {
  const rows = await base.db.selectFrom('tasks').select(['id', 'item_ordinal', 'title', 'lead_unit_id']).where('plan_id', '=', planId).orderBy('position').execute();
  const units = await base.db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role'])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_units.unit_id')
    .execute();
  const tasks = rows.map((r) => ({
    id: r.id,
    item: r.item_ordinal ?? 0,
    title: r.title,
    lead: r.lead_unit_id,
    units: units.filter((u) => u.task_id === r.id).map((u) => ({ unitId: u.unit_id, role: u.role })),
  }));
  const renewal = tasks.find((t) => t.item === 15);
  if (renewal) {
    const ind = await base.db.selectFrom('indicators').select('id').where('task_id', '=', renewal.id).executeTakeFirstOrThrow();
    const codes = await base.db.selectFrom('units').select(['id', 'code']).execute();
    const city = new Map<number, number>();
    for (const c of codes) if (CITY_SHARES[c.code] !== undefined) city.set(c.id, CITY_SHARES[c.code]!);
    city.set(-1, codes.find((c) => c.code === '430100')!.id);
    return { tasks, renewal: { taskId: renewal.id, indicatorId: ind.id, lead: renewal.lead, city } };
  }
  return { tasks, renewal: null };
}

async function acknowledgeAllBut(base: ServiceContext, planId: number, except: [number, number][]): Promise<void> {
  const ctx = { ...base, clock: at('2021-08-06T18:00:00') };
  await inTransaction(ctx, async (trx) => {
    const pairs = await trx
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id'])
      .where('tasks.plan_id', '=', planId)
      .execute();
    let count = 0;
    for (const p of pairs) {
      if (except.some(([t, u]) => t === p.task_id && u === p.unit_id)) continue;
      const day = 3 + (hash(p.task_id, p.unit_id) % 4);
      await trx
        .updateTable('task_units')
        .set({ acknowledged_at: iso(`2021-08-0${day}T${String(9 + (p.unit_id % 8)).padStart(2, '0')}:00:00`) })
        .where('task_id', '=', p.task_id)
        .where('unit_id', '=', p.unit_id)
        .execute();
      count += 1;
    }
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'task.acknowledge.record', entity: 'plan', entityId: planId, detail: { batch: 'demo', acknowledged: count } });
  });
}

async function returnedThenAccepted(
  roundId: number,
  task: DemoTask,
  day: string,
  comment: string,
  percent: number,
  as: (login: string, local: string) => ServiceContext,
  indicators: { indicatorId: number; value: number }[],
  code?: string,
): Promise<void> {
  const unitCode = code ?? (await codeOfUnit(as, task.lead!));
  const reporter = `${unitCode}.reporter`;
  const signer = `${unitCode}.signatory`;
  const progress = `${task.title.replace(/。$/, '')}：重点工作有序推进，完成年度任务的${percent}%。`;
  await saveReport(roundId, task.id, { progress, percent, indicators, problems: PROBLEMS[1]!, nextSteps: NEXT_STEPS[0]! }, as(reporter, `${day}T09:00:00`));
  await submitReport(roundId, task.id, {}, as(signer, `${day}T11:00:00`));
  const unitIdOf = (as(signer, `${day}T11:00:00`).actor as Extract<Actor, { kind: 'user' }>).unitId;
  await reviewReport(roundId, task.id, { accept: false, comment, unitId: unitIdOf }, as('office', `${day}T16:00:00`));
  const next = nextDay(day, 2);
  await saveReport(roundId, task.id, { progress: `${progress}（已按要求补充：${comment.replace(/^请/, '')}）`, percent, indicators, problems: PROBLEMS[1]!, nextSteps: NEXT_STEPS[0]! }, as(reporter, `${next}T09:00:00`));
  await submitReport(roundId, task.id, {}, as(signer, `${next}T10:00:00`));
  await reviewReport(roundId, task.id, { accept: true, unitId: unitIdOf }, as('office', `${nextDay(day, 4)}T10:00:00`));
}

async function codeOfUnit(as: (login: string, local: string) => ServiceContext, id: number): Promise<string> {
  const ctx = as('office', '2021-08-02T10:00:00');
  const row = await ctx.db.selectFrom('units').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return row.code;
}

async function localRound(
  base: ServiceContext,
  planId: number,
  localTaskId: number,
  cityOffice: Extract<Actor, { kind: 'user' }>,
  title: string,
  start: string,
  end: string,
  due: string,
  factor: number,
  indicatorId: number,
  as: (login: string, local: string) => ServiceContext,
  signatory: (id: number) => { id: number; login: string },
  unitId: Map<string, number>,
): Promise<void> {
  const round = await openRound(planId, { title, periodStart: start, periodEnd: end, dueDate: due }, as('430100.office', `${end}T09:00:00`));
  const dueAt = deadlineInstant(due).getTime();
  const records: ReportRecord[] = Object.entries(DISTRICT_SHARES).map(([code, share], i) => {
    const id = unitId.get(code)!;
    const value = Math.round(share * factor);
    const percent = Math.min(100, Math.round(factor * 100));
    return {
      roundId: round.id,
      taskId: localTaskId,
      unitId: id,
      progress: `本区县老旧小区改造累计开工${value}个，完成分解任务的${percent}%。`,
      problems: PROBLEMS[(i + 2) % PROBLEMS.length]!,
      nextSteps: NEXT_STEPS[i % NEXT_STEPS.length]!,
      percent,
      indicators: [{ indicatorId, value }],
      submittedAt: new Date(dueAt - (i + 1) * 7_200_000).toISOString(),
      signatory: signatory(id),
      review: { accept: true, at: new Date(dueAt + 86_400_000).toISOString(), by: cityOffice.userId },
    };
  });
  const city = unitId.get('430100')!;
  records.push({
    roundId: round.id,
    taskId: localTaskId,
    unitId: city,
    progress: `全市老旧小区改造按区县分解推进，累计开工${Object.values(DISTRICT_SHARES).reduce((a, s) => a + Math.round(s * factor), 0)}个。`,
    percent: Math.min(100, Math.round(factor * 100)),
    submittedAt: new Date(dueAt - 3_600_000).toISOString(),
    signatory: signatory(city),
    review: { accept: true, at: new Date(dueAt + 86_400_000).toISOString(), by: cityOffice.userId },
  });
  await recordReports(records, { seal: false, batch: title }, { ...base, clock: { now: () => new Date(dueAt + 86_400_000) } });
}

function nextDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A small deterministic spread, so units' figures differ without randomness. */
function hash(a: number, b: number): number {
  let h = (a * 2654435761) ^ (b * 40503);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return Math.abs(h ^ (h >>> 16));
}

function jitter(a: number, b: number, spread: number): number {
  return (hash(a, b) % (2 * spread + 1)) - spread;
}

function clamp(p: number): number {
  return Math.max(0, Math.min(100, p));
}
