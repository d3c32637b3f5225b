import { updateRegisterDefinition } from './define-register.js';
import { authorize } from '../domain/policy.js';
import { validateRow } from '../domain/register-values.js';
import type { RowValues } from '../domain/register-values.js';
import { computeRegisterRollups } from './support/compute-register-rollups.js';
import { confirmEvaluation } from './confirm-evaluation.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { openEvaluation } from './open-evaluation.js';
import { publishEvaluation, publishRegisterSnapshot } from './publish-register-snapshot.js';
import { loadRegisterByKey, openChange, regionResolver } from './support/register-store.js';
import { scoreEvaluation } from './score-evaluation.js';
import { createIndicator, setIndicatorValues } from './set-indicator-values.js';

/**
 * The registers' demo: about 1,600 老旧小区 projects over the 14 市州 and their 县市区 (names
 * made up, deterministically, with plausible figures; about 1,500 started in 2021 against
 * the plan's target of 1500, allocated to the 市州), a 特色小镇 list with two evaluation years
 * (one town warned twice and proposed for removal), the 15 县城补短板强弱项示范县 and the 30
 * 长株潭 标志工程 (names made up), the 老旧小区 register's published snapshot, and
 * 户籍人口城镇化率 by 市州 for 2017–2021. Everything goes through the same validation and
 * audit as real data.
 */

