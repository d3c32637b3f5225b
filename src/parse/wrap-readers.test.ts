/**
 * The readers of units, roles and targets across the joins of a hard-wrapped text (wrapped.ts): a
 * figure, a unit's name, a role word or a collective cut by the wrap reads whole, through the text's
 * joiner-free view (joinFree in text.ts), and every fact's span still slices its raw from the text
 * as given (a raw across a join keeps the line break).
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';
import { joinFree, makeSource, sourceSpan, sourceStart, viewOffset, WRAP_JOINER } from './text.js';
import { joinBrokenDuties, joinedOver, joinWrapped } from './wrapped.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
/** The units of each item, as the corpus scorer compares them: raw (line breaks dropped) and role. */
const units = (text: string) => parse(text).items.map((i) => i.responsible.map((r) => `${r.raw.replace(/\s*\n\s*/g, '')}/${r.role}`));
const targets = (text: string) => parse(text).items.map((i) => i.targets.map((t) => `${t.raw.replace(/\s*\n\s*/g, '')}=${t.value}`));
const joined = (text: string): string => joinWrapped(makeSource(text)).norm.replace(/\u2060+/g, '⏎');

/** A plan cut at 20 characters a line, each cut falling where a reader used to stumble. */
const WRAPPED = [
  '一、重点任务',
  '1.加快重大项目建设,力争全年完成投资1',
  '000亿元以上,新开工项目两百个,带动社',
  '会投资稳定增长,工程如期推进。(市发展改',
  '革委牵头,市财政局配合)',
  '2.推进老旧小区改造,完善供水供气管网和',
  '消防设施,新增养老托育服务站点二十处。',
  '(市住房和城乡建设局牵头,各市州人民政府',
  '负责)',
  '3.实施农田水利设施提升工程,加固小型病',
  '险水库,疏浚灌渠八十五公里。(市水利局牵',
  '头,市农业农村局配合)',
].join('\n');
/** The same plan, one paragraph a line. */
const FLAT = [
  '一、重点任务',
  '1.加快重大项目建设,力争全年完成投资1000亿元以上,新开工项目两百个,带动社会投资稳定增长,工程如期推进。(市发展改革委牵头,市财政局配合)',
  '2.推进老旧小区改造,完善供水供气管网和消防设施,新增养老托育服务站点二十处。(市住房和城乡建设局牵头,各市州人民政府负责)',
  '3.实施农田水利设施提升工程,加固小型病险水库,疏浚灌渠八十五公里。(市水利局牵头,市农业农村局配合)',
].join('\n');

describe('readers across the joins of a hard-wrapped text', () => {
  it('the test plan is joined where it is cut', () => {
    const j = joined(WRAPPED);
    for (const cut of ['投资1⏎000亿元', '(市发展改⏎革委牵头', '各市州人民政府⏎负责)', '(市水利局牵⏎头,']) expect(j).toContain(cut);
  });

  it('reads a figure cut by the wrap whole (1⏎000亿元 is 1000亿元, not 000亿元)', () => {
    const plan = parse(WRAPPED);
    const figure = plan.items[0]?.targets[0];
    expect(figure?.value).toBe(1000e8);
    expect(figure?.raw).toBe('1\n000亿元');
    expect(targets(WRAPPED)).toEqual(targets(FLAT));
  });

  it('reads a unit name cut by the wrap (市发展改⏎革委), and resolves it', () => {
    const first = parse(WRAPPED).items[0]?.responsible[0];
    expect(first?.raw).toBe('市发展改\n革委');
    expect(first?.role).toBe('lead');
    expect(first?.unit).toBe(parse(FLAT).items[0]?.responsible[0]?.unit);
    expect(units(WRAPPED)[0]).toEqual(['市发展改革委/lead', '市财政局/cooperate']);
  });

  it('reads a collective whose role word falls on the next line (各市州人民政府⏎负责), the break left out of its raw', () => {
    expect(parse(WRAPPED).items[1]?.responsible.map((r) => `${r.raw}/${r.role}`)).toEqual(['市住房和城乡建设局/lead', '各市州人民政府/localities']);
  });

  it('reads a role word cut in two (牵⏎头)', () => {
    expect(units(WRAPPED)[2]).toEqual(['市水利局/lead', '市农业农村局/cooperate']);
    expect(units(WRAPPED)).toEqual(units(FLAT));
  });

  it('keeps every span slicing its raw from the text as given', () => {
    expect(spanProblems(WRAPPED, parse(WRAPPED))).toEqual([]);
  });

  it('reads a unit name cut by a page break, the page number and header left in its raw only', () => {
    const text = [
      '某市民生实事工作方案',
      '一、重点任务',
      '1.推进城区停车设施建设,年内新增公共停车',
      '泊位三千个,缓解老城区停车难。(市发展改',
      '- 1 -',
      '',
      '\f某市民生实事工作方案',
      '',
      '革委牵头,市公安局、市城市管理局配合)',
      '2.实施城市照明节能改造,更换高耗能路灯',
      '两千盏,完善背街小巷照明设施。(市城市管',
      '理局负责)',
      '- 2 -',
      '',
    ].join('\n');
    expect(joined(text)).not.toContain('- 1 -');
    const plan = parse(text);
    const lead = plan.items[0]?.responsible[0];
    expect(lead?.unit).toBe(parse(FLAT).items[0]?.responsible[0]?.unit);
    expect(lead?.role).toBe('lead');
    // A raw is what its span slices: across a page break, that holds the page's furniture.
    expect(lead?.raw).toBe(text.slice(lead?.span[0], lead?.span[1]));
    expect(lead?.raw).toContain('- 1 -');
    expect(units(text)[1]).toEqual(['市城市管理局/lead']);
    expect(plan.items[0]?.targets.map((t) => t.raw)).toEqual(['三千个']);
    expect(spanProblems(text, plan)).toEqual([]);
  });
});

