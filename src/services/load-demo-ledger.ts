import { deadlineInstant } from '../domain/consultation.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import { allocateIndicator } from './allocate-indicator.js';
import { authorizeUpload, storeAttachment } from './attach-evidence.js';
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

/**
 * What the lead units wrote about their work, in our own words, for the items whose progress
 * the 通报 is likely to quote; other reports say the routine sentence of `record`.
 */
const LEAD_PROGRESS: Record<number, { q3: string; q4: string }> = {
  1: {
    q3: '除长沙市外全面取消落户限制的配套细则已印发，长沙市落户门槛进一步放宽，三季度全省新增城镇落户人口同比增长一成以上。',
    q4: '户籍制度改革各项措施全部落地，长株潭社保缴纳年限和居住年限累计互认在三市试行，全年新增城镇落户人口超过年度预期。',
  },
  2: {
    q3: '出台未落户常住人口享有基本公共服务清单，人口集中流入城市新增义务教育学位2.3万个，随迁子女在公办学校就读比例稳步提高。',
    q4: '基本公共服务清单全面实施，随迁子女入学、居住证持有人医保参保等事项实现“一窗通办”，年度目标全部完成。',
  },
  3: {
    q3: '职业技能提升行动累计培训农业转移人口12万人次，组织企业开展新型学徒制培训，培训补贴按季拨付到位。',
    q4: '全年完成农业转移人口职业技能培训任务，新生代农民工培训占比过半，补贴资金全部兑现。',
  },
  4: {
    q3: '城镇建设用地增加规模与吸纳农业转移人口落户数量挂钩办法已起草，正在征求自然资源、公安等部门意见。',
    q4: '人地挂钩、人钱挂钩配套办法印发，进城落户农民承包地、宅基地和集体资产权益保障措施纳入年度考核。',
  },
  5: {
    q3: '“一核两副三带四区”重点项目库已建立，岳阳、衡阳省域副中心城市建设方案报省政府审定。',
    q4: '副中心城市建设方案印发实施，洞庭湖、湘南湘西城市群协同发展清单中的年度项目全部开工。',
  },
  6: {
    q3: '长株潭区域一体化三十大标志工程全部明确责任单位，已开工24项，“一江一心”沿江项目完成年度投资六成。',
    q4: '三十大标志工程年度任务全部完成，长沙优质教育、医疗资源向株洲、湘潭延伸项目签约落地。',
  },
  7: {
    q3: '湘江新区高质量发展三年行动启动，组团式发展规划完成中期评估，湘阴、韶山等周边县市融城项目纳入省级调度。',
    q4: '长沙省会城市功能提升项目年度投资计划完成，多中心组团式空间格局规划报批。',
  },
  8: {
    q3: '县城补短板强弱项四大类17个领域项目开工率达到八成，两批示范县城建设经验在全省推广。',
    q4: '县城补短板强弱项项目年度投资任务完成，公共服务和市政公用设施项目全部开工，环境卫生设施提级扩能通过验收。',
  },
  9: {
    q3: '工业、农业、文旅三类特色产业小镇创建名单已公布，清单动态调整评估方案正在论证。',
    q4: '特色小镇年度监测完成，清单动态调整评估报告形成初稿，拟于2022年一季度发布调整名单。',
  },
  10: {
    q3: '美好环境与幸福生活共同缔造活动在100个社区铺开，城市体检在长沙、常德等市试点。',
    q4: '共同缔造活动示范社区全部建成，城市体检报告形成，问题清单已交办各市整改。',
  },
  12: {
    q3: '常德市、衡阳市生活垃圾分类示范稳步推进，新开工焚烧处理设施3座，县级城市分类试点扩大到12个。',
    q4: '两市生活垃圾分类示范通过中期评估，年度新增焚烧处理能力如期形成，试点县城分类覆盖率达到目标。',
  },
  13: {
    q3: '城市建设安全专项整治三年行动进入集中攻坚，应急避难场所规划完成编制，医防融合试点在3个市开展。',
    q4: '专项整治隐患清单整改率超过九成，应急避难场所新建扩建项目部分结转2022年实施。',
  },
  14: {
    q3: '长株潭城际轨道线网规划修编完成，常德、娄底公交都市创建方案获批，慢行系统建设纳入城市体检指标。',
    q4: '公交都市创建年度任务完成，新增绿道和非机动车道里程超过年度计划。',
  },
  15: {
    q3: '老旧小区改造项目库全部入库，三季度累计开工846个，长沙、株洲等市开展“三区一村”城市更新试点。',
    q4: '全省新开工改造城镇老旧小区超过1500个，完成年度目标，城市更新试点项目清单动态更新。',
  },
  16: {
    q3: '市州国土空间总体规划全部形成初步成果，县市规划编制过半，长株潭区域规划完成专家论证。',
    q4: '全省市州国土空间总体规划全部报批，县市规划完成编制，区域性国土空间规划基本完成。',
  },
  17: {
    q3: '街道社区设置优化方案在6个市州试点，社区综合服务设施覆盖率提升到九成以上。',
    q4: '现代社区建设试点全部完成，社区综合服务设施实现城市社区全覆盖，共建共治共享机制形成制度文件。',
  },
  19: {
    q3: '全域土地综合整治试点县确定，城乡建设用地增减挂钩节余指标交易规则起草完成。',
    q4: '全域土地综合整治试点方案报批，增减挂钩节余指标首批交易因规则调整推迟到2022年上半年。',
  },
  20: {
    q3: '市政基础设施向城郊乡村延伸项目开工建设，乡镇通三级及以上公路年度计划完成七成。',
    q4: '供水供气管网延伸主体工程完工，待竣工验收；乡镇通三级公路年度计划基本完成。',
  },
  21: {
    q3: '联席会议召开第三季度调度会，印发任务分工和督办清单，成员单位具体措施全部报送。',
    q4: '全年召开联席会议4次，开展专项督导2轮，年度工作要点任务台账全部建立并按季调度。',
  },
};