/** A small deterministic generator (mulberry32), so every demo is the same. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Share of the 1500 starts by 市州: the province's allocation of the plan's item (十五), the same
// shares the ledger's demo allocates to the task's indicator (load-demo-ledger.ts), so the
// register's roll-up and the plan's indicator answer to one set of targets.
const WEIGHTS: Record<string, number> = {
  长沙市: 260, 株洲市: 120, 湘潭市: 80, 衡阳市: 140, 邵阳市: 120, 岳阳市: 120, 常德市: 110,
  张家界市: 30, 益阳市: 90, 郴州市: 110, 永州市: 100, 怀化市: 100, 娄底市: 60, 湘西土家族苗族自治州: 60,
};
const STEMS = ['建设', '人民', '解放', '新华', '五一', '东风', '红旗', '文化', '和平', '光明', '幸福', '胜利', '工人', '电力', '纺织', '粮食', '供销', '教育', '农机', '邮电', '交通', '水利', '卫生', '机械'];
const ENDS = ['新村', '小区', '宿舍', '大院', '家属区', '社区', '花园'];
const WORKS = ['水电气管网改造', '加装电梯', '屋面防水', '外墙保温', '道路硬化', '停车设施', '安防监控', '适老化改造', '绿化提质', '雨污分流'];

// 户籍人口城镇化率 (%) by 市州, 2017; later years add a little each year.
const URBAN_2017: Record<string, number> = {
  长沙市: 58.1, 株洲市: 46.2, 湘潭市: 44.8, 衡阳市: 36.5, 邵阳市: 28.9, 岳阳市: 39.4, 常德市: 35.2,
  张家界市: 31.0, 益阳市: 33.7, 郴州市: 38.3, 永州市: 30.2, 怀化市: 32.6, 娄底市: 33.1, 湘西土家族苗族自治州: 29.4,
};

const TOWNS: [string, string, string, string, string, number][] = [
  ['浏阳大瑶花炮小镇', '工业', '长沙市', '浏阳市', '花炮', 2018],
  ['宁乡灰汤温泉小镇', '文旅', '长沙市', '宁乡市', '温泉康养', 2018],
  ['醴陵五彩陶瓷小镇', '工业', '株洲市', '醴陵市', '陶瓷', 2018],
  ['炎陵神农谷小镇', '文旅', '株洲市', '炎陵县', '生态旅游', 2019],
  ['湘潭昭山文旅小镇', '文旅', '湘潭市', '雨湖区', '文化旅游', 2018],
  ['韶山红色旅游小镇', '文旅', '湘潭市', '韶山市', '红色旅游', 2018],
  ['衡山南岳寿文化小镇', '文旅', '衡阳市', '南岳区', '宗教文化旅游', 2018],
  ['祁东黄花菜小镇', '农业', '衡阳市', '祁东县', '黄花菜', 2019],
  ['邵东廉桥药材小镇', '农业', '邵阳市', '邵东市', '中药材', 2018],
  ['隆回魏源故里小镇', '文旅', '邵阳市', '隆回县', '文化旅游', 2019],
  ['平江黄金小镇', '工业', '岳阳市', '平江县', '黄金加工', 2018],
  ['岳阳君山茶旅小镇', '农业', '岳阳市', '君山区', '黄茶', 2019],
  ['澧县城头山文旅小镇', '文旅', '常德市', '澧县', '农耕文化', 2018],
  ['桃源茶旅小镇', '农业', '常德市', '桃源县', '茶叶', 2019],
  ['武陵源天子山小镇', '文旅', '张家界市', '武陵源区', '山地旅游', 2018],
  ['安化黑茶小镇', '农业', '益阳市', '安化县', '黑茶', 2018],
  ['桃江竹业小镇', '工业', '益阳市', '桃江县', '竹制品', 2019],
  ['汝城温泉小镇', '文旅', '郴州市', '汝城县', '温泉康养', 2018],
  ['嘉禾铸造小镇', '工业', '郴州市', '嘉禾县', '铸造', 2019],
  ['江永香柚小镇', '农业', '永州市', '江永县', '香柚', 2019],
  ['洪江古商城小镇', '文旅', '怀化市', '洪江市', '古城旅游', 2018],
  ['新化紫鹊界小镇', '文旅', '娄底市', '新化县', '梯田旅游', 2019],
  ['凤凰古城文旅小镇', '文旅', '湘西土家族苗族自治州', '凤凰县', '古城旅游', 2018],
  ['保靖黄金茶小镇', '农业', '湘西土家族苗族自治州', '保靖县', '茶叶', 2019],
];

// 长株潭区域一体化三十大标志工程 (item (六) of the seed): our own made-up names in the fields the
// register keeps, ten per area roughly, over the three cities.
const FLAGSHIPS: [string, '交通' | '产业' | '生态' | '公共服务' | '体制机制', '长沙市' | '株洲市' | '湘潭市', string][] = [
  ['长株潭城际轨道西环线延伸工程', '交通', '长沙市', '省发展改革委'],
  ['长株潭融城干道快速化改造', '交通', '湘潭市', '省交通运输厅'],
  ['芙蓉大道南延对接株洲段', '交通', '株洲市', '省交通运输厅'],
  ['长株潭公交一卡通与线路联通', '交通', '长沙市', '省交通运输厅'],
  ['湘江沿岸三市绿道贯通', '生态', '湘潭市', '省住房城乡建设厅'],
  ['长株潭绿心地区生态修复', '生态', '湘潭市', '省自然资源厅'],
  ['湘江流域三市水环境联防联治', '生态', '株洲市', '省生态环境厅'],
  ['城市群大气污染联防联控平台', '生态', '长沙市', '省生态环境厅'],
  ['三市医保异地结算同城化', '公共服务', '长沙市', '省医保局'],
  ['长株潭优质学校结对共建', '公共服务', '株洲市', '省教育厅'],
  ['三市三甲医院医联体建设', '公共服务', '湘潭市', '省卫生健康委'],
  ['长株潭政务服务一网通办', '体制机制', '长沙市', '省政务局'],
  ['三市规划一张图与协同审批', '体制机制', '湘潭市', '省自然资源厅'],
  ['长株潭要素市场一体化改革', '体制机制', '株洲市', '省发展改革委'],
  ['轨道交通装备产业集群协同', '产业', '株洲市', '省工业和信息化厅'],
  ['工程机械产业链上下游配套', '产业', '长沙市', '省工业和信息化厅'],
  ['湘潭智能制造产业园共建', '产业', '湘潭市', '省工业和信息化厅'],
  ['三市科技创新走廊建设', '产业', '长沙市', '省科技厅'],
  ['长株潭跨境电商综试区联动', '产业', '株洲市', '省商务厅'],
  ['城市群物流枢纽协同布局', '交通', '湘潭市', '省发展改革委'],
  ['长株潭城际铁路公交化运营', '交通', '株洲市', '省交通运输厅'],
  ['三市智慧交通数据共享平台', '交通', '长沙市', '省交通运输厅'],
  ['湘江风光带三市段提质', '生态', '长沙市', '省住房城乡建设厅'],
  ['昭山示范区生态保护提升', '生态', '湘潭市', '省自然资源厅'],
  ['三市公共文化设施联建共享', '公共服务', '湘潭市', '省文化和旅游厅'],
  ['长株潭养老服务同城互认', '公共服务', '株洲市', '省民政厅'],
  ['三市就业社保服务一体化', '公共服务', '长沙市', '省人力资源社会保障厅'],
  ['长株潭市场监管执法协作', '体制机制', '株洲市', '省市场监管局'],
  ['三市数据资源共享交换平台', '体制机制', '长沙市', '省政务局'],
  ['长株潭融城示范社区建设', '公共服务', '湘潭市', '省住房城乡建设厅'],
];

const FOCUS = ['公共服务', '环境卫生', '市政公用', '产业配套'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

async function insertRows(ctx: ServiceContext, registerKey: string, inputs: Record<string, string | number | boolean | null>[]): Promise<void> {
  const register = await loadRegisterByKey(ctx.db, registerKey);
  const { resolve } = await regionResolver(ctx.db);
  const valid = inputs.map((input) => {
    const { row, issues } = validateRow(register.definition, input, resolve);
    if (!row) throw new Error(`demo row of ${registerKey} does not validate: ${JSON.stringify(issues)}`);
    return row;
  });
  await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const change = await openChange(trx, ctx.actor, ctx.clock, register.id, 'import');
    for (let i = 0; i < valid.length; i += 500) {
      const batch = valid.slice(i, i + 500);
      const ids = await trx
        .insertInto('register_rows')
        .values(batch.map((r) => ({ register_id: register.id, row_key: r.key, data: JSON.stringify(r.values), prefecture_id: r.prefectureId, county_id: r.countyId, version: 1, created_at: at, updated_at: at })))
        .returning('id')
        .execute();
      await change.add(ids.map((r, j) => ({ rowId: r.id, before: null, after: batch[j]!.values as RowValues })));
    }
    await change.close({ mode: 'demo', added: valid.length, updated: 0, unchanged: 0, rejected: 0 });
    await computeRegisterRollups(trx, ctx.dialect, register, at);
  });
}

export async function loadDemoRegisters(ctx: ServiceContext): Promise<void> {
  authorize(ctx.actor, 'demo.load');
  const units = await ctx.db.selectFrom('units').select(['id', 'short_name', 'kind', 'parent_id']).where('kind', 'in', ['prefecture', 'county']).orderBy('division_code').execute();
  const prefectures = units.filter((u) => u.kind === 'prefecture');
  const countiesOf = (id: number) => units.filter((u) => u.kind === 'county' && u.parent_id === id);
  const next = random(20210721);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

  // 老旧小区: the allocated share of 1500 started in 2021 per 市州, plus some started in 2020 and
  // some planned for 2022 and not started.
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  const allocation = new Map<number, number>();
  let allocated = 0;
  prefectures.forEach((p, i) => {
    const share = i === prefectures.length - 1 ? 1500 - allocated : Math.round((1500 * (WEIGHTS[p.short_name] ?? 80)) / total);
    allocation.set(p.id, share);
    allocated += share;
  });
  const rows: Record<string, string | number | boolean | null>[] = [];
  for (const p of prefectures) {
    const counties = countiesOf(p.id);
    const quota = allocation.get(p.id)!;
    // Most 市州 are near their quota by the demo's date; a few are behind or ahead.
    const started2021 = Math.round(quota * (0.82 + next() * 0.3));
    const count = started2021 + Math.round(quota * 0.12);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const county = counties[i % counties.length]!;
      let name = '';
      for (let k = 0; k < 20 && (name === '' || used.has(`${county.id}${name}`)); k++) name = `${pick(STEMS)}路${1 + Math.floor(next() * 120)}号${pick(ENDS)}`;
      used.add(`${county.id}${name}`);
      const households = 40 + Math.floor(next() * 560);
      const buildings = Math.max(1, Math.round(households / (18 + next() * 30)));
      const area = Math.round(households * (0.006 + next() * 0.004) * 100) / 100;
      const year = 1975 + Math.floor(next() * 26);
      const startedThisYear = i < started2021;
      const lastYear = !startedThisYear && i % 3 === 0;
      const month = 1 + Math.floor(next() * (startedThisYear ? 10 : 12));
      const planned = startedThisYear || lastYear ? `${lastYear ? 2020 : 2021}-${pad(month)}-01` : `2022-${pad(month)}-01`;
      const actual = startedThisYear ? `2021-${pad(month)}-${pad(1 + Math.floor(next() * 27))}` : lastYear ? `2020-${pad(month)}-${pad(1 + Math.floor(next() * 27))}` : null;
      const finished = lastYear ? `2021-${pad(Math.min(12, month + 2))}-15` : startedThisYear && month < 4 && next() < 0.4 ? `2021-${pad(month + 6)}-20` : null;
      rows.push({
        项目名称: `${county.short_name}${name}改造项目`,
        市州: p.short_name,
        县市区: county.short_name,
        小区名称: name,
        建成年代: year,
        户数: households,
        楼栋数: buildings,
        '建筑面积(万平方米)': area,
        '总投资(万元)': Math.round(households * (2.2 + next() * 2.5)),
        计划开工: planned,
        实际开工: actual,
        完工日期: finished,
        改造内容: [pick(WORKS), pick(WORKS), pick(WORKS)].filter((w, j, all) => all.indexOf(w) === j).join('、'),
        状态: finished ? '完工' : actual ? '在建' : '未开工',
      });
    }
  }
  await insertRows(ctx, 'old-communities', rows);

  // 15个县城城镇化补短板强弱项示范 (item (八)): one county of each 市州 in two batches (长沙市
  // two), with their projects and investment. A generator of their own, so that the figures
  // drawn after them stay as they were.
  const more = random(20210806);
  const seats = prefectures.flatMap((p) => {
    const towns = countiesOf(p.id).filter((c) => !c.short_name.endsWith('区'));
    return towns.slice(0, p.short_name === '长沙市' ? 2 : 1).map((c) => ({ county: c, prefecture: p }));
  });
  await insertRows(
    ctx,
    'county-demonstrations',
    seats.map(({ county, prefecture }, i) => {
      const planned = Math.round((18 + more() * 40) * 10) / 10;
      return {
        县市区: county.short_name,
        市州: prefecture.short_name,
        批次: i % 3 === 0 ? 2021 : 2020,
        重点领域: FOCUS[i % FOCUS.length]!,
        项目数: 12 + Math.floor(more() * 30),
        '计划投资(亿元)': planned,
        '完成投资(亿元)': Math.round(planned * (0.45 + more() * 0.5) * 10) / 10,
        是否省级示范: i % 4 !== 3,
      };
    }),
  );

  // 长株潭区域一体化三十大标志工程 (item (六)).
  await insertRows(
    ctx,
    'czt-flagships',
    FLAGSHIPS.map(([工程名称, 领域, 市州, 牵头单位], i) => ({
      序号: i + 1,
      工程名称,
      领域,
      市州,
      牵头单位,
      '总投资(亿元)': Math.round((5 + more() * 120) * 10) / 10,
      开工日期: `${2019 + (i % 3)}-${pad(1 + Math.floor(more() * 12))}-01`,
      '进度(%)': Math.round(20 + more() * 75),
      附件: null,
    })),
  );
  const started = await ctx.db.selectFrom('indicators').select('id').where('key', '=', 'old-communities-started').executeTakeFirstOrThrow();
  await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    await trx.deleteFrom('indicator_allocations').where('indicator_id', '=', started.id).execute();
    await trx.insertInto('indicator_allocations').values([...allocation].map(([unitId, value]) => ({ indicator_id: started.id, unit_id: unitId, value, updated_at: at }))).execute();
  });

  // 特色小镇 and two evaluation years: 2020 (confirmed, published) and 2021 (scored, one town
  // warned for the second year and proposed for removal, waiting for the office).
  await insertRows(ctx, 'characteristic-towns', TOWNS.map(([名称, 类型, 市州, 县市区, 主导产业, 入选年份]) => ({ 名称, 类型, 市州, 县市区, 主导产业, 入选年份, 状态: '在册' })));
  const towns = await loadRegisterByKey(ctx.db, 'characteristic-towns');
  const townRows = await ctx.db.selectFrom('register_rows').select(['id', 'row_key']).where('register_id', '=', towns.id).orderBy('id').execute();
  const scoresFor = (year: number) =>
    townRows.map((r, i) => {
      const name = (JSON.parse(r.row_key) as string[])[0];
      // 嘉禾铸造小镇 falls behind two years running; 江永香柚小镇 fails once in 2021.
      const base = name === '嘉禾铸造小镇' ? 63 : name === '江永香柚小镇' && year === 2021 ? 52 : 72 + ((i * 7 + year) % 24);
      const s = (d: number) => Math.max(0, Math.min(100, base + d));
      return { rowId: r.id, scores: { industry: s(2), investment: s(-1), function: s(-3), mechanism: s(1) } };
    });
  const e2020 = await openEvaluation(towns.id, { year: 2020 }, ctx);
  await scoreEvaluation(e2020.id, { scores: scoresFor(2020) }, ctx);
  await confirmEvaluation(e2020.id, ctx);
  await publishEvaluation(e2020.id, ctx);
  const e2021 = await openEvaluation(towns.id, { year: 2021 }, ctx);
  await scoreEvaluation(e2021.id, { scores: scoresFor(2021) }, ctx);

  // 户籍人口城镇化率 by 市州, 2017–2021 (statistics entered by hand), published.
  const urban = await createIndicator({ key: 'registered-urbanization-rate', name: '户籍人口城镇化率', unit: '%', public: true }, ctx);
  const values: { unitId: number; period: string; value: number }[] = [];
  for (const p of prefectures) {
    const start = URBAN_2017[p.short_name] ?? 33;
    for (let year = 2017; year <= 2021; year++) values.push({ unitId: p.id, period: String(year), value: Math.round((start + (year - 2017) * (1.1 + next() * 0.6)) * 10) / 10 });
  }
  await setIndicatorValues(urban.id, values, ctx);

  await publishRegisterSnapshot((await loadRegisterByKey(ctx.db, 'old-communities')).id, '2021年', ctx);
}

/**
 * Links the 老旧小区 roll-up (新开工改造城镇老旧小区) to the plan's indicator of item (十五)
 * (新开工改造老旧小区), once the ledger's demo has published the plan: the rule's `feeds` names
 * it, so its figures by 市州 come from the register, and the roll-up shows its targets.
 */
export async function linkDemoRollup(planId: number, ctx: ServiceContext): Promise<void> {
  const task = await ctx.db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .where('source', '=', 'task')
    .where('name', 'like', '%老旧小区%')
    .orderBy('id')
    .executeTakeFirst();
  if (!task) return;
  const register = await loadRegisterByKey(ctx.db, 'old-communities');
  const definition = {
    ...register.definition,
    rollups: register.definition.rollups.map((r) => (r.indicator === 'old-communities-started' ? { ...r, feeds: task.id } : r)),
  };
  await updateRegisterDefinition(register.id, definition, { check: false, lang: 'zh' }, ctx);
}