describe('joinFree: the text without its joins', () => {
  it('is not built for a text without joins', () => {
    const src = joinWrapped(makeSource(FLAT));
    expect(src.joins).toBeUndefined();
    expect(joinFree(src)).toBeNull();
  });

  it('is built once, and maps offsets both ways', () => {
    //            0123456789
    const text = 'ab\ncd \n\nef\ngh';
    // Joins over [2, 3) (a line break) and [5, 8) (a space, a line and a blank one): as wrapped.ts writes them.
    const src = joinedOver(makeSource(text), [
      [2, 3],
      [5, 8],
    ]);
    expect(src.norm).toBe(`ab${WRAP_JOINER}cd${WRAP_JOINER.repeat(3)}ef\ngh`);
    const view = joinFree(src);
    expect(view).not.toBeNull();
    if (!view) return;
    expect(joinFree(src)).toBe(view);
    expect(view.src.norm).toBe('abcdef\ngh');
    expect(view.src.original).toBe('abcdef\ngh');
    // Source to view: a join's own offsets stand where it was taken out.
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => viewOffset(view, i))).toEqual([0, 1, 2, 2, 3, 4, 4, 4, 4, 5, 6]);
    // A fact starting where a join stood starts after it; one ending there ends before it.
    expect(sourceStart(view, 2)).toBe(3);
    expect(sourceSpan(view, 0, 2)).toEqual([0, 2]);
    expect(sourceSpan(view, 1, 3)).toEqual([1, 4]);
    expect(sourceSpan(view, 3, 6)).toEqual([4, 10]);
    expect(sourceSpan(view, 4, 4)).toEqual([8, 8]);
    expect(text.slice(...sourceSpan(view, 0, 6))).toBe('ab\ncd \n\nef');
  });

  it('maps every view span back to the same text, asked in any order', () => {
    const text = Array.from({ length: 40 }, (_, k) => `第${k}行文字`).join('\n');
    const ranges: [number, number][] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (i % 3 !== 0) ranges.push([i, i + 1]);
    const view = joinFree(joinedOver(makeSource(text), ranges));
    expect(view).not.toBeNull();
    if (!view) return;
    const order = Array.from({ length: view.src.norm.length }, (_, k) => (k * 7919) % view.src.norm.length);
    for (const v of order) {
      const [a, b] = sourceSpan(view, v, Math.min(view.src.norm.length, v + 5));
      expect(text.slice(a, b).replaceAll('\n', '')).toBe(view.src.norm.slice(v, Math.min(view.src.norm.length, v + 5)).replaceAll('\n', ''));
      expect(viewOffset(view, a)).toBe(v);
    }
  });

  it('reads a task line under a heading whose role word the wrap cut (…区水务局负⏎责)) as a task line of its own', () => {
    const wrap = (line: string): string => (line.match(/.{1,20}/gu) ?? []).join('\n');
    const text = [
      '一、主要目标',
      '1.约束性指标的责任部门',
      wrap('空气优良天数比例达到85%以上。(区生态环境局牵头,区发改委、区住建局配合)'),
      wrap('断面水质优Ⅲ类比例达到75%,饮用水水源水质全部达标。(区生态环境局、区水务局负责)'),
      wrap('单位生产总值能耗下降3.5%左右,煤炭消费总量控制在下达指标以内。(区发改委牵头)'),
      '二、重点任务',
      wrap('(一)打好蓝天保卫战。淘汰燃煤锅炉50台,实施治理项目120个。(区生态环境局牵头)'),
    ].join('\n');
    expect(text).toContain('区水务局负\n责)');
    expect(units(text)).toEqual([
      ['区生态环境局/lead', '区发改委/cooperate', '区住建局/cooperate'],
      ['区生态环境局/lead', '区水务局/cooperate'],
      ['区发改委/lead'],
      ['区生态环境局/lead'],
    ]);
  });

  it('reads a label broken inside by a line break (牵头单 ⏎ 位:, 配合 ⏎ 单位:) in a text too short to measure', () => {
    const text = '1.推进老旧小区改造。全年完成改造120个。牵头单\n位:市住建局;配合单位:市财政局、各区政府。\n2.新增城镇就业。全年新增城镇就业3万人。牵头单位:市人社局;配合\n单位:市财政局。\n';
    expect(units(text)).toEqual([
      ['市住建局/lead', '市财政局/cooperate', '各区政府/localities'],
      ['市人社局/lead', '市财政局/cooperate'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a bracket whose role words all fall on the next line ((由市人 ⏎ 力资源…局牵头,…)), or whose next line holds brackets of its own', () => {
    const text = '一、社会保障\n(一)新增城镇就业5万人,帮助1万名就业困难人员实现就业。(由市人\n力资源和社会保障局牵头,会同市财政局推进)\n(二)提高城乡低保标准,惠及近10万人。(由市民政局牵头,会同市财\n政局、各县(市)区人民政府推进)\n';
    expect(units(text)).toEqual([
      ['市人力资源和社会保障局/lead', '市财政局/cooperate'],
      ['市民政局/lead', '市财政局/cooperate', '各县(市)区人民政府/localities'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a figure the width broke (增长10 ⏎ %, 停车位5 ⏎ 000个) whole in a text too short to measure, not a table\'s spaced cells', () => {
    const text = '某市2021年主要目标责任分解\n1.城镇居民人均可支配收入增长8%、农村居民人均可支配收入增长10\n%。责任单位:市统计局\n2.改造背街小巷100条(市城管局负责);3.新增停车位5\n000个(市公安局交警支队牵头)。\n';
    expect(targets(text)).toEqual([['8%=8', '10%=10'], ['100条=100'], ['5000个=5000']]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // 2 5 1 2 ⏎ 10: a table's spaced figures are no figure broken in two.
    const spaced = '某区新辟公交线路年度目标分解表格数据如下所示 合计 2 5 1 2\n10 实际完成 1 2 0 3 6\n';
    expect(joinBrokenDuties(makeSource(spaced)).norm).toBe(makeSource(spaced).norm);
    const glued = '某区新辟公交线路年度目标分解表格数据如下所示合计新辟1\n0条,调整20条。\n';
    expect(joinBrokenDuties(makeSource(glued)).norm).not.toBe(makeSource(glued).norm);
    // 嵊州 2022: the measure word of a threshold opens the next line (5000 ⏎ 万元以上企业).
    const threshold = '某市2022年工作要点\n1.加快企业转型升级步伐,推动全市年营业收入5000\n万元以上企业开展数字化改造30家。(市经信局牵头)\n';
    expect(parse(threshold).items.map((i) => [i.title, i.targets.map((x) => x.raw)])).toEqual([
      ['加快企业转型升级步伐,推动全市年营业收入5000万元以上企业开展数字化改造30家', ['30家']],
    ]);
  });

  it('reads a name a label\'s list left broken at a long line\'s end (责任单位:市发展改 ⏎ 革委) whole in a text too short to measure', () => {
    const text = '某市2021年主要目标责任分解\n1.单位地区生产总值能耗降低0.5个百分点以上。责任单位:市发展改\n革委\n2.新增城镇就业3万人。责任单位:市人社局、市财\n政局\n3.提高供给质量\n抓好落实\n';
    expect(units(text).slice(0, 2)).toEqual([['市发展改革委/lead'], ['市人社局/lead', '市财政局/cooperate']]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a run-on list whose marker the width broke ((2 ⏎ )城乡…), its number without the break', () => {
    const text = '宁乡县2014年重点民生实事工作方案 一、交通和社会保障 (1)新\n建农村公路200公里,改造危桥10座。责任单位:县交通运输局。(2\n)城乡居民基本医疗保险参保率不低于95%。责任单位:县卫生局、县财\n政局。(3)新增城镇就业5000人。责任单位:县人社局。\n';
    const plan = parse(text);
    expect(plan.items.map((i) => [i.number, i.title])).toEqual([
      ['(1)', '新建农村公路200公里,改造危桥10座'],
      ['(2)', '城乡居民基本医疗保险参保率不低于95%'],
      ['(3)', '新增城镇就业5000人'],
    ]);
    expect(units(text)).toEqual([['县交通运输局/lead'], ['县卫生局/lead', '县财政局/cooperate'], ['县人社局/lead']]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a table one cell per line, a blank line between cells, whose long cells the width wrapped', () => {
    const cells = ['序号', '项目内容', '当前进度', '牵头单位', '备注'];
    const rows = [
      ['1', '四好农村路建成55公里。', '95%', '县交通局', '县民生实事'],
      ['2', '沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院建好\n并投入使用', '98%', '县卫健局', '县民生实事'],
      ['3', '农村公路大修、中修完成70公里。', '90%', '县交通局', '县民生实事'],
    ];
    const text = `2022年度民生实事未完成项目进度表\n\n${[cells, ...rows].map((r) => r.join('\n\n')).join('\n\n')}\n`;
    const plan = parse(text);
    expect(plan.items.map((i) => [i.title, i.responsible.map((u) => u.raw)])).toEqual([
      ['四好农村路建成55公里', ['县交通局']],
      ['沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院建好并投入使用', ['县卫健局']],
      ['农村公路大修、中修完成70公里', ['县交通局']],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a table one cell per line, each cell closed by a bar, whose long cells the width wrapped', () => {
    const rows = [
      ['序号', '项目名称', '2024年建设内容', '责任单位'],
      ['1', '城北小学门前道路建设项目', '完成唐塔北路延伸段道路建设。', '住建局'],
      ['2', '老旧小区改造项目', '对西苑小区、金鑫二小区、宏昌小区三所老旧小区实施房屋功能改善,完善\n周边配套基础设施。', '住建局'],
      ['3', '农村公路生命安全防护工程', '建设农村公路生命防护工程31.656公里,鎮域主干道相关路段的\n安防工程基本做到全覆盖。', '交通局'],
    ];
    const text = `附件:\n|\n某县2024年十大民生实事项目清单 |\n||||\n|\n${rows.map((r) => r.map((c) => `${c} |`).join('\n')).join('\n|\n')}\n`;
    const plan = parse(text);
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((u) => u.raw)])).toEqual([
      ['1', '城北小学门前道路建设项目', ['住建局']],
      ['2', '老旧小区改造项目', ['住建局']],
      ['3', '农村公路生命安全防护工程', ['交通局']],
    ]);
    expect(plan.items[2]?.targets.map((t) => t.raw)).toEqual(['31.656公里']);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('goes on after a closing bracket onto a line that starts with a comma (…(牵头) ⏎ ,市统计局)', () => {
    const text = [
      '青岛市2019年经济社会发展主要目标任务分解',
      '1.全市生产总值增长7%-7.5%。责任单位:市发展改革委(牵头)',
      ',市统计局',
      '2.一般公共预算收入增长6%左右,力争达到7%。责任单位:市财政局',
      '(牵头),市税务局',
      '3.居民人均可支配收入增长7.5%以上。责任单位:市统计局(牵头)',
      ',市人力资源社会保障局、市农业农村局',
      '4.城镇登记失业率控制在3.5%以内,新增城镇就业7万人。责任单位',
      ':市人力资源社会保障局',
    ].join('\n');
    expect(units(text).slice(0, 3)).toEqual([
      ['市发展改革委/lead', '市统计局/cooperate'],
      ['市财政局/lead', '市税务局/cooperate'],
      ['市统计局/lead', '市人力资源社会保障局/cooperate', '市农业农村局/cooperate'],
    ]);
  });

  it('titles an item by its first sentence across a line the page\'s width cut, in a text too short to measure', () => {
    const text = '一、重点任务\n1.针对发展不平衡不充分的问题,实施富民增收行动,加快形成以共同富\n裕为目标导向的发展格局。(市发改委牵头)\n2.推进老旧小区改造。(市住建局负责)\n';
    expect(parse(text).items.map((i) => i.title)).toEqual(['针对发展不平衡不充分的问题,实施富民增收行动,加快形成以共同富裕为目标导向的发展格局', '推进老旧小区改造']);
    // A heading's short line over its paragraph is no wrapped line.
    expect(parse('一、重点任务\n1.推进老旧小区改造\n全年完成改造120个。(市住建局负责)\n2.新增就业\n全年新增就业3万人。(市人社局负责)\n').items.map((i) => i.title)).toEqual(['推进老旧小区改造', '新增就业']);
  });
});