/** Milestones the office set on tasks that run on (item → milestones). */
const MILESTONES: Record<number, { date: string; title: string }[]> = {
  9: [
    { date: '2021-09-30', title: '完成特色小镇清单动态调整评估方案' },
    { date: '2022-02-28', title: '发布调整后的省级特色小镇清单' },
  ],
  15: [
    { date: '2021-09-30', title: '老旧小区改造项目全部开工过半' },
    { date: '2021-12-31', title: '新开工改造老旧小区1500个' },
  ],
  19: [
    { date: '2021-12-31', title: '全域土地综合整治试点方案批复' },
    { date: '2022-06-30', title: '完成城乡建设用地增减挂钩节余指标交易' },
  ],
};

/**
 * A small real PDF (one page, one line) for the demo's evidence files: the type sniffer and
 * any PDF reader accept it. Built with correct cross-reference offsets.
 */
function demoPdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

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
  /** The task's own indicators (targets from the plan), which its lead reports on. */
  indicators: { id: number; target: number | null; comparator: string | null }[];
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
  // 土地制度改革 runs into 2022: the office moved its due date. Milestones on the tasks it follows closely.
  await updateTask(byItem.get(19)!.id, { dueDate: '2022-06-30' }, as('office', '2021-08-05T09:00:00'));
  for (const [item, milestones] of Object.entries(MILESTONES)) {
    const task = byItem.get(Number(item));
    if (task) await updateTask(task.id, { milestones }, as('office', '2021-08-05T09:30:00'));
  }

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
      q3Records.push(record('q3', q3.id, task, u.unitId, percent, iso(submitted), signatory(u.unitId), iso('2021-10-20T15:00:00'), officeUser.userId, indicatorValues(renewalFacts, task, u.unitId, 'q3')));
    }
  }
  await recordReports(q3Records, { seal: false, batch: 'demo 2021 Q3' }, system('2021-10-20T15:00:00'));
  // Returned and resubmitted: 省发改委 on 长株潭一体化 and 株洲市 on the old communities.
  // 省发改委 attaches its list of the 30 标志工程 to the report (sealed with it).
  await returnedThenAccepted('q3', q3.id, byItem.get(6)!, '2021-10-12', '补充30项标志工程的清单和投资完成情况', 48, as, indicatorValues(renewalFacts, byItem.get(6)!, byItem.get(6)!.lead!, 'q3'), undefined, {
    filename: '长株潭一体化三十大标志工程进展清单.pdf',
    line: 'Chang-Zhu-Tan integration: progress of the 30 landmark projects, Q3 2021 (demo)',
  });
  await returnedThenAccepted('q3', q3.id, renewal, '2021-10-13', '开工数与项目库不一致，请核实', 55, as, [{ indicatorId: indicator.id, value: 66 }], '430200');

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
      q4Records.push(record('q4', q4.id, task, u.unitId, percent, iso(submitted), signatory(u.unitId), iso('2022-01-13T15:00:00'), officeUser.userId, indicatorValues(renewalFacts, task, u.unitId, 'q4')));
    }
  }
  await recordReports(q4Records, { seal: false, batch: 'demo 2021 Q4' }, system('2022-01-13T15:00:00'));
  await returnedThenAccepted('q4', q4.id, byItem.get(2)!, '2022-01-06', '随迁子女入学比例请附教育部门统计口径说明', 100, as, indicatorValues(renewalFacts, byItem.get(2)!, byItem.get(2)!.lead!, 'q4'));
  await localRound(base, planId, local.id, cityOffice, '长沙市2021年第四季度老旧小区改造调度', '2021-10-01', '2021-12-31', '2022-01-05', 1.03, indicator.id, as, signatory, unitId);

  // 销号 at the year's end; a few tasks stay open, one with the office's light override. The
  // old communities' task is closed on the province's acceptance record, attached to it.
  const office = as('office', '2022-01-14T15:00:00');
  await storeAttachment(await authorizeUpload({ taskId: renewal.id }, office), { bytes: demoPdf('Acceptance of the 2021 old-community renewal starts, Hunan (demo)'), filename: '2021年老旧小区改造开工验收意见.pdf' }, office);
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
  round: 'q3' | 'q4',
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
  const own = unitId === task.lead ? LEAD_PROGRESS[task.item]?.[round] : undefined;
  return {
    roundId,
    taskId: task.id,
    unitId,
    progress: own ?? `${task.title.replace(/。$/, '')}：已制定年度工作方案，按计划推进，完成年度任务的${percent}%。`,
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

/**
 * The indicator figures a report carries: the old communities of item (十五) by unit (below),
 * and for every other task its lead's figure for each of its targets — about three fifths of
 * the target by the third quarter, the target reached (or a little beyond) by the year's end.
 */
function indicatorValues(renewal: RenewalFacts | null, task: DemoTask, unitId: number, round: 'q3' | 'q4'): { indicatorId: number; value: number }[] {
  if (renewal && task.id === renewal.taskId) return renewalValues(renewal, task, unitId, round);
  if (unitId !== task.lead) return [];
  return task.indicators
    .filter((i) => i.target !== null)
    .map((i) => {
      const target = i.target!;
      const below = i.comparator === '<=' || i.comparator === '<';
      const share = round === 'q3' ? (below ? 1.08 : 0.6) : below ? 0.97 : 1.02;
      const value = target * share;
      return { indicatorId: i.id, value: Number.isInteger(target) ? Math.round(value) : Math.round(value * 10) / 10 };
    });
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
  const indicators = await base.db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['indicators.id', 'indicators.task_id', 'indicators.target', 'indicators.comparator'])
    .where('tasks.plan_id', '=', planId)
    .where('indicators.source', '=', 'task')
    .orderBy('indicators.id')
    .execute();
  const tasks = rows.map((r) => ({
    id: r.id,
    item: r.item_ordinal ?? 0,
    title: r.title,
    lead: r.lead_unit_id,
    units: units.filter((u) => u.task_id === r.id).map((u) => ({ unitId: u.unit_id, role: u.role })),
    indicators: indicators.filter((i) => i.task_id === r.id).map((i) => ({ id: i.id, target: i.target, comparator: i.comparator })),
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
  round: 'q3' | 'q4',
  roundId: number,
  task: DemoTask,
  day: string,
  comment: string,
  percent: number,
  as: (login: string, local: string) => ServiceContext,
  indicators: { indicatorId: number; value: number }[],
  code?: string,
  evidence?: { filename: string; line: string },
): Promise<void> {
  const unitCode = code ?? (await codeOfUnit(as, task.lead!));
  const reporter = `${unitCode}.reporter`;
  const signer = `${unitCode}.signatory`;
  const own = code === undefined ? LEAD_PROGRESS[task.item]?.[round] : undefined;
  const progress = own ?? `${task.title.replace(/。$/, '')}：重点工作有序推进，完成年度任务的${percent}%。`;
  const draft = await saveReport(roundId, task.id, { progress, percent, indicators, problems: PROBLEMS[1]!, nextSteps: NEXT_STEPS[0]! }, as(reporter, `${day}T09:00:00`));
  if (evidence) {
    const ctx = as(reporter, `${day}T09:30:00`);
    await storeAttachment(await authorizeUpload({ reportId: draft.id }, ctx), { bytes: demoPdf(evidence.line), filename: evidence.filename }, ctx);
  }
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
