/** Page forms met on real documents of the genre (stop 19): each must read as its page means. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const rows = (text: string) =>
  parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)]);

describe('forms of real pages', () => {
  it('reads numerals that carry their pinyin reading: 一(yī)、 and (一(yī)), the number without it', () => {
    const text = '某省关于支持新区建设的意见\n一(yī)、下放(fàng)管理权限\n(一(yī))扩大新区审批权限。具体由省编办会省有关部门按规定办理。\n(二)完善财政支持。(省财政厅负责)\n';
    expect(rows(text)).toEqual([
      ['(一)', '扩大新区审批权限', ['省编办/lead', '省有关部门/localities'], []],
      ['(二)', '完善财政支持', ['省财政厅/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a table pasted one cell per line with cells closed by " |" and rows set apart by bars', () => {
    const text = [
      '附件:', '|', '某县2024年民生实事项目清单 |', '||||||', '|',
      '序号 |', '项目名称 |', '建设地点 |', '建设时间 |', '2024年建设内容 |', '年度投资金额 (万元) |', '责任单位 |', '|',
      '1 |', '城北小学门前道路建设项目 |', '城北街道 |', '2024 |', '新建道路1.2公里。 |', '300 |', '住建局 |', '|',
      '2 |', '老旧小区改造项目 |', '相关镇 (街道) |', '2024 |', '对西苑小区、金鑫小区、宏昌小区三所小区实施改造。 |', '1360 |', '住建局、财政局 |', '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '城北小学门前道路建设项目', ['住建局/lead'], ['1.2公里']],
      ['2', '老旧小区改造项目', ['住建局/lead', '财政局/cooperate'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('joins lines hard-wrapped at a page width, in titles and names, and keeps the break in raw and spans', () => {
    const body = [
      '一、提升城市基层党建水平,强化党对基层治理工作的全面',
      '领导',
      '1.健全街道党工委领导辖区治理重大事项的体制机制,完',
      '善决策程序,凡是基层治理中的重大事项和重要问题都由街道',
      '党工委研究决定,全面增强街道抓党建、抓治理和抓服务的能',
      '力。强化街道、社区党组织对辖区内各类组织、各项工作的领',
      '导作用,推动社区党组织书记和居委会主任一肩挑,把党的领',
      '导写进各类组织的章程,保证基层工作体现党的意志。',
      '牵头单位:区委组织部',
      '协办单位:区委编办、区民政局(区委社会工委)、园区党工',
      '委、各街道党工委',
      '2.完善街道职能配置,推动街道工作重心转移到抓党建、抓',
      '治理、抓服务上来,取消街道招商引资职能和相应的考核指标',
      '和奖励,全面落实街道的统筹协调和综合管理等各项职权。',
      '牵头单位:区委编办',
      '',
    ].join('\n');
    const plan = parse(body);
    expect(plan.sections[0]?.title).toBe('提升城市基层党建水平,强化党对基层治理工作的全面领导');
    expect(plan.items.map((i) => i.title)).toEqual([
      '健全街道党工委领导辖区治理重大事项的体制机制,完善决策程序,凡是基层治理中的重大事项和重要问题都由街道党工委研究决定,全面增强街道抓党建、抓治理和抓服务的能力',
      '完善街道职能配置,推动街道工作重心转移到抓党建、抓治理、抓服务上来,取消街道招商引资职能和相应的考核指标和奖励,全面落实街道的统筹协调和综合管理等各项职权',
    ]);
    expect(plan.items[0]?.responsible.map((r) => `${r.raw}/${r.role}`)).toEqual([
      '区委组织部/lead', '区委编办/cooperate', '区民政局(区委社会工委)/cooperate', '园区党工\n委/cooperate', '各街道党工委/localities',
    ]);
    expect(spanProblems(body, plan)).toEqual([]);
  });

  it('leaves lines that are not hard-wrapped alone', () => {
    const text = '一、重点任务\n1.推进园区建设\n2.完善社会保障\n';
    expect(parse(text).items.map((i) => i.title)).toEqual(['推进园区建设', '完善社会保障']);
  });

  it('takes no target from a grant one applicant may receive, a count of the names just listed, or 这两项', () => {
    expect(rows('一、任务\n1.设立促消费资金3000万元,符合条件的企业可获3万元-5万元资金支持,这两项资金由市财政局管理。(市商务局负责)\n')).toEqual([
      ['1', '设立促消费资金3000万元,符合条件的企业可获3万元-5万元资金支持,这两项资金由市财政局管理', ['市商务局/lead'], ['3000万元']],
    ]);
    // A verb between the list and the count makes it a figure to reach.
    expect(rows('一、任务\n1.依托京广、沪昆、渝长厦高铁打造三条高铁经济带。(省发展改革委负责)\n')[0]?.[3]).toEqual(['三条']);
  });

  it('reads no items under a heading of principles', () => {
    expect(rows('某市分工方案\n一、分工原则\n(一)坚持统筹兼顾。\n(二)坚持权责一致。\n二、任务分工\n(一)推进园区建设。(市发改委牵头)\n')).toEqual([
      ['(一)', '推进园区建设', ['市发改委/lead'], []],
    ]);
  });

  it('reads rows one space apart (number, task, unit) under a header closing the paragraph before them', () => {
    const text = [
      '各镇人民政府,市各委办局: 现将2018年政府工作任务分解如下,请抓紧组织落实. 附件:分解表 2018年2月24日 分解表 序号 名称 工作任务 牵头责任单位',
      '',
      '一、主要预期目标分解(2项)',
      '',
      '1 全市粮食产量稳定在50万吨. 农业局',
      '',
      '2 全社会固定资产投资额达到550亿元,其中工业投资增长10%. 发改委、经信委、科技局',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '全市粮食产量稳定在50万吨', ['农业局/lead'], ['50万吨']],
      ['2', '全社会固定资产投资额达到550亿元,其中工业投资增长10%', ['发改委/lead', '经信委/lead', '科技局/lead'], ['550亿元', '10%']],
    ]);
  });

  it('reads a zone named after a collective, 州直相关单位 and a bare 开发区管委会 as collectives, and a threshold before qualifiers', () => {
    expect(
      rows(`一、任务
(一)全县地区生产总值增长11%。[牵头单位:县发改局;责任单位:各镇人民政府,嘉鱼经济开发区]
(二)深化简政放权。(责任单位:州应急局、州直相关单位,各县市人民政府、开发区管委会)
(三)实施投资5000万元以上工业重点项目20个。(市发改委负责)
`),
    ).toEqual([
      ['(一)', '全县地区生产总值增长11%', ['县发改局/lead', '各镇人民政府/localities', '嘉鱼经济开发区/cooperate'], ['11%']],
      ['(二)', '深化简政放权', ['州应急局/lead', '州直相关单位/localities', '各县市人民政府/localities', '开发区管委会/localities'], []],
      ['(三)', '实施投资5000万元以上工业重点项目20个', ['市发改委/lead'], ['20个']],
    ]);
  });

  it('splits a heading over a single numbered task, and keeps a title over its own body whole', () => {
    expect(
      rows(`三、工作任务
(一)推进图书馆建设。
年内建成乡镇文化分馆8家。(县文旅局负责)
(二)开工建设旅游度假区。
1.补齐度假区的服务配套设施。建好接待中心。(县文旅局负责)
`),
    ).toEqual([
      ['(一)', '推进图书馆建设', ['县文旅局/lead'], ['8家']],
      ['1', '补齐度假区的服务配套设施', ['县文旅局/lead'], []],
    ]);
  });

  it('reads a table with a blank line between cells, a column name over two lines, group rows and an empty last cell', () => {
    const cells = [
      '序号', '重点工作', '市政府', '分管领导', '牵头单位', '配合单位', '备注',
      '增强科技创新的支撑作用。', '', '', '', '', '(一)', '壮大战略科技力量。', '', '', '', '',
      '1', '加快打造科技创新轴。', '王 东', '市科技局', '黄埔区、南沙区政府', '',
      '2', '做好国家实验室筹建保障服务。', '王 东', '市科技局', '市财政局,荔湾区政府',
    ];
    const text = `2021年工作责任分工\n\n${cells.join('\n\n')}\n`;
    const plan = parse(text);
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)])).toEqual([
      ['1', '加快打造科技创新轴', ['市科技局/lead', '黄埔区/cooperate', '南沙区政府/cooperate']],
      ['2', '做好国家实验室筹建保障服务', ['市科技局/lead', '市财政局/cooperate', '荔湾区政府/cooperate']],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a responsibility bracket the text ends inside, and drops the dangling 及', () => {
    expect(rows('一、任务\n(一)压减行政许可事项。再取消一批省级行政许可事项。〔省政府办公厅、省委编办按职责牵头,省直有关部门(单位)及')).toEqual([
      ['(一)', '压减行政许可事项', ['省政府办公厅/lead', '省委编办/lead', '省直有关部门(单位)/localities'], []],
    ]);
  });

  it('reads leaders\' remit headings: no item from the remit line, numbered tasks under a unit-led heading, a label the tasks share', () => {
    expect(
      rows(`一、某某省长负责的工作
全面负责推动省人民政府各项工作任务落实。
(一)省监察厅牵头的工作
做实行政监察,把廉政建设责任制落到实处。
(二)省编办牵头的工作
1.推动行政管理体制改革向纵深发展,使政府机构设置更加优化。
2.稳步有序地开展乡镇机构改革。
协同单位:省财政厅、省人事厅等省直有关部门和各市人民政府。
`),
    ).toEqual([
      ['(一)', '做实行政监察,把廉政建设责任制落到实处', ['省监察厅/lead'], []],
      ['1', '推动行政管理体制改革向纵深发展,使政府机构设置更加优化', ['省编办/lead', '省财政厅/cooperate', '省人事厅/cooperate', '各市人民政府/localities'], []],
      ['2', '稳步有序地开展乡镇机构改革', ['省编办/lead', '省财政厅/cooperate', '省人事厅/cooperate', '各市人民政府/localities'], []],
    ]);
  });

  it('reads a lead marked inside a bracket of names, names after a dash, and a unit list in square brackets closing the line', () => {
    expect(
      rows(`一、重点任务
1.推进交通建设。(市财政局、市交通局(牵头))
2.推进港口建设(市交通局(牵头)、市财政局)
3.加强生态保护。——市生态环境局牵头,市水利局配合
4.扩大有效投资[市发改委]
5.引用文献[1]。(市发改委负责)
`),
    ).toEqual([
      ['1', '推进交通建设', ['市交通局/lead', '市财政局/cooperate'], []],
      ['2', '推进港口建设', ['市交通局/lead', '市财政局/cooperate'], []],
      ['3', '加强生态保护', ['市生态环境局/lead', '市水利局/cooperate'], []],
      ['4', '扩大有效投资', ['市发改委/lead'], []],
      ['5', '引用文献[1]', ['市发改委/lead'], []],
    ]);
  });

  it('numbers items with ⑴, ⒈ and 第一条', () => {
    expect(rows('一、任务\n⑴推进园区建设。(市发改委负责)\n⑵完善社会保障。(市人社局负责)\n').map((r) => r[0])).toEqual(['⑴', '⑵']);
    expect(rows('一、任务\n⒈推进园区建设。(市发改委负责)\n⒉完善社会保障。(市人社局负责)\n').map((r) => r[0])).toEqual(['⒈', '⒉']);
    expect(rows('某市工作规则\n第一条 推进园区建设。(市发改委负责)\n第二条 完善社会保障。(市人社局负责)\n')).toEqual([
      ['第一条', '推进园区建设', ['市发改委/lead'], []],
      ['第二条', '完善社会保障', ['市人社局/lead'], []],
    ]);
  });

  it('reads role words alone before a colon (牵头:X;配合:Y), 主责部门/协作部门 and Hong Kong\'s 负责政策局 labels, in traditional script', () => {
    expect(
      rows(`一、經濟
(一)推動經濟適度多元。主責部門:經濟及科技發展局;協作部門:澳門貿易投資促進局
(二)發展中醫藥產業。(牽頭:經濟及科技發展局;配合:藥物監督管理局)
(三)增加公營房屋供應。(負責政策局:房屋局)
(四)推動北部都會區發展。負責政策局/部門:發展局、規劃署
`),
    ).toEqual([
      ['(一)', '推動經濟適度多元', ['經濟及科技發展局/lead', '澳門貿易投資促進局/cooperate'], []],
      ['(二)', '發展中醫藥產業', ['經濟及科技發展局/lead', '藥物監督管理局/cooperate'], []],
      ['(三)', '增加公營房屋供應', ['房屋局/lead'], []],
      ['(四)', '推動北部都會區發展', ['發展局/lead', '規劃署/cooperate'], []],
    ]);
  });

  const oneCellPerLine = (cells: string[]) => `某区重点工作责任表\n\n${cells.join('\n\n')}\n`;
  const units = (text: string) => parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)]);

  it('reads a one-cell-per-line table whose rows leave 序号 empty under group rows', () => {
    expect(
      units(oneCellPerLine(['序号', '重点工作内容', '责任单位', '配合单位', '一、关于调整经济结构', '(1)推动现代服务业发展。', '第三产业比重再提高1%。', '经委', '发改委', '新虹桥商务区建设继续推进。', '徐泾镇', '区商务区办公室、相关镇'])),
    ).toEqual([
      ['', '第三产业比重再提高1%', ['经委/lead', '发改委/cooperate']],
      ['', '新虹桥商务区建设继续推进', ['徐泾镇/lead', '区商务区办公室/cooperate', '相关镇/localities']],
    ]);
  });

  it('reads rows from their unit cells when a group row of two cells and progress notes put them out of step', () => {
    expect(
      units(oneCellPerLine(['项目名称', '项目内容', '责任单位', '进展情况', '(一)', '主要预期目标', '地区生产总值增长6.5%以上', '区发改局、区工业区管委会、各街道', '正常进行中', '财政收入与经济增长同步', '区财政局、各街道', '已完成全年任务的八成,继续推进'])),
    ).toEqual([
      ['', '地区生产总值增长6.5%以上', ['区发改局/lead', '区工业区管委会/cooperate', '各街道/localities']],
      ['', '财政收入与经济增长同步', ['区财政局/lead', '各街道/localities']],
    ]);
  });

  it('reads rows without a header column, cells closed by " |", a leader between task and units', () => {
    const text = ['2023年民生实事推进情况', '序号 |', '主要任务 |', '全年目标任务 |', '分管 领导 |', '牵头 单位 |', '责任主体与协同单位 |', '1-11月推进情况 |', '是否达序 |', '说明 |',
      '24 |', '新建中转站8个。 |', '张 三 |', '城管局 |', '市政局、相关街道 |', '已建成3个。 |', '是 |', '||',
      '25 |', '新增达标小区210个。 |', '张 三 |', '城管局 |', '环卫处、开发区管委会、各街道 |', '进度滞后,将加快推进。 |', '否 |', '||', ''].join('\n');
    expect(rows(text)).toEqual([
      ['24', '新建中转站8个', ['城管局/lead', '市政局/cooperate', '相关街道/localities'], ['8个']],
      ['25', '新增达标小区210个', ['城管局/lead', '环卫处/cooperate', '开发区管委会/localities', '各街道/localities'], ['210个']],
    ]);
  });

  it('reads office headings as the lead of the ① points run on under a label line, and no threshold as a target', () => {
    expect(
      rows(`某园区部室任务
(一)综合办公室(党群工作部、财务室)
(1)年度主要任务与要求:
①做好园区宣传推介,刊发稿件8篇;②理顺园区体制机制;③全年入统企业增加5家以上。
(二)招商合作局(行政审批局)
(1)年度主要任务与要求:
①争取落地工业项目6家(其中投资2亿元以上的500强企业项目1家);②每月报送小结。
`),
    ).toEqual([
      ['①', '做好园区宣传推介,刊发稿件8篇', ['综合办公室(党群工作部、财务室)/lead'], ['8篇']],
      ['②', '理顺园区体制机制', ['综合办公室(党群工作部、财务室)/lead'], []],
      ['③', '全年入统企业增加5家以上', ['综合办公室(党群工作部、财务室)/lead'], ['5家']],
      ['①', '争取落地工业项目6家(其中投资2亿元以上的500强企业项目1家)', ['招商合作局(行政审批局)/lead'], ['6家', '1家']],
      ['②', '每月报送小结', ['招商合作局(行政审批局)/lead'], []],
    ]);
    // A heading that is a task (it starts with a verb) leads nothing.
    expect(rows('一、任务\n(一)建设市民服务中心\n1.完成主体工程。\n')[0]?.[2]).toEqual([]);
  });

  it('reads leaders\' posts as no units, a bracket cut inside 按职责分, a heading before a colon and 50万以上', () => {
    const plan = parse(`一、任务
(一)总体要求:以新发展理念为指导,坚持稳中求进工作总基调,推动高质量发展,全省地区生产总值增长7.5%,农村贫困人口减少50万以上。(分管副省长、协管副秘书长负责,省发展改革委牵头,省财政厅、省统计局等按职责分`);
    expect(plan.items.map((i) => [i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)])).toEqual([
      ['总体要求', ['省发展改革委/lead', '省财政厅/cooperate', '省统计局/cooperate'], ['7.5%', '50万']],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'responsibility_not_unit').map((w) => w.params.raw)).toEqual(['分管副省长', '协管副秘书长']);
  });

  it('reads items run together on one line under a heading, after a [接上页] note, and no count of a named plan\'s projects', () => {
    expect(
      rows(`一、任务
(一)集中力量建设产业项目。
1.推进600个重点产业项目。(省发改委主办,省工信委协办)2.围绕“十四五”规划102项重大工程推进项目前期工作。(省工信委主办,省发改委协办)
二、改革
[接上页] (十九)探索省直管县体制改革(省编委办、省发展改革委牵头)。 (二十)分类推进事业单位改革(省编委办牵头,省财政厅配合)。
`),
    ).toEqual([
      ['1', '推进600个重点产业项目', ['省发改委/lead', '省工信委/cooperate'], ['600个']],
      ['2', '围绕“十四五”规划102项重大工程推进项目前期工作', ['省工信委/lead', '省发改委/cooperate'], []],
      ['(十九)', '探索省直管县体制改革', ['省编委办/lead', '省发展改革委/lead'], []],
      ['(二十)', '分类推进事业单位改革', ['省编委办/lead', '省财政厅/cooperate'], []],
    ]);
  });

  it('gives the tasks under a lead heading the label line that only the last of them has, with a warning', () => {
    const plan = parse(`一、某副省长负责的工作
(一)省编办牵头的工作
1.推动行政管理体制改革。
2.稳步开展乡镇机构改革。
协同单位:省财政厅、各市人民政府。
(二)省人民政府办公厅牵头的工作
1.抓好政府自身建设。
协同单位:省直有关部门。
2.执行省人大的决议。
`);
    expect(plan.items.map((i) => i.responsible.map((r) => `${r.raw}/${r.role}`))).toEqual([
      ['省编办/lead', '省财政厅/cooperate', '各市人民政府/localities'],
      ['省编办/lead', '省财政厅/cooperate', '各市人民政府/localities'],
      ['省人民政府办公厅/lead', '省直有关部门/localities'],
      ['省人民政府办公厅/lead'],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'responsibility_carried').map((w) => w.params.item)).toEqual([1]);
  });

  it('reads unit names after a task\'s full stop and a space as its units (a flattened row), and nothing else there', () => {
    expect(rows('一、重点任务\n1.稳定粮食生产。 市农业农村局\n2.稳定生猪生产。  市农业农村局、市商务局\n3.稳定蔬菜生产。 全年完成。\n')).toEqual([
      ['1', '稳定粮食生产', ['市农业农村局/lead'], []],
      ['2', '稳定生猪生产', ['市农业农村局/lead', '市商务局/cooperate'], []],
      ['3', '稳定蔬菜生产', [], []],
    ]);
  });

  it('reads labels in tortoise-shell brackets (〔牵头单位〕X〔配合单位〕Y)', () => {
    expect(rows('一、重点任务\n1.加强生态保护。〔牵头单位〕省生态环境厅〔配合单位〕省水利厅\n')).toEqual([
      ['1', '加强生态保护', ['省生态环境厅/lead', '省水利厅/cooperate'], []],
    ]);
  });

  it('reads a table whose cells ran together into one line: header names after 序号, rows glued to the last unit before them', () => {
    const text = '某市五年规划目标任务分解方案\n—1—工作重点序号主要工作任务第一责任单位主要责任单位一、主要指标1全市生产总值年均增长12%左右。市发展改革委各县(市、区)政府、经济开发区2地方财政收入年均增长13%。市财政局各县(市、区)政府、市国税局二、节能降耗3单位生产总值能耗降低20%。市发展改革委市经贸委市统计局、各县(市、区)政府\n';
    expect(rows(text)).toEqual([
      ['1', '全市生产总值年均增长12%左右', ['市发展改革委/lead', '各县(市、区)政府/localities', '经济开发区/cooperate'], ['12%']],
      ['2', '地方财政收入年均增长13%', ['市财政局/lead', '各县(市、区)政府/localities', '市国税局/cooperate'], ['13%']],
      ['3', '单位生产总值能耗降低20%', ['市发展改革委/lead', '市经贸委/lead', '市统计局/cooperate', '各县(市、区)政府/localities'], ['20%']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads numbered tasks right under a section a level below the items of the sections before', () => {
    expect(
      rows(`湖南省2022年重点工作分工方案
一、稳住经济大盘
（一）扩大有效投资。（省发展改革委牵头）
（二）促进消费恢复。（省商务厅牵头，省财政厅配合）
二、深化改革
1．推进“放管服”改革。（省政务局、省委编办牵头）
（1）压减审批事项。
2．优化营商环境。责任单位：省发展改革委；配合单位：各市州人民政府
`).map((r) => [r[0], r[1], r[2]]),
    ).toEqual([
      ['（一）', '扩大有效投资', ['省发展改革委/lead']],
      ['（二）', '促进消费恢复', ['省商务厅/lead', '省财政厅/cooperate']],
      ['1', '推进“放管服”改革', ['省政务局/lead', '省委编办/lead']],
      ['2', '优化营商环境', ['省发展改革委/lead', '各市州人民政府/localities']],
    ]);
  });

  it('reads paragraphs run together with a space between: bullets, sentences after their own brackets, labels, a heading before its first paragraph', () => {
    const text =
      '某县2015年重点工作分工方案 一、稳增长 ——全县生产总值增长8%左右。(县发改局牵头,县统计局配合) ——完成固定资产投资50亿元。(县发改局牵头) 二、优环境 1.推进一网通办 网上可办率达到95%以上。(县政务服务中心牵头,县直各部门配合) 开办企业压缩至1个工作日以内。(县市场监管局负责) 2.提升审批效率 审批时限压减至30个工作日。 牵头单位:县住建局 配合单位:县自然资源局\n';
    expect(rows(text)).toEqual([
      ['', '全县生产总值增长8%左右', ['县发改局/lead', '县统计局/cooperate'], ['8%']],
      ['', '完成固定资产投资50亿元', ['县发改局/lead'], ['50亿元']],
      ['', '网上可办率达到95%以上', ['县政务服务中心/lead', '县直各部门/localities'], ['95%']],
      ['', '开办企业压缩至1个工作日以内', ['县市场监管局/lead'], ['1个工作日']],
      ['', '审批时限压减至30个工作日', ['县住建局/lead', '县自然资源局/cooperate'], ['30个工作日']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads run-on text with nothing between paragraphs: a glued (一) confirmed by (二), and (一) again under the next heading', () => {
    const text = '一、教育卫生(一)改造校舍2万平方米。(县教育局负责,县财政局协助)(二)新建卫生室40个。(县卫健局负责)二、交通(一)硬化村道150公里。(县交通局负责)(二)新建候车亭30个。(县交通局负责)';
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['(一)', '改造校舍2万平方米', ['县教育局/lead', '县财政局/cooperate']],
      ['(二)', '新建卫生室40个', ['县卫健局/lead']],
      ['(一)', '硬化村道150公里', ['县交通局/lead']],
      ['(二)', '新建候车亭30个', ['县交通局/lead']],
    ]);
  });

  it('numbers and titles a task by the heading over its single paragraph when every heading of the level has one', () => {
    const text =
      '某省关于稳增长的意见\n一、抓好重大项目建设\n省、市、县三级领导联系重点项目的制度要建起来并不断完善,项目推进中遇到的难题有关部门要及时帮助解决。省级预算内资金安排3亿元。(省发展改革委牵头,省财政厅配合)\n二、加大基础设施投入\n城市基础设施建设的资金保障要进一步加强,新开工项目要尽快形成实物工作量,全年新建改建城市道路200公里。(省住房城乡建设厅牵头)\n';
    expect(rows(text)).toEqual([
      ['一', '抓好重大项目建设', ['省发展改革委/lead', '省财政厅/cooperate'], ['3亿元']],
      ['二', '加大基础设施投入', ['省住房城乡建设厅/lead'], ['200公里']],
    ]);
  });

  it('keeps sentences as tasks under a heading that has two of them, and a lone short first sentence as its title', () => {
    const text = '一、扩大内需\n全面执行积极的财政政策。健全公共财政体系,加大民生投入。(省财政厅牵头)\n';
    expect(rows(text)).toEqual([['', '全面执行积极的财政政策', ['省财政厅/lead'], []]]);
  });

  it('reads the columns 主要工作举措 and 相关责任部门, and a count of localities as one collective', () => {
    const text = ['序号\t主要工作举措\t牵头部门\t相关责任部门\t完成时间', '1\t推进素质教育。\t教育局\t人口计生委、13个街道、镇\t2010年', '2\t建设口袋公园20个。\t绿化局\t各街道\t2010年', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '推进素质教育', ['教育局/lead', '人口计生委/cooperate', '13个街道、镇/localities'], []],
      ['2', '建设口袋公园20个', ['绿化局/lead', '各街道/localities'], ['20个']],
    ]);
  });

  it('reads no target from what one applicant is entitled to, projects named by their capacities, a class qualified by its size, a count of departments or a policy package', () => {
    const targets = (text: string) => parse(text).items.flatMap((i) => i.targets.map((t) => t.raw));
    expect(targets('1.引进人才。投资达5000万元的,可获人才认定指标1名,每多投5000万元另增1名,同一企业每年不超过10名。(市人社局负责)\n')).toEqual([]);
    expect(targets('1.推动产业升级。抓好甲公司25万吨某材料和乙公司10万吨某产品、丙矿业300万吨铁精粉等项目。(市发改委负责)\n')).toEqual([]);
    expect(targets('1.培育产业集群。培育一批超100亿元的优势产业集群,板块营业收入超400亿元。(市工信局负责)\n')).toEqual(['400亿元']);
    expect(targets('1.加强督导。对8个重点行业主管部门开展督导。(省政府办公厅负责)\n2.稳定市场。把提振信心的90条措施落到实处,二套住房首付比例不再上调。(省住建厅负责)\n')).toEqual([]);
  });

  it('reads a lead marked 【牵头】 in a list and a 高新区管委会 named among units as one unit, not a collective', () => {
    expect(rows('1.建设创新平台。责任单位:市发改委【牵头】、市科技局、高新区管委会,各县(市、区)政府\n')).toEqual([
      ['1', '建设创新平台', ['市发改委/lead', '市科技局/cooperate', '高新区管委会/cooperate', '各县(市、区)政府/localities'], []],
    ]);
  });

  it('reads progress notes under a task as neither its body nor a task, and no ★ in a title', () => {
    const text = '某区2019年重点工作完成情况\n1.★地区生产总值增长7.5%。(责任单位:区发改局)\n完成情况:上半年增长9%,固定资产投资增长16.7%。\n2.新开工项目22个。(责任单位:区住建局)\n进展情况:已开工8个。\n';
    expect(rows(text)).toEqual([
      ['1', '地区生产总值增长7.5%', ['区发改局/lead'], ['7.5%']],
      ['2', '新开工项目22个', ['区住建局/lead'], ['22个']],
    ]);
  });

  it('lists a unit named again in one item once, and carries no units by a 下同 that closes a note of reading rules', () => {
    const text = '一、重点任务\n1.提高能源效率。\n牵头单位:省发展改革委。\n责任单位:省发展改革委、省统计局等。\n2.扩大有效投资。责任单位:省财政厅、省发展改革委(列第一位者为牵头单位,下同)\n3.优化营商环境。\n';
    expect(rows(text).map((r) => [r[0], r[2]])).toEqual([
      ['1', ['省发展改革委/lead', '省统计局/cooperate']],
      ['2', ['省财政厅/lead', '省发展改革委/cooperate']],
      ['3', []],
    ]);
  });

  it('reads a table one cell per line whose 民生实事 rows name their units one per line, the last row too', () => {
    const text = ['民生实事目标任务分解表', '序号', '民生实事', '责任单位', '完成时限', '1', '建设人行天桥2座。', '县住建局', '县交通局', '县城管局', '12月底前', '2', '新建图书馆1个。', '县文体局', '9月底前', '3', '改造农贸市场3个。', '县商务局', '县市场监管局', '10月底前', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '建设人行天桥2座', ['县住建局/lead', '县交通局/cooperate', '县城管局/cooperate'], ['2座']],
      ['2', '新建图书馆1个', ['县文体局/lead'], ['1个']],
      ['3', '改造农贸市场3个', ['县商务局/lead', '县市场监管局/cooperate'], ['3个']],
    ]);
  });

  it('reads the subject of a task sentence as its unit (X要…, X抓好…, X会同Y…, Z配合) and no score note as title or target', () => {
    const text = [
      '一、工作任务',
      '1、各乡镇政府抓好2个生态村的创建工作(1分,材料完整的得满分,少1项扣0.1分)。',
      '2、水务局加强保护区管理,开展执法检查1次(0.5分,报送工作总结)。',
      '3、农委、畜牧局要推进畜禽养殖污染治理。',
      '4、各乡镇会同环保局做好饮用水源地保护。',
      '5、交通运输、公安交警、应急管理部门要开展道路隐患排查。',
      '6、污水管网项目。由某副市长负责,市建委牵头,相关部门配合,抓紧完成前期工作。',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '各乡镇政府抓好2个生态村的创建工作', ['各乡镇政府/localities'], ['2个']],
      ['2', '水务局加强保护区管理,开展执法检查1次', ['水务局/lead'], ['1次']],
      ['3', '农委、畜牧局要推进畜禽养殖污染治理', ['农委/lead', '畜牧局/cooperate'], []],
      ['4', '各乡镇会同环保局做好饮用水源地保护', ['各乡镇/localities', '环保局/cooperate'], []],
      ['5', '交通运输、公安交警、应急管理部门要开展道路隐患排查', ['交通运输/lead', '公安交警/cooperate', '应急管理部门/cooperate'], []],
      ['6', '污水管网项目', ['市建委/lead', '相关部门/localities'], []],
    ]);
  });

  it('gives the units of a sentence after a group of indicator lines to the lines it counts (上列N项…, 此项…), with no target from the count', () => {
    const text = '(一)发展目标。共4项。\n1.地区生产总值增长8%;\n2.财政收入增长6%;\n上列2项目标,责任单位都是市发展改革委。\n3.城镇新增就业3万人;\n此项目标责任单位是市人社局、市财政局。\n4.单位能耗下降3%;\n上述1项目标责任单位为市工信局。\n';
    expect(rows(text)).toEqual([
      ['1', '地区生产总值增长8%', ['市发展改革委/lead'], ['8%']],
      ['2', '财政收入增长6%', ['市发展改革委/lead'], ['6%']],
      ['3', '城镇新增就业3万人', ['市人社局/lead', '市财政局/cooperate'], ['3万人']],
      ['4', '单位能耗下降3%', ['市工信局/lead'], ['3%']],
    ]);
  });

  it('reads items under a heading whose introducing paragraph stands before them, and a dash line ──由X会同…组织落实', () => {
    const text = '二、任务分解\n(一)约束性指标\n即规划要求务必完成的指标,体现政府在公共服务领域的责任。\n1、新型农村合作医疗覆盖率达到100%。\n──由市卫生局会同有关部门和各县市区组织落实。\n2、人口自然增长率控制在6‰以内。\n──由市人口计生委和各县市区组织落实。\n';
    expect(rows(text)).toEqual([
      ['1', '新型农村合作医疗覆盖率达到100%', ['市卫生局/lead', '有关部门/localities', '各县市区/localities'], ['100%']],
      ['2', '人口自然增长率控制在6‰以内', ['市人口计生委/lead', '各县市区/localities'], ['6‰']],
    ]);
  });

  it('reads a label line over its points with the responsibility line after them as the task, and numbered part labels (1.主要目标指标) as no tasks', () => {
    const plan = rows('(一)预案建设\n1.健全应急预案体系\n(1)强化预案管理,规范预案编制。\n(2)推进预案精编化。\n(责任单位:市直各有关单位,各县(市、区)人民政府)\n2.理顺应急管理体制\n(1)健全应急管理机构。\n(2)完善值守制度。\n(责任单位:市应急办)\n');
    expect(plan.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '健全应急预案体系', ['市直各有关单位/localities', '各县(市、区)人民政府/localities']],
      ['2', '理顺应急管理体制', ['市应急办/lead']],
    ]);
    const parts = rows('二、主要任务\n(一)推进健康促进行动。\n1.主要目标指标。\n居民健康素养水平达39%以上。\n2.重点工作举措。\n深化爱国卫生运动。(省卫健委负责)\n(二)深化医改。(省医保局负责)\n');
    expect(parts.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['(一)', '推进健康促进行动', ['39%']],
      ['(二)', '深化医改', []],
    ]);
  });

  it('reads a unit list the text ends inside, without the cut name, and no label cut off as a unit', () => {
    expect(rows('1.稳定粮食生产。粮食产量达到228万吨。(市发展改革委、市财政局、市商务局、人民').map((r) => r[2])).toEqual([
      ['市发展改革委/lead', '市财政局/cooperate', '市商务局/cooperate'],
    ]);
    expect(rows('1.提高收入。\n(1)提高城镇居民收入\n①靠就业带动增收,新增就业1万人。(牵头部门:州人社局;责任单位:10县市人民政府)\n②以创业带动发展。(牵头部').map((r) => [r[0], r[2]])).toEqual([
      ['①', ['州人社局/lead', '10县市人民政府/localities']],
      ['②', []],
    ]);
  });

  it('reads targets in goals quoted as a sentence, and 市各功能区管委会 as a collective', () => {
    const plan = rows('1.人才集聚。实现“引进高层次人才达到2000名左右,人才贡献率达到40%”的目标,推进“一核两翼”建设。(牵头单位:市人社局;配合单位:市各功能区管委会)\n');
    expect(plan).toEqual([['1', '人才集聚', ['市人社局/lead', '市各功能区管委会/localities'], ['2000名', '40%']]]);
  });

  it('reads label lines over bullet lines as tasks in a text with no numbering, and no target from the whole a part is taken from', () => {
    const text = '2018年施政方針\n本範疇以改革公共行政為主線。\n重整部門職能\n- 以第二階段職能重整規劃為基礎,推進重整工作。\n- 繼續整合諮詢組織。\n推進電子政務\n- 首階段45項中餘下的27項准照年內實現網上辦理。\n- 新增10項電子服務。\n';
    expect(rows(text)).toEqual([
      ['', '重整部門職能', [], []],
      ['', '推進電子政務', [], ['27項', '10項']],
    ]);
  });

  it('numbers pledges 第一項:, reads the office named as the subject of a progress sentence, and no stray space in a title', () => {
    const text = '縣長政見執行情形\n 第一項:推動離島綜合建設計畫,替地方創生打下基礎。行政處已召開管考會議。\n 第二項:充實水力、電力、電 信、 碼頭等基礎設施。工務處正積極辦理。\n';
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['第一項', '推動離島綜合建設計畫,替地方創生打下基礎', ['行政處/lead']],
      ['第二項', '充實水力、電力、電信、碼頭等基礎設施', ['工務處/lead']],
    ]);
  });

  it('reads a text printed with pinyin readings as without them, and gives raw names, targets and titles as written', () => {
    const text = '十大實(shí)事任務(wù)分解\n關(guān)鍵詞 教育\n市區(qū)增加中小學(xué)學(xué)位2.36萬(wàn)個(gè)。\n主管領(lǐng)導(dǎo):劉東\n責(zé)任單(dān)位:市教育局\n進(jìn)度安排:6月底前完工。\n新建公園5個(gè)。\n主管領(lǐng)導(dǎo):王強\n責(zé)任單(dān)位:市園林局、市財(cái)政局\n';
    const plan = parse(text);
    expect(rows(text)).toEqual([
      ['', '市區(qū)增加中小學(xué)學(xué)位2.36萬(wàn)個(gè)', ['市教育局/lead'], ['2.36萬(wàn)個(gè)']],
      ['', '新建公園5個(gè)', ['市園林局/lead', '市財(cái)政局/cooperate'], ['5個(gè)']],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads 主办 after names as their lead, a host-assist sentence without brackets, bare 街道/板块 as collectives, ▲ before a lead and a nested bracket in a list', () => {
    const text = '一、目标\n1.新增企业3家。(区发改局、江北新区管委会主办)\n2.新增项目5个。(区科技局主办,区相关部门、街道、板块协办)\n3.新增人才10名。区人社局主办,各街道协办\n4.建设公园1个。责任单位:▲市建设局,各部门\n5.改造道路2条。\n(市交通局,各市(县)、区政府)\n6.发展经济。(市发改委、农委、人保局,各市(县)、区政府)\n';
    expect(rows(text).map((r) => r[2])).toEqual([
      ['区发改局/lead', '江北新区管委会/lead'],
      ['区科技局/lead', '区相关部门/localities', '街道/localities', '板块/localities'],
      ['区人社局/lead', '各街道/localities'],
      ['市建设局/lead', '各部门/localities'],
      ['市交通局/lead', '各市(县)、区政府/localities'],
      ['市发改委/lead', '农委/cooperate', '人保局/cooperate', '各市(县)、区政府/localities'],
    ]);
  });

  it('reads zero-padded numbers (01 项目名称:…), label lines with their value on the next line, with or without a colon, and no progress figures', () => {
    const text = '全县实践项目进展汇报\n01 项目名称:改善县域生态环境\n项目内容:\n新建引水河道1条。\n责任单位:\n水务局、城管局\n进展与成效:\n施工图审查完成80%。\n02 项目名称:扩大文化惠民覆盖\n项目内容:\n建成城市书房2个。\n责任单位\n文广旅局\n';
    expect(rows(text)).toEqual([
      ['01', '改善县域生态环境', ['水务局/lead', '城管局/cooperate'], ['1条']],
      ['02', '扩大文化惠民覆盖', ['文广旅局/lead'], ['2个']],
    ]);
  });

  it('reads a collective cut off inside its note (各区人民政府〈含开发区、) without the note', () => {
    expect(rows('(一)地区生产总值增长5%。(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、').map((r) => r[2])).toEqual([['市发改委/lead', '各区人民政府/localities']]);
  });

  it('reads a government\u2019s 有关部门 and bare zones as collectives, 等州级有关部门 as no name, a note after the last level, 牵头督导, and a unit asked with 请', () => {
    const text = '一、任务\n1.推进甲。(市发改委牵头,各县区政府、市政府有关工作部门分工负责)\n2.推进乙。(市某局,各县区、开发园区按职责分工负责)\n3.推进丙。(州发改委、州工信局等州级有关部门,各县市人民政府负责)\n4.推进丁。(市生态环境局牵头,各县、区人民政府(管委会)负责)\n5.推进戊。(市A局、市B局牵头督导,市D局配合)\n二、会议决议\n(一)所提意见,请内政部会同人事总处研议解决。\n(二)有关问题,请经济部等相关部会务必掌握进度,同时与财政部加强对接。\n';
    expect(rows(text).map((r) => r[2])).toEqual([
      ['市发改委/lead', '各县区政府/localities', '市政府有关工作部门/localities'],
      ['市某局/lead', '各县区/localities', '开发园区/localities'],
      ['州发改委/lead', '州工信局/cooperate', '各县市人民政府/localities'],
      ['市生态环境局/lead', '各县、区人民政府(管委会)/localities'],
      ['市A局/lead', '市B局/lead', '市D局/cooperate'],
      ['内政部/lead', '人事总处/cooperate'],
      ['经济部/lead'],
    ]);
  });

  it('reads labels run on one line after a leader\u2019s name, and no target from a progress label after them', () => {
    expect(rows('一、民生实事\n2.新装设备300套。 牵头领导:张三 责任单位:市甲局 项目责任人:李四 配合单位:市乙局、市丙局 实际完成情况:已完成55%。\n')).toEqual([
      ['2', '新装设备300套', ['市甲局/lead', '市乙局/cooperate', '市丙局/cooperate'], ['300套']],
    ]);
  });

  it('reads a list of tasks by label, with no numbering: label:description lines, and label lines over a description line', () => {
    const colon = [
      '某街道2024年民生实事项目出炉', '发布日期:2024-03-13', '今年街道要办五件民生实事,各项目内容如下:',
      '社区服务中心建设项目:改善社区的服务中心,让服务更有质量。', '环卫设施维护项目:清掏维护辖区内的化粪池200座。',
      '“一老一小”关爱项目:提供助餐、助浴等居家养老服务。', '',
    ].join('\n');
    expect(rows(colon)).toEqual([
      ['', '社区服务中心建设项目', [], []],
      ['', '环卫设施维护项目', [], ['200座']],
      ['', '“一老一小”关爱项目', [], []],
    ]);
    const over = ['施政报告要点', '', '成立专责委员会', '由行政长官主持,研判金融形势对经济的影响,提出对策。', '', '巩固金融中心地位', '改善银行、证券、保险各业的监管安排。', '', '发展证券市场', '争取更多企业来港上市,扩大市场规模。', ''].join('\n');
    expect(rows(over).map((r) => r[1])).toEqual(['成立专责委员会', '巩固金融中心地位', '发展证券市场']);
    // Two such lines, or a page's metadata lines, are no list.
    expect(parse('来源:某市政府网\n发布日期:2024-03-13\n作者:办公室\n').items).toEqual([]);
    expect(parse('社区服务中心建设项目:改善服务中心。\n环卫设施维护项目:维护化粪池。\n').items).toEqual([]);
  });

  it('reads a list run on after an announcing colon, one task per semicolon, when the count is the one announced', () => {
    const text = '记者获悉,今年县里要办好五件民生实事。\n五件民生实事具体如下:新建城区道路3公里;改造棚户区500套;解决4万人饮水安全问题;新建农村公路50公里;农村危房改造2000户。\n';
    expect(rows(text)).toEqual([
      ['', '新建城区道路3公里', [], ['3公里']],
      ['', '改造棚户区500套', [], ['500套']],
      ['', '解决4万人饮水安全问题', [], ['4万人']],
      ['', '新建农村公路50公里', [], ['50公里']],
      ['', '农村危房改造2000户', [], ['2000户']],
    ]);
    // Six announced, five listed: a sentence, not the list.
    expect(parse(text.replace('五件民生实事具体', '六件民生实事具体')).items).toEqual([]);
  });

  it('reads a note in the bracket that the first name leads (列第一位的为牵头单位,下同), with no role word after the names', () => {
    const text = '一、加大支持\n(一)加强财税保障。落实减税政策。(市税务局、市财政局、市科技局,列第一位的为牵头单位,下同)\n(二)加大基金支持。发挥基金作用。(市财政局、市发改委)\n';
    expect(rows(text)).toEqual([
      ['(一)', '加强财税保障', ['市税务局/lead', '市财政局/cooperate', '市科技局/cooperate'], []],
      ['(二)', '加大基金支持', ['市财政局/lead', '市发改委/cooperate'], []],
    ]);
  });

  it('passes over the page numbers of a document-sharing page (1、 2、 heading pages cut mid-sentence) and reads the numbering of the text', () => {
    const page1 = '1、某市促进民营经济发展实施方案为落实省里的部署,结合本市实际,制定本方案。到2025年,全市民营经济增加值占比稳步提高,民间投资保持增长,营商环境持续改善,民营企业的活力和信心进一步增强。一、加大要素支持力度(一)加强财税政策保障。落实小微企业减税政策,对小额贷款利息收入免征增值税,对小微企业和个体工商';
    const page2 = '2、户的融资担保业务免征增值税,政策执行至2027年底。(市税务局、市财政局,列第一位的为牵头单位)(二)加大产业基金支持力度。发挥产业基金的引领作用,引导基金投向民间投资项目,支持民营企业做大做强,积极争取上级基金投向本市项目,形成多层次的基金体系。(市财政局牵头)';
    const text = `文档介绍:某市实施方案.docx\n${page1}\n${page2}\n`;
    expect(rows(text)).toEqual([
      ['(一)', '加强财税政策保障', ['市税务局/lead', '市财政局/cooperate'], []],
      ['(二)', '加大产业基金支持力度', ['市财政局/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Numbered lines of a text's own (short, or ending their sentences) stay items.
    expect(rows('1、新建道路3公里。(市交通局负责)\n2、改造管网5公里。(市住建局负责)\n').map((r) => r[0])).toEqual(['1', '2']);
  });

  it('reads principles numbered (一)(二) before the sections whose (一) heads 1. tasks with label lines: the 1. lines are the tasks', () => {
    const text = [
      '某省人民政府关于落实规划任务分工的通知', '一、分工原则', '(一)处理好政府与市场的关系。该由市场做的交给市场。', '(二)分清各级政府的责任。主要任务以分到省有关部门为主。',
      '二、主要任务分工', '(一)约束性指标。', '1.九年义务教育巩固率达到97%。', '责任单位:省教育厅。', '2.耕地保有量保持在6120万亩。', '责任单位:省国土资源厅。',
      '3.森林覆盖率提高到42%。', '责任单位:省林业厅。', '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '九年义务教育巩固率达到97%', ['省教育厅/lead'], ['97%']],
      ['2', '耕地保有量保持在6120万亩', ['省国土资源厅/lead'], ['6120万亩']],
      ['3', '森林覆盖率提高到42%', ['省林业厅/lead'], ['42%']],
    ]);
  });

  it('reads units asked to act with 请 inside a directive, the first asked leading, and titles the matter before the request', () => {
    const text = '院长提示:\n一、近日出现麻疹病例,绝不能掉以轻心。为防止疫情扩散,请卫福部等相关部会全面掌握防疫情况,积极应对。\n二、核二厂已通过安全查核,但后续仍请经济部及台电公司切实掌握各项情况,妥为应对,并请环保署与内政部营建署给予协助,俾重大建设顺利推动。\n三、有关地层下陷的问题,请高铁公司切实进行详尽的评估检验。也请交通部一并督导了解。\n';
    expect(rows(text)).toEqual([
      ['一', '近日出现麻疹病例,绝不能掉以轻心', ['卫福部/lead'], []],
      ['二', '核二厂已通过安全查核', ['经济部/lead', '台电公司/cooperate', '环保署/cooperate', '内政部营建署/cooperate'], []],
      ['三', '有关地层下陷的问题', ['高铁公司/lead', '交通部/cooperate'], []],
    ]);
    // A 请 that asks nobody named (请抓紧组织落实) gives no unit.
    expect(rows('一、重点任务\n1.推进项目建设,请抓紧组织落实。\n2.推进乡村振兴。(市农业农村局负责)\n')[0]?.[2]).toEqual([]);
  });

  it('reads a heading of indicators over a single task line like the heading before it over two', () => {
    const text = '二、指标分工\n1.约束性指标的责任部门\n人口自然增长率小于4‰。(省人口计生委牵头)\n耕地保有量保持在6120万亩。(省国土资源厅牵头,省农业厅配合)\n2.预期性指标的责任部门\n城镇登记失业率控制在4.5%以下。(省人力资源社会保障厅牵头)\n';
    expect(rows(text)).toEqual([
      ['', '人口自然增长率小于4‰', ['省人口计生委/lead'], ['4‰']],
      ['', '耕地保有量保持在6120万亩', ['省国土资源厅/lead', '省农业厅/cooperate'], ['6120万亩']],
      ['', '城镇登记失业率控制在4.5%以下', ['省人力资源社会保障厅/lead'], ['4.5%']],
    ]);
  });

  it('reads 达到60%左右 as about 60%: the 左右 after the figure wins over the word before it', () => {
    const plan = parse('一、目标\n1.城镇化率达到60%左右。(省发展改革委牵头)\n2.新增就业达到70万人以上。(省人社厅牵头)\n');
    expect(plan.items.map((i) => i.targets.map((t) => [t.raw, t.comparator]))).toEqual([[['60%', '≈']], [['70万人', '>=']]]);
  });

  it('cuts a run-on page at a heading whose (一) follows it, with no (二) to confirm either', () => {
    const text = '各区县政府,市政府各部门: 为落实积极的就业政策,提出如下意见。 一、把就业优先战略落到实处 (一)建立经济发展与扩大就业联动的机制。把城镇新增就业列为重要指标。(责任单位:市发改委、市经信委、市统计局)';
    expect(rows(text)).toEqual([['(一)', '建立经济发展与扩大就业联动的机制', ['市发改委/lead', '市经信委/cooperate', '市统计局/cooperate'], []]]);
    // The same right after a heading cut already by its sequence (一、… 二、主要任务 (一)…).
    const after = '各市州政府: 现提出意见如下。 一、总体要求 对照一流标准找差距,为高质量发展提供支撑。 二、主要任务 (一)扩大市场开放。全面推行负面清单制度。(牵头单位:省发展改革委;责任单位:省市场监管局)';
    expect(rows(after)).toEqual([['(一)', '扩大市场开放', ['省发展改革委/lead', '省市场监管局/cooperate'], []]]);
    // An article and item quoted in a sentence (按通知一、(一)项要求) are no headings.
    expect(rows('各单位: 请按《通知》一、(一)项的要求,把就业优先战略落到实处,认真组织实施。(市人社局负责)').map((r) => r[0])).not.toContain('(一)');
  });

  it('reads a rule sentence inside the first bracket (…。凡…由列在最前面的部门牵头。下同) as the first leading, carrying no units, and keeps it out of the title', () => {
    const text = [
      '一、主要预期目标',
      '1、全市生产总值增长10%以上(由市发展改革委、经委、统计局负责。凡一项任务由几个部门共同承担,一般由列在最前面的部门牵头。下同)。',
      '2、全社会固定资产投资增长20%以上(由市发展改革委、统计局负责)。',
      '3、外贸出口增长15%以上。',
      '4、利用外资增长12%以上(由市商',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '全市生产总值增长10%以上', ['市发展改革委/lead', '经委/cooperate', '统计局/cooperate'], ['10%']],
      ['2', '全社会固定资产投资增长20%以上', ['市发展改革委/lead', '统计局/cooperate'], ['20%']],
      ['3', '外贸出口增长15%以上', [], ['15%']],
      ['4', '利用外资增长12%以上', [], ['12%']],
    ]);
    // The same rule in other words.
    const other = '1、城镇新增就业5万人(由市人社局、财政局负责。原则上由排名首位的部门牵头负责)。\n2、新建学校3所(由市教育局、住建局负责)。\n';
    expect(rows(other).map((r) => r[2])).toEqual([['市人社局/lead', '财政局/cooperate'], ['市教育局/lead', '住建局/cooperate']]);
  });

  it('reads numbered field lines under each task (协商形式:, 时间安排:, 组织实施:…责任部门:X) as the parts of the task above them', () => {
    const block = (n: string, topic: string, month: string, unit: string): string[] => [
      `${n}、围绕${topic}开展常委会协商`,
      '(一)协商形式:区政协常委会议。',
      `(二)时间安排:${month}。`,
      '(三)参加人员:区政府领导,区政协常委,区级有关部门负责人。',
      `(四)组织实施:由区政协主席会议组织开展。责任部门:${unit}。参与部门:区发改局、区财政局。`,
    ];
    const text = ['区政协2017年度协商工作计划', ...block('一', '壮大实体经济', '6月', '区政协经济委'), ...block('二', '促进农民增收', '9月', '区政协农业委')].join('\n');
    expect(rows(text)).toEqual([
      ['一', '围绕壮大实体经济开展常委会协商', ['区政协经济委/lead', '区发改局/cooperate', '区财政局/cooperate'], []],
      ['二', '围绕促进农民增收开展常委会协商', ['区政协农业委/lead', '区发改局/cooperate', '区财政局/cooperate'], []],
    ]);
  });

  it('reads projects under headings over label lines (牵头领导/牵头单位/责任单位/任务目标), a label glued to the last name, and the last project cut off', () => {
    const text = [
      '各乡镇人民政府,县直各有关部门:',
      '现将2024年民生实事项目任务下达给你们,请认真抓好落实。',
      '',
      '一、莲塘片区20个排水单元雨污分流改造项目',
      '',
      '牵头领导:涂某',
      '',
      '牵头单位:县城管执法局',
      '',
      '责任单位:县水务公司、属地乡镇',
      '',
      '任务目标:年内完成20个排水单元改造。',
      '',
      '二、10万平方米老旧小区改造项目',
      '',
      '牵头单位:县城管执法局',
      '',
      '责任单位:莲塘镇任务目标:年内把莲水巷等小区改造完成。',
      '',
      '三、新建300个公共充电桩项目',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['一', '莲塘片区20个排水单元雨污分流改造项目', ['县城管执法局/lead', '县水务公司/cooperate', '属地乡镇/localities'], ['20个', '20个']],
      ['二', '10万平方米老旧小区改造项目', ['县城管执法局/lead', '莲塘镇/cooperate'], ['10万平方米']],
      ['三', '新建300个公共充电桩项目', [], ['300个']],
    ]);
  });

  it('reads sections each over one paragraph as the tasks, a heading of two phrases set apart by a comma among them', () => {
    const text = [
      '市人大常委会2021年监督工作计划',
      '依照监督法的规定,结合本市实际,制定本计划。',
      '一、听取和审议专项工作报告',
      '6月份,听取和审议市人民政府关于创建森林城市工作情况的报告。',
      '二、审查和批准决算,听取和审议计划、预算执行情况报告',
      '8月份,审查和批准市人民政府关于2020年市本级财政决算草案的报告。',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['一', '听取和审议专项工作报告'],
      ['二', '审查和批准决算,听取和审议计划、预算执行情况报告'],
    ]);
  });

  it('reads a section over one paragraph after the last section with points as a task too, and never a frame section', () => {
    const text = [
      '区人大常委会2023年监督工作计划',
      '一、听取和审议专项工作报告',
      '1.关于城市更新工作情况的报告',
      '2.关于安全生产工作情况的报告',
      '二、专题询问',
      '就全区市容环境整治情况开展专题询问。',
      '三、集体视察',
      '1.组织常委会组成人员视察城市更新项目。',
      '2.组织各专门委员会视察重点领域工作。',
      '四、专题调研',
      '就区监察委员会整治群众身边腐败问题开展专题调研。',
      '五、工作要求',
      '各专门委员会要精心组织,确保取得实效。',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['1', '关于城市更新工作情况的报告'],
      ['2', '关于安全生产工作情况的报告'],
      ['二', '专题询问'],
      ['1', '组织常委会组成人员视察城市更新项目'],
      ['2', '组织各专门委员会视察重点领域工作'],
      ['四', '专题调研'],
    ]);
  });

  it('keeps numbered lines that all open with one label (1.项目名称:…) as the tasks, not as a task\'s fields', () => {
    const text = ['一、重点项目', ...['城东污水处理厂', '城西体育公园', '城南安置小区', '城北农贸市场'].map((name, k) => `${k + 1}.项目名称:${name}建设。(县住建局负责)`)].join('\n');
    expect(rows(text).map((r) => r[0])).toEqual(['1', '2', '3', '4']);
  });

  it('ends a title where a copying site elided the rest (实现“河面无…………)', () => {
    const text = '一、环境整治\n1、治理河塘,清除水面垃圾,实现“河面无…………\n2、整治村庄环境。(各村负责)\n';
    expect(rows(text)[0]?.[1]).toBe('治理河塘,清除水面垃圾,实现“河面无');
  });

  it('reads 由A、B,C负责落实 in a sentence: the first named leads, the others cooperate, collectives after the comma are localities', () => {
    const text = '一、重点工作\n1.落实各项惠农补贴政策,确保资金足额发放。由市财政局、农业局、农机局,各县(市)、区人民政府负责落实。\n2.新建农村公路300公里。由市交通局牵头,各县区政府配合。\n';
    expect(rows(text).map((r) => r[2])).toEqual([
      ['市财政局/lead', '农业局/cooperate', '农机局/cooperate', '各县(市)、区人民政府/localities'],
      ['市交通局/lead', '各县区政府/localities'],
    ]);
  });

  it('reads a unit asked in mid-clause with 可请 and sent to the site (可請營建署到現場會勘) as the lead', () => {
    const text = '縣長提示:\n1.金湖體育館的土地開發,可請營建署到現場會勘,不宜因位於國家公園範圍便不准興建。\n2.港警所的存廢,請警察局積極向警政署爭取協助。\n';
    expect(rows(text).map((r) => r[2])).toEqual([['營建署/lead'], ['警察局/lead']]);
  });

  it('reads a 实事 list numbered 实事一: as its items (the whole 实事一 their number), and no 实事 in a sentence', () => {
    const text = '县政府2009年十件实事\n实事一:为乡镇学校修建教师周转房566套。(县教育局负责)\n实事二:免除农村孕产妇住院分娩费用。(县卫生局负责)\n实事求是地做好各项工作。\n';
    expect(rows(text)).toEqual([
      ['实事一', '为乡镇学校修建教师周转房566套', ['县教育局/lead'], ['566套']],
      ['实事二', '免除农村孕产妇住院分娩费用', ['县卫生局/lead'], []],
    ]);
  });

  it('reads a bracket naming the leader and then the units after a comma ((牵头领导:某某,责任单位:X、Y)), not an inner bracket of the task', () => {
    const text = '一、十大民生实事\n1.村卫生室(社区卫生服务站)标准化建设10家。(牵头领导:某某,责任单位:区卫生健康局)\n2.改造提升学校食堂3所。(牵头领导:某某,责任单位:区教育局、区财政局)\n';
    expect(rows(text)).toEqual([
      ['1', '村卫生室(社区卫生服务站)标准化建设10家', ['区卫生健康局/lead'], ['10家']],
      ['2', '改造提升学校食堂3所', ['区教育局/lead', '区财政局/cooperate'], ['3所']],
    ]);
  });

  it('reads unnumbered tasks run on in a news text, each closed by its labels (分管领导:… 部门分工:X牵头,Y配合。)', () => {
    const text =
      '近日,省政府办公厅印发年度工作任务分工方案,把各项任务逐项分解。 方案写明: 抓好数字经济条例实施。推动5000家规模以上工业企业数字化转型。 分管领导:某副省长 部门分工:省工业和信息化厅牵头,省发展改革委、科技厅等配合。 建成省市一体化的政务服务平台。新建政务外网节点30个。 分管领导:某副省长 部门分工:省政务服务数据管理局牵头,省委网信办配合。';
    expect(rows(text)).toEqual([
      ['', '抓好数字经济条例实施', ['省工业和信息化厅/lead', '省发展改革委/cooperate', '科技厅/cooperate'], ['5000家']],
      ['', '建成省市一体化的政务服务平台', ['省政务服务数据管理局/lead', '省委网信办/cooperate'], ['30个']],
    ]);
  });

  it('reads the plan a run-on notice issues after its signature, not the notice\'s numbered demands', () => {
    const text = [
      '关于印发《2023年区政府工作报告重点工作分工方案》的通知',
      '各镇人民政府,区政府各委、办、局: 现将分工方案印发给你们,有关事项通知如下:',
      '一、站位要高,担当要强。各部门、各单位要及早动员部署。',
      '二、落实要实,任务要完成。各部门各单位要逐项制定方案。',
      '某某区人民政府办公室',
      '2023年3月3日',
      '2023年区政府工作报告重点工作分工方案',
      '一、全区经济社会发展主要预期目标',
      '1.地区生产总值比上年增长4.5%以上。',
      '主要责任单位:区发展改革委',
      '2.一般公共预算收入增长3%。',
      '主要责任单位:区财政局',
    ];
    for (const gap of [' ', '']) {
      expect(rows(text.join(gap))).toEqual([
        ['1', '地区生产总值比上年增长4.5%以上', ['区发展改革委/lead'], ['4.5%']],
        ['2', '一般公共预算收入增长3%', ['区财政局/lead'], ['3%']],
      ]);
    }
  });

  it('keeps the bracket of labels of a heading of labels whole in run-on text (牵头单位:X;责任单位:Y), and cuts its tasks after it', () => {
    const text = '某县稳增长工作方案  一、扩大有效投资 (一)抓好重大项目建设(牵头单位:县发改局;责任单位:县重点项目事务中心) 1.全年实施重点项目150个。 2.新开工亿元以上项目30个。 (二)加快专项债券项目建设(牵头单位:县财政局) 3.争取专项债券资金15亿元以上。';
    expect(rows(text)).toEqual([
      ['1', '全年实施重点项目150个', ['县发改局/lead', '县重点项目事务中心/cooperate'], ['150个']],
      ['2', '新开工亿元以上项目30个', ['县发改局/lead', '县重点项目事务中心/cooperate'], ['30个']],
      ['3', '争取专项债券资金15亿元以上', ['县财政局/lead'], ['15亿元']],
    ]);
  });

  it('takes no target from buildings named by number after a place, nor from the count of a list whose last name follows 及', () => {
    const text = '一、民生实事\n1.整治新政二社和协兴村4栋、9栋等老旧房屋的安全隐患。(街道办负责)\n2.推出省水抗旱、节能减碳、资源循环及捍卫国土等四项行动。(市生态环境局负责)\n3.新建安置房12栋。(市住建局负责)\n';
    expect(rows(text).map((r) => r[3])).toEqual([[], [], ['12栋']]);
  });

  it('makes every unit a 责任 label names lead beside a 配合 label and no 牵头 one, and the same for a 责任单位 column beside a 配合单位 column', () => {
    const labels = '一、为民办实事\n1.建成休闲健身公园一处。\n责任部门:城建局、农海局 配合部门:各街道\n2.新建老年之家20个。\n牵头部门:民政局 责任部门:财政局 配合部门:各街道\n';
    expect(rows(labels).map((r) => r[2])).toEqual([
      ['城建局/lead', '农海局/lead', '各街道/localities'],
      ['民政局/lead', '财政局/cooperate', '各街道/localities'],
    ]);
    const table = '序号\t工作任务\t责任单位\t配合单位\n1\t新建道路3公里。\t市交通局、市住建局\t市财政局\n';
    expect(rows(table)[0]?.[2]).toEqual(['市交通局/lead', '市住建局/lead', '市财政局/cooperate']);
  });

  it('reads a one-cell-per-line table with a 名称 column between 序号 and the task, under a 主要责任单位 column (first named leads)', () => {
    const text = ['分解表', '', '序号', '', '名称', '', '工作任务', '', '主要责任单位', '', '主要预期目标(2项)', '', '1', '', '地区生产总值', '', '地区生产总值增长12%', '', '市发改委、统计局', '', '2', '', '财政收入', '', '一般预算收入增长12%以上', '', '市财政局、税务局', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '地区生产总值增长12%', ['市发改委/lead', '统计局/cooperate'], ['12%']],
      ['2', '一般预算收入增长12%以上', ['市财政局/lead', '税务局/cooperate'], ['12%']],
    ]);
  });

  it('takes no target from the figure a change starts from, nor from the places that each do a task; 延长米 is a measure', () => {
    const text = '一、目标\n1.地区生产总值从1.5万亿元增加到2.5万亿元。(省发展改革委负责)\n2.全区14个街道各建成一处健身广场,安装边石1000延长米。(区城建局负责)\n';
    expect(rows(text).map((r) => r[3])).toEqual([['2.5万亿元'], ['1000延长米']]);
  });
  it('makes a heading with no points of its own, over a short paragraph, a task among headings over points; never a frame section', () => {
    const text = [
      '某镇2025年民生实事项目',
      '一、总体要求',
      '坚持以人民为中心,办好群众身边的小事。',
      '二、道路畅通工程',
      '1.新建村道2.5公里。',
      '2.改造桥梁两座。',
      '三、积水点整治',
      '整治新民路和东风街两处积水点,铺设排水管0.8公里。',
      '四、保障措施',
      '各办要加强协作,按期完成。',
      '五、学位供给',
      '1.建成中心小学新校区,新增学位900个。',
      '六、组织领导',
      '由镇党政办统筹。',
      '七、养老服务',
      '1.新建长者饭堂3个。',
      '',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', '新建村道2.5公里', ['2.5公里']],
      ['2', '改造桥梁两座', ['两座']],
      ['三', '积水点整治', ['两处', '0.8公里']],
      ['1', '建成中心小学新校区,新增学位900个', ['900个']],
      ['1', '新建长者饭堂3个', ['3个']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a one-cell-per-line table whose header cells are broken over lines, with a 责任科室 column of a town\'s offices and a quarter\'s progress column', () => {
    const text = ['某镇2025年度重点工作计划执行情况', '', '序号', '', '重点工作', '', '责任', '', '领导', '', '责任', '', '科室', '', '攻坚目标', '', '任务', '', '第三季度', '', '完成情况', '', '1', '', '南山水库移民安置', '', '李明', '', '水库工作专班', '', '完成安置房交付。', '', '已交付80%。', '', '2', '', '美丽城镇建设', '', '王红', '', '乡村振兴办', '', '创成省级样板镇。', '', '已开工12个项目。', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '南山水库移民安置', ['水库工作专班/lead'], []],
      ['2', '美丽城镇建设', ['乡村振兴办/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('titles a point by the name before its colon over a description, but keeps a short category over its indicator whole', () => {
    const text = '一、城市更新\n1.北片区雨污分流改造:检测、清淤并修复北片区12公里污水管网。\n2.西街小学运动场改造:翻新塑胶跑道和看台,更换照明灯具。\n二、主要指标\n1.工业经济:规模以上工业增加值增长9%以上。\n';
    expect(rows(text).map((r) => r[1])).toEqual(['北片区雨污分流改造', '西街小学运动场改造', '工业经济:规模以上工业增加值增长9%以上']);
  });
  it('reads a list of labelled projects run on in one line (a news page that lost its breaks), a task per label after a sentence\'s end', () => {
    const text = '某街道2025年民生实事出炉 发布日期:2025-03-02 会议通报了票选结果,具体内容如下: 社区食堂建设项目:在东城社区新建长者食堂2处。 背街小巷整治项目:整治小巷12条,补齐路灯。 公厕提升项目:改造公厕6座。 ';
    expect(rows(text).map((r) => [r[1], r[3]])).toEqual([
      ['社区食堂建设项目', ['2处']],
      ['背街小巷整治项目', ['12条']],
      ['公厕提升项目', ['6座']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a 责任科室 label in a bracket (a bureau\'s offices), and two names sharing the kind of unit written once (人民大垸、荒湖管理区)', () => {
    const text = '一、重点工作\n1.抓实干部培训。全年举办专题班4期。(责任科室:组干科、机关党委)\n2.推进数据统计。(牵头单位:市发改局;责任单位:市统计局,各乡、镇人民政府,东湖、西垸管理区,城北经济开发区)\n';
    expect(rows(text).map((r) => r[2])).toEqual([
      ['组干科/lead', '机关党委/cooperate'],
      ['市发改局/lead', '市统计局/cooperate', '各乡、镇人民政府/localities', '东湖/cooperate', '西垸管理区/cooperate', '城北经济开发区/cooperate'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a one-cell-per-line table whose 目标 and 任务 cells are written once over their rows, and whose unit cells say the role (X牵头落实)', () => {
    const text = ['某市2017年政务公开工作要点实施方案', '目标', '任务', '主要内容', '责任单位', '一、以公开促进经济稳增长', '(一)做好预期引导', '借助新闻发布会和解读材料,适时宣传全市经济政策的执行情况。', '市发改委牵头落实', '做好就业创业政策的信息公开,讲清政策的背景和依据。', '市人社局牵头落实', '做好金融政策的信息公开,及时传达政策意图。', '市金融办、城东银行分别牵头落实', ''].join('\n');
    expect(rows(text).map((r) => [r[1], r[2]])).toEqual([
      ['借助新闻发布会和解读材料,适时宣传全市经济政策的执行情况', ['市发改委/lead']],
      ['做好就业创业政策的信息公开,讲清政策的背景和依据', ['市人社局/lead']],
      ['做好金融政策的信息公开,及时传达政策意图', ['市金融办/lead', '城东银行/lead']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('splits names glued with nothing between them when the level comes again (区发改局区统计局), and reads a 监考单位 column beside a 分值 column', () => {
    const text = ['某区2016年度目标任务分解表', '序号', '项目', '分值', '监考单位', '1', '地区生产总值增长8%', '3', '区发改局区统计局', '2', '新建农村公路30公里', '2', '区交通局', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '地区生产总值增长8%', ['区发改局/lead', '区统计局/cooperate'], ['8%']],
      ['2', '新建农村公路30公里', ['区交通局/lead'], ['30公里']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    const keep = '一、重点工作\n1.完成督查通报。(市委市政府督查室负责)\n';
    expect(rows(keep)[0]?.[2]).toEqual(['市委市政府督查室/lead']);
  });
  it('ends a title at a semicolon followed by a space, where run-on text lost a line break (…增长15%; 上列2项目标…)', () => {
    const text = '一、发展目标 1.地区生产总值增长15%; 2.固定资产投资新增200亿元; 上列2项目标,责任单位都是市发展改革委。 3.地方财政收入净增50亿元; 此项目标责任单位是市财政局。';
    expect(rows(text).map((r) => r[1])).toEqual(['地区生产总值增长15%', '固定资产投资新增200亿元', '地方财政收入净增50亿元']);
  });
  it('keeps the numbered tasks of a plan that stand before its 附件 line, and the rows of the table after it', () => {
    const text = ['某县2024年优化营商环境实施方案', '一、主要任务', '1.压减开办企业时间至1个工作日。(县市场监管局牵头,县税务局配合)', '2.推行工程建设项目审批一网通办。(县住建局负责)', '3.新增政务服务自助终端20台。(县政务服务中心负责)', '附件', '重点任务分工表', '序号\t工作任务\t牵头单位\t完成时限', '1\t建成企业服务专区\t县发改局\t2024年6月底前', ''].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '压减开办企业时间至1个工作日', ['县市场监管局/lead', '县税务局/cooperate']],
      ['2', '推行工程建设项目审批一网通办', ['县住建局/lead']],
      ['3', '新增政务服务自助终端20台', ['县政务服务中心/lead']],
      ['1', '建成企业服务专区', ['县发改局/lead']],
    ]);
  });
  it('reads a short item-level heading over tasks a level deeper as a heading, the deeper tasks as items, and keeps a stray space inside a long sentence in its title', () => {
    const text = ['一、整改内容', '(1)部分村未按要求公示帮扶名单。(牵头单位:扶贫办;责任单位:各村)', '(2)住房安全问题。', '①部分搬迁户的住房面积超过标准,部分地方扩大了搬迁对象范围,部分搬 迁户后续帮扶没有跟上。(牵头单位:村建所;责任单位:各村)', '②危房鉴定不及时。(牵头单位:村建所)', ''].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['(1)', '部分村未按要求公示帮扶名单', ['扶贫办/lead', '各村/localities']],
      ['①', '部分搬迁户的住房面积超过标准,部分地方扩大了搬迁对象范围,部分搬 迁户后续帮扶没有跟上', ['村建所/lead', '各村/localities']],
      ['②', '危房鉴定不及时', ['村建所/lead']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a standing rule after a comma (…,以下均需各乡镇落实属地管理责任,不再重复列出), a collective without its predicate, and kinds one 各 governs', () => {
    const text = '一、重点工作\n1.加强宣传教育。(牵头责任单位:县委宣传部,协同责任单位:县安委会各成员单位。各镇(园区)落实属地管理责任,以下均需各乡镇(园区)落实属地管理责任,不再重复列出)\n2.开展隐患排查。(牵头责任单位:县应急管理局)\n3.公开办事指南。[责任单位:区政务服务中心,各镇人民政府、街道办事处、管理处,区属企业]\n';
    expect(rows(text).map((r) => r[2])).toEqual([
      ['县委宣传部/lead', '县安委会各成员单位/localities', '各镇(园区)/localities'],
      ['县应急管理局/lead', '各乡镇(园区)/localities'],
      ['区政务服务中心/lead', '各镇人民政府/localities', '街道办事处/localities', '管理处/localities', '区属企业/localities', '各乡镇(园区)/localities'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a table one cell per line between bar lines with a 工作要求 column, numbering each row by its task cell\'s own number', () => {
    const text = ['2021年某市政务公开工作任务分解方案', '工作任务', '|', '工作要求', '|', '牵头单位', '|', '责任单位', '|', '一、把规划公开抓深抓实', '|', '|||', '1.主动公开规划纲要和配套政策', '|', '在门户网站开设专题', '|', '市发展改革委、自然资源和规划局', '|', '市直有关单位,各县(市、区)人民政府', '|', '2.归集整理历年规划并公开', '|', '在公开专栏统一发布', '|', '市发展改革委', '|', '各县(市、区)人民政府', '|', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '主动公开规划纲要和配套政策', ['市发展改革委/lead', '自然资源和规划局/lead', '市直有关单位/localities', '各县(市、区)人民政府/localities'], []],
      ['2', '归集整理历年规划并公开', ['市发展改革委/lead', '各县(市、区)人民政府/localities'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('keeps every bracket closing a numbered point\'s clauses in that point (1.title。 clause。(X负责)clause。(Y负责)…)', () => {
    const text = ['一、年度重点任务', '1.开展农产品质量提升行动。 完善抽检制度,做好抽检结果的通报。(区市场监管局负责)推广绿色种植技术。(区农业农村局负责)共享检测数据。[区卫生健康委、区农业农村局、区市场监管局按职责分工负责]', '2.开展校园食品安全守护行动'].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '开展农产品质量提升行动', ['区市场监管局/lead', '区农业农村局/lead', '区卫生健康委/lead']],
      ['2', '开展校园食品安全守护行动', []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a heading over a line saying only who does its work (由A承办,B、C配合。) as a task numbered and titled by the heading, its body running to the next heading', () => {
    const text = ['各村、有关部门:', '现将本乡整治工作安排如下:', '一、整治农贸市场环境', '由乡市场监管所承办,乡卫生院、派出所配合。', '整治目标:', '农贸市场规范化率达到90%以上。', '二、整治校园周边小餐饮', '由乡教育办负责。', ''].join('\n');
    expect(rows(text)).toEqual([
      ['一', '整治农贸市场环境', ['乡市场监管所/lead', '乡卫生院/cooperate', '派出所/cooperate'], ['90%']],
      ['二', '整治校园周边小餐饮', ['乡教育办/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a notice whose sections each stand over one short paragraph as one task per section, numbered and titled by its heading, whether or not the paragraph names who does it', () => {
    const text = ['各县(市、区)人民政府,市政府各部门:', '为抓好年度重点工作的落实,现就有关事项通知如下:', '一、认真开展自查', '各县(市、区)要对照任务清单逐项自查,6月底前报送自查报告。', '二、组织重点督查', '由市政府督查室牵头,市发展改革委、市财政局配合,对进度滞后的事项开展督查。', '三、严肃结果运用', '对工作不力的单位予以通报。', '特此通知。', ''].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['一', '认真开展自查', ['各县(市、区)/localities']],
      ['二', '组织重点督查', ['市政府督查室/lead', '市发展改革委/cooperate', '市财政局/cooperate']],
      ['三', '严肃结果运用', []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('drops a name the excerpt cuts off at its very end (…;责任单位:县财), and keeps one the registry knows or that ends like a unit', () => {
    const text = ['一、重点工作', '1.新建城乡道路30公里。(牵头单位:县交通运输局;责任单位:县财政局)', '2.改造老旧小区12个。(牵头单位:县住建局;责任单位:县财'].join('\n');
    expect(rows(text).map((r) => r[2])).toEqual([['县交通运输局/lead', '县财政局/cooperate'], ['县住建局/lead']]);
    const whole = ['一、重点工作', '1.改造老旧小区12个。牵头单位:县住建局;责任单位:县财政局'].join('\n');
    expect(rows(whole).map((r) => r[2])).toEqual([['县住建局/lead', '县财政局/cooperate']]);
  });
  it('reads pipe rows whose group cell is written only in the first row it spans, the numbered requirements being the tasks and the rows without a group cell put back in place', () => {
    const text = [
      '工作任务 | 具体要求 | 责任部门 |',
      '一、做好预算信息公开。 | 1.按时公开本单位的预算和决算。 | 财务科 |',
      '2.及时公开“三公”经费的使用情况。 | 财务科 | |',
      '二、办好网站公开专栏。 | 3.网站栏目的信息要随时更新。 | 办公室 |',
      '4.网民的留言要及时回复。 | 办公室牵头,各科室配合 | |',
      '',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '按时公开本单位的预算和决算', ['财务科/lead']],
      ['2', '及时公开“三公”经费的使用情况', ['财务科/lead']],
      ['3', '网站栏目的信息要随时更新', ['办公室/lead']],
      ['4', '网民的留言要及时回复', ['办公室/lead', '各科室/localities']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('numbers a one-cell-per-line row by the number standing after its group cell, where the header names no 序号 column', () => {
    const text = [
      '工作任务', '|', '具体要求', '|', '责任科室', '|', '时限要求', '|',
      '清理行政规范性文件', '|', '1', '|', '逐件梳理本单位的规范性文件,公布有效文件目录。', '|', '办公室', '|', '年底前', '|',
      '丰富政策解读方式', '|', '2', '|', '用图解和短视频解读新出台的政策。', '|', '各科室', '|', '持续推进', '|',
      '3', '|', '回应群众关切,及时发布权威信息。', '|', '各科室', '|', '持续推进', '|',
      '',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '逐件梳理本单位的规范性文件,公布有效文件目录', ['办公室/lead']],
      ['2', '用图解和短视频解读新出台的政策', ['各科室/localities']],
      ['3', '回应群众关切,及时发布权威信息', ['各科室/localities']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads pipe rows with no unit column whose task cells close with their responsibility bracket, the progress column giving no target', () => {
    const text = [
      '索引号: | 001/2020-00012 | 成文日期: | 2020-09-01 |',
      '重点工作推进情况汇总',
      '序号 | 目标任务 | 推进情况 |',
      '1 | 稳定住房市场,防止房价大起大落。(责任单位:市建设局) | 前7个月新房成交面积同比增长5%。 |',
      '2 | 建成200个垃圾分类示范村。(责任单位:市农业农村局、市建设局) | 已建成150个,完成75%。 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '稳定住房市场,防止房价大起大落', ['市建设局/lead'], []],
      ['2', '建成200个垃圾分类示范村', ['市农业农村局/lead', '市建设局/cooperate'], ['200个']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Without brackets in most task cells such a table is no division table: nothing is read from it.
    const report = ['序号 | 目标任务 | 推进情况 |', '1 | 稳定住房市场。 | 成交面积增长5%。 |', '2 | 建好示范村。 | 已建成150个。 |', ''].join('\n');
    expect(rows(report).flatMap((r) => r[2])).toEqual([]);
  });
  it('reads a ledger whose merged task cell is written only in the first row it spans (rows after it have one cell fewer), its 细化分工 cells the tasks and its 责任处室 the units', () => {
    const text = [
      '序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |',
      '1 | 疫情信息发布 | 及时发布疫情防控的权威信息 | 应急处、疾控处 | 长期推进 |',
      '|',
      '2 | 做好疫苗接种的信息公开 | 疾控处 | 长期推进 |',
      '|',
      '3 | 规范信息发布的程序 | 宣传处会办公室 | 2021年8月前 |',
      '|',
      '4 | 发布爱国卫生运动的信息 | 规划信息处(爱卫办) | 长期推进 |',
      '',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '及时发布疫情防控的权威信息', ['应急处/lead', '疾控处/cooperate']],
      ['2', '做好疫苗接种的信息公开', ['疾控处/lead']],
      ['3', '规范信息发布的程序', ['宣传处/lead', '办公室/cooperate']],
      ['4', '发布爱国卫生运动的信息', ['规划信息处(爱卫办)/lead']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Beside a unit column a 责任处室 column names persons' offices, not units.
    const both = ['序号 | 工作任务 | 责任单位 | 责任处室 |', '1 | 做好疫苗接种的信息公开 | 省卫生健康委 | 疾控处 |', '2 | 规范信息发布 | 省卫生健康委 | 宣传处 |', ''].join('\n');
    expect(rows(both).map((r) => r[2])).toEqual([['省卫生健康委/lead'], ['省卫生健康委/lead']]);
  });
  it('reads a one-cell-per-line table between bar lines with 负责部门 and 时间进度 columns, its collectives after a comma, and a last row cut off inside its task', () => {
    const text = [
      '|', '序号', '|', '工作任务', '|', '负责部门', '|', '时间进度', '|', '|',
      '1', '|', '理顺城市管理体制', '|', '市委编办、市城管局', '|', '2016 年底前', '|', '|',
      '2', '|', '编制环卫设施专项规划', '|', '市住建局、市财政局,各县(区)政府、市直园区管委会', '|', '常态工作', '|', '|',
      '3', '|', '道路保洁多用机械,规范清',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '理顺城市管理体制', ['市委编办/lead', '市城管局/cooperate']],
      ['2', '编制环卫设施专项规划', ['市住建局/lead', '市财政局/cooperate', '各县(区)政府/localities', '市直园区管委会/localities']],
      ['3', '道路保洁多用机械,规范清', []],
    ]);
    const parsed = parse(text);
    expect(parsed.items[1]?.schedule?.raw).toBe('常态工作');
    expect(spanProblems(text, parsed)).toEqual([]);
  });
  it('reads a target table flattened one cell per line: the unit cells one name a line after each goal and its target lines name the goal\'s units, the first leading', () => {
    const text = [
      '某省妇女发展规划目标责任分解书', '', '领域', '', '主要目标', '', '主要责任单位', '', '责任单位', '',
      '1.孕产妇的医疗保健得到加强。', '', '——孕产妇死亡率不超过15/10万。', '', '省卫生厅', '', '人口计生', '',
      '——住院分娩率达到98%以上。', '', '省卫生厅', '', '省财政厅', '',
      '2.妇女经常参加体育锻炼。', '', '省体育局', '', '省妇联', '',
      '省人民政府办公厅', '2014年2月12日', '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '孕产妇的医疗保健得到加强', ['省卫生厅/lead', '人口计生/cooperate', '省财政厅/cooperate'], ['15/10万', '98%']],
      ['2', '妇女经常参加体育锻炼', ['省体育局/lead', '省妇联/cooperate'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Without a unit column's header cell above, names alone on lines are no item's units.
    const plain = ['一、目标', '1.妇女经常参加体育锻炼。', '省体育局', '省妇联', ''].join('\n');
    expect(rows(plain).map((r) => r[2])).toEqual([[]]);
  });
  it('reads a table copied as rows of cells one space apart: two spaces leave a merged cell empty, a cell broken before its last character is whole, the 细化措施 cell gives the targets and titles a row whose task cell is empty', () => {
    const text = [
      '某市河长制主要任务分解表',
      '序号 类别 主要任务 细化措施 牵头单位 参与单位',
      '1 强化水资源保 护 守牢用水总量红线 实行用水总量控制。到2020年用水总量不超过11.88亿立方米。 市水利局 市发展改革委、住房和城乡建设局等',
      '2  守牢用水 效率指标 红线 万元工业增加值用水量下降25%以上。 市水利局 市工业和信息化委',
      '3   推进工业节水。改造高耗水工艺。 市工业和信息化委 城乡一体化示范区、高新区党工委和管委会',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '守牢用水总量红线', ['市水利局/lead', '市发展改革委/cooperate', '住房和城乡建设局/cooperate'], ['11.88亿立方米']],
      ['2', '守牢用水效率指标红线', ['市水利局/lead', '市工业和信息化委/cooperate'], ['25%']],
      ['3', '推进工业节水', ['市工业和信息化委/lead', '城乡一体化示范区/cooperate', '高新区党工委和管委会/cooperate'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a numbered task list one space apart with a schedule column and no unit column, its 工作举措 figures the targets, the last row cut off by the page', () => {
    const text = [
      '2017年度重点工作清单',
      '序号 重点工作 工作举措 进度安排',
      '1 完成主要预期目标。 地区生产总值增长7.5%以上,力争8%以上。 全年',
      '2 推进城市有机更新。 改造老旧小区12个',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '完成主要预期目标', [], ['7.5%', '8%']],
      ['2', '推进城市有机更新', [], ['12个']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Without a schedule column, such a list is no task table.
    const indicators = ['序号 重点工作 说明', '1 完成主要预期目标。 地区生产总值增长7.5%。', ''].join('\n');
    expect(rows(indicators)).toEqual([]);
  });
  it('reads a repost whose paragraph indents were lost to question marks (??一、…), keeping the marks in the original', () => {
    const text = ['某区优化营商环境行动方案', '??一、让企业办事更省心', '??1.推行“一网通办”。(责任单位:区府办、区行政服务中心)', '??2.选出10项高频事项自动办理。(责任单位:区行政服务中心)', ''].join('\n');
    const parsed = parse(text);
    expect(rows(text)).toEqual([
      ['1', '推行“一网通办”', ['区府办/lead', '区行政服务中心/cooperate'], []],
      ['2', '选出10项高频事项自动办理', ['区行政服务中心/lead'], ['10项']],
    ]);
    expect(parsed.items[0]?.text.startsWith('推行')).toBe(true);
    expect(spanProblems(text, parsed)).toEqual([]);
    // A question mark opening one line only is text.
    expect(rows('一、重点工作\n??1.推行一网通办。(责任单位:区府办)\n').map((r) => [r[0], r[1]])).toEqual([['', '??1.推行一网通办']]);
  });
  it('reads (第一责任单位为牵头单位,下同) after a label\'s names as a reading rule, and drops a collective the excerpt cuts off at its end (各县(区)人民)', () => {
    const text = ['一、重点措施', '1.压缩企业开办时间。', '责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)', '2.推行电子证照。', '责任单位:市市场监管局、市政务服务中心', '3.清理涉企收费。(牵头单位:市发改委;配合单位:市财政局,各县(区)人民'].join('\n');
    expect(rows(text).map((r) => r[2])).toEqual([
      ['市发改委/lead', '市财政局/cooperate'],
      ['市市场监管局/lead', '市政务服务中心/cooperate'],
      ['市发改委/lead', '市财政局/cooperate'],
    ]);
  });
  it('reads a one-cell-per-line progress table whose only column saying what each row is is 项目内容, its 当前进度 and 备注 cells giving nothing', () => {
    const text = [
      '2022年度民生实事未完成项目进度表', '', '序号', '', '项目内容', '', '当前进度', '', '牵头单位', '', '备注', '',
      '1', '', '公办幼儿园新建5所,增加学位1000个。', '', '80%(新区幼儿园进度落后)', '', '县教育局', '', '市民生实事', '',
      '2', '', '四好农村路建成55公里。', '', '95%', '', '县交通局', '', '县民生实事', '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '公办幼儿园新建5所,增加学位1000个', ['县教育局/lead'], ['5所', '1000个']],
      ['2', '四好农村路建成55公里', ['县交通局/lead'], ['55公里']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a numbered point behind a page\'s list bullet (• 1.), keeping the bullet in the original', () => {
    const text = ['一、重点任务', '  • 1.推进老旧小区改造。(市住建局负责)', '  • 2.新建城市绿道50公里。(市林业局负责)', ''].join('\n');
    const parsed = parse(text);
    expect(rows(text)).toEqual([
      ['1', '推进老旧小区改造', ['市住建局/lead'], []],
      ['2', '新建城市绿道50公里', ['市林业局/lead'], ['50公里']],
    ]);
    expect(spanProblems(text, parsed)).toEqual([]);
  });
  it('reads key works numbered in their own cells over sub-task rows ②③ (merged cells written once): each key work an item, its unit cell found by its place, its sub-tasks\' figures its targets, a figure named twice counted once', () => {
    const text = [
      '年度重点工作 | 细化任务及目标 | 三季度目标 | 分管领导 | 牵头单位 | 落实情况 |',
      '57.抓实垃圾分类,新建“三定一督”小区193个。 | ①厨余垃圾处置中心投入运营。 | 试运营。 | 徐国江 | 城管局 | 土建在做。 |',
      '②“三定一督”小区新建193个,其中24个随老旧小区改造实施。 | 进度完成70%。 | 已招标。 | ||||',
      '58.专项治理违建,存量违建削减40%以上。 | 削减至30%。 | 徐国江 | 城管局 | 已削减42%。 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['57', '抓实垃圾分类,新建“三定一督”小区193个', ['城管局/lead'], ['193个', '24个']],
      ['58', '专项治理违建,存量违建削减40%以上', ['城管局/lead'], ['40%']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads key-work records kept as label rows (重点工作: | 135.… | ⏎ 牵头单位: | … |), the stage goals and progress rows giving nothing', () => {
    const text = [
      '重点工作: | 135.统筹违法建设治理和城市更新。 |',
      '牵头单位: | 市城市管理综合执法局 |',
      '配合单位: | 市住房城乡建设局、各区政府 |',
      '年度阶段性工作目标: | 第一季度:完成20%以上。 |',
      '进展情况: | 已治理违法建设2318万平方米。 |',
      '重点工作: | 136.推进老旧小区改造。 |',
      '牵头单位: | 市住房城乡建设局 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['135', '统筹违法建设治理和城市更新', ['市城市管理综合执法局/lead', '市住房城乡建设局/cooperate', '各区政府/localities'], []],
      ['136', '推进老旧小区改造', ['市住房城乡建设局/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads more column names: 区级责任单位 and 主管部门 name units, 责任分工 cells say the roles, 单位 (a measure) and 阶段目标 are columns that give nothing', () => {
    const indicators = ['2021年主要指标分解表', '序号', '指标名称', '单位', '阶段目标', '区级责任单位', '1', '地区生产总值增长', '%', '上半年6', '区发改局', '2', '一般公共预算收入增长', '%', '上半年5', '区财政局', ''].join('\n');
    expect(rows(indicators).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '地区生产总值增长', ['区发改局/lead']],
      ['2', '一般公共预算收入增长', ['区财政局/lead']],
    ]);
    const roles = ['序号\t工作任务\t责任分工\t完成时限', '1\t推进老旧小区改造\t市住建局牵头,市财政局配合\t年底前', '2\t新建城市绿道\t市林业局负责\t6月底前', ''].join('\n');
    expect(rows(roles).map((r) => r[2])).toEqual([['市住建局/lead', '市财政局/cooperate'], ['市林业局/lead']]);
    const competent = ['序号 | 改革事项 | 主管部门 | 支持单位 |', '1 | 深化“放管服”改革 | 市政务服务局 | 市司法局 |', '2 | 推行“一业一证” | 市市场监管局 | 市政务服务局 |', ''].join('\n');
    expect(rows(competent).map((r) => r[2])).toEqual([['市政务服务局/lead', '市司法局/cooperate'], ['市市场监管局/lead', '市政务服务局/cooperate']]);
  });
  it('reads tab rows copied from a spreadsheet whose cells with line breaks come in quotes, a unit cell\'s names one a line', () => {
    const text = [
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t"推进老旧小区改造。', '年内完成12个小区。"\t市住建局\t市财政局\t年底前',
      '2\t新建城市绿道50公里\t市林业局\t"市住建局', '各区政府"\t6月底前',
      '3\t推行一网通办\t市政务服务局\t\t长期坚持',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '推进老旧小区改造', ['市住建局/lead', '市财政局/cooperate'], ['12个']],
      ['2', '新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate', '各区政府/localities'], ['50公里']],
      ['3', '推行一网通办', ['市政务服务局/lead'], []],
    ]);
    const parsed = parse(text);
    expect(parsed.items[0]?.schedule?.raw).toBe('年底前');
    expect(spanProblems(text, parsed)).toEqual([]);
  });
  it('reads numbered tasks over their label lines a level below the document\'s items, where a (一) stands in another section, as stored and run on', () => {
    const lines = ['一、重点任务', '1.推进老旧小区改造,年内完成12个。', '牵头单位:市住建局', '配合单位:市财政局', '2.新建城市绿道50公里。', '牵头单位:市林业局', '二、保障措施', '(一)加强组织领导。'];
    const want = [
      ['1', '推进老旧小区改造,年内完成12个', ['市住建局/lead', '市财政局/cooperate'], ['12个']],
      ['2', '新建城市绿道50公里', ['市林业局/lead'], ['50公里']],
    ];
    expect(rows(lines.join('\n'))).toEqual(want);
    expect(rows(lines.join(' '))).toEqual(want);
    expect(spanProblems(lines.join('\n'), parse(lines.join('\n')))).toEqual([]);
  });
  it('reads a table aligned by spaces whose empty cell is a gap: each cell goes to the column it stands under', () => {
    const text = [
      '序号  工作任务                  牵头单位    配合单位    完成时限',
      '1     推进老旧小区改造          市住建局    市财政局    年底前',
      '2     新建城市绿道50公里        市林业局                6月底前',
      '',
    ].join('\n');
    const parsed = parse(text);
    expect(rows(text)).toEqual([
      ['1', '推进老旧小区改造', ['市住建局/lead', '市财政局/cooperate'], []],
      ['2', '新建城市绿道50公里', ['市林业局/lead'], ['50公里']],
    ]);
    expect(parsed.items[1]?.schedule?.raw).toBe('6月底前');
    expect(spanProblems(text, parsed)).toEqual([]);
  });
  it('passes over group rows drawn with a markdown table\'s bars (| 一、产业发展 | | |), and reads a 具体举措 column for the targets', () => {
    const text = [
      '| 序号 | 重点任务 | 具体举措 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- | --- |',
      '| 一、产业发展 | | | | |',
      '| 1 | 培育壮大制造业 | 新增规上工业企业50家 | 市工信局(牵头)、市发改委 | 12月底 |',
      '| 二、民生保障 | | | | |',
      '| 2 | 扩大就业 | 新增城镇就业1万人 | 市人社局 | 全年 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '培育壮大制造业', ['市工信局/lead', '市发改委/cooperate'], ['50家']],
      ['2', '扩大就业', ['市人社局/lead'], ['1万人']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });
  it('reads a header of two rows, a merged 责任单位 cell over 牵头 and 配合 columns, in tab and bar tables', () => {
    const want = [
      ['1', '推进老旧小区改造', ['市住建局/lead', '市财政局/cooperate'], []],
      ['2', '新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate', '各区政府/localities'], ['50公里']],
    ];
    const tabs = ['序号\t工作任务\t责任单位\t\t完成时限', '\t\t牵头\t配合\t', '1\t推进老旧小区改造\t市住建局\t市财政局\t年底前', '2\t新建城市绿道50公里\t市林业局\t市住建局、各区政府\t6月底前', ''].join('\n');
    expect(rows(tabs)).toEqual(want);
    expect(parse(tabs).items[1]?.schedule?.raw).toBe('6月底前');
    const bars = ['| 序号 | 工作任务 | 责任单位 | | 完成时限 |', '| | | 牵头单位 | 配合单位 | |', '| 1 | 推进老旧小区改造 | 市住建局 | 市财政局 | 年底前 |', '| 2 | 新建城市绿道50公里 | 市林业局 | 市住建局、各区政府 | 6月底前 |', ''].join('\n');
    expect(rows(bars)).toEqual(want);
    expect(spanProblems(bars, parse(bars))).toEqual([]);
  });
  it('reads a one-cell-per-line header whose 责任单位 cell is merged over 牵头 and 配合 named on the lines after it, and keeps 责任单位 ⏎ 配合单位 as two columns', () => {
    const text = ['任务分解表', '序号', '工作任务', '责任单位', '牵头', '配合', '完成时限', '1', '推进老旧小区改造', '市住建局', '市财政局', '年底前', '2', '新建城市绿道50公里', '市林业局', '各区政府', '6月底前', ''].join('\n');
    expect(rows(text)).toEqual([
      ['1', '推进老旧小区改造', ['市住建局/lead', '市财政局/cooperate'], []],
      ['2', '新建城市绿道50公里', ['市林业局/lead', '各区政府/localities'], ['50公里']],
    ]);
    const full = ['序号', '工作任务', '责任单位', '配合单位', '1', '推进老旧小区改造', '市住建局', '市财政局', '2', '新建城市绿道', '市林业局', '市水务局', ''].join('\n');
    expect(rows(full).map((r) => r[2])).toEqual([['市住建局/lead', '市财政局/cooperate'], ['市林业局/lead', '市水务局/cooperate']]);
  });
  it('reads no task from a point titled as the plan\'s frame (三、工作要求。各单位要…) whose only actors are every unit of a kind', () => {
    const text = ['一、推进老旧小区改造。年内完成12个(市住建局牵头,各区政府负责)。', '二、新建城市绿道50公里。(市林业局负责)', '三、工作要求。各单位要高度重视,确保按时完成。', ''].join('\n');
    expect(rows(text)).toEqual([
      ['一', '推进老旧小区改造', ['市住建局/lead', '各区政府/localities'], ['12个']],
      ['二', '新建城市绿道50公里', ['市林业局/lead'], ['50公里']],
    ]);
  });
  it('reads a one-cell-per-line table whose row numbers carry a dot (1.) or are Chinese numerals (一), the number kept without its dot', () => {
    const dotted = ['序号', '工作任务', '责任单位', '完成时限', '1.', '推进老旧小区改造', '市住建局', '年底前', '2.', '新建城市绿道50公里', '市林业局', '6月底前', ''].join('\n');
    expect(rows(dotted)).toEqual([
      ['1', '推进老旧小区改造', ['市住建局/lead'], []],
      ['2', '新建城市绿道50公里', ['市林业局/lead'], ['50公里']],
    ]);
    const chinese = dotted.replace('\n1.\n', '\n一\n').replace('\n2.\n', '\n二\n');
    expect(rows(chinese).map((r) => r[0])).toEqual(['一', '二']);
    expect(spanProblems(dotted, parse(dotted))).toEqual([]);
  });
  it('reads pipe rows under a group column written once before the number, a 牵头单位及主要负责人 column whose cells name the head after the unit', () => {
    const text = [
      '大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |',
      '一、提高底线民生保障水平 | 1 | 城乡低保标准分别由每月574元、271元调高至每月609元、300元。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |',
      '2 | 特困人员基本生活标准达到低保标准1.6倍以上。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '城乡低保标准分别由每月574元、271元调高至每月609元、300元', ['市民政局/lead'], ['609元', '300元']],
      ['2', '特困人员基本生活标准达到低保标准1.6倍以上', ['市民政局/lead'], ['1.6倍']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a heading over a paragraph opened by 由X承办,A、B协办。 and going on with its goals as a task, with the points under it as tasks of their own', () => {
    const text = [
      '某县整治校园周边环境工作方案',
      '一、整治校园周边食品摊点',
      '由县市场监管局承办,县教育局、县公安局、县城管局协办。整治工作目标:校园周边无证摊点取缔率达到90%以上。具体措施:',
      '(一)由县城管局负责,县公安局配合,清理校门口流动摊贩。县公安局负责维护秩序。',
      '二、整治校园周边交通秩序',
      '由县公安局承办,县交通运输局协办。',
      '',
    ].join('\n');
    const read = rows(text);
    expect(read.map(([n, , units, targets]) => [n, units, targets])).toEqual([
      ['一', ['县市场监管局/lead', '县教育局/cooperate', '县公安局/cooperate', '县城管局/cooperate'], ['90%']],
      ['(一)', ['县城管局/lead', '县公安局/cooperate'], []],
      ['二', ['县公安局/lead', '县交通运输局/cooperate'], []],
    ]);
    expect(read[0]?.[1]).toBe('整治校园周边食品摊点');
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('titles a point opened by who does it (由X负责,Y配合,…) by its task, the clause read for its units', () => {
    const text = '某市整治工作方案\n(一)由市城管局负责,市公安局、市交通局配合,清理校门口流动摊贩。\n(二)由市教育局牵头,完善校园安全管理制度。\n(三)由市财政局负责落实经费。\n';
    expect(rows(text)).toEqual([
      ['(一)', '清理校门口流动摊贩', ['市城管局/lead', '市公安局/cooperate', '市交通局/cooperate'], []],
      ['(二)', '完善校园安全管理制度', ['市教育局/lead'], []],
      ['(三)', '由市财政局负责落实经费', ['市财政局/lead'], []],
    ]);
  });

  it('reads a label with a bracketed alternative, a goal label opening the item or glued to its heading, and a name cut by dots', () => {
    const text = '某镇爱国卫生工作方案\n一、工作任务\n1.整治集贸市场\n(2)创建目标:把市场公厕改造到位责任科室(单位):镇卫生院、镇村建办\n3.整治背街小巷创建目标:清理楼道堆放的杂物。牵头单位(部门):镇城管中队...\n';
    expect(rows(text)).toEqual([
      ['(2)', '把市场公厕改造到位', ['镇卫生院/lead', '镇村建办/cooperate'], []],
      ['3', '整治背街小巷', ['镇城管中队/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a lone paragraph over a 承办部门: line with a telephone number, and a second unit with its number on the next line', () => {
    const text = '提升城乡居民养老服务水平。今年新建社区养老服务站12个,覆盖率达到85%以上。\n承办部门:县民政局 联系电话:5551234\n县财政局 5556789\n';
    expect(rows(text)).toEqual([['', '提升城乡居民养老服务水平', ['县民政局/lead', '县财政局/cooperate'], ['12个', '85%']]]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('titles points whose number came out as mojibake by their first sentence, drops a yardstick count, and keeps a last point cut off', () => {
    const text = '某市2023年數字政府工作要點\n\n一、夯實基礎能力,提升服務水平\n\n ?。ㄒ唬┘訌娖脚_建設,推進數據共享。對照省里的12項指標逐項推進,年底前建成共享平台3個。(市數據局牽頭)\n\n ?。ǘ┩晟茟糜皿w系,全面提升服務能力。圍繞政務服務、社會治理、城市管理等領域,推動各縣區把應用系統接入全市統一平台,聚焦政務服務、數字\n';
    expect(rows(text)).toEqual([
      ['', '?。ㄒ唬┘訌娖脚_建設,推進數據共享', ['市數據局/lead'], ['3個']],
      ['', '?。ǘ┩晟茟糜皿w系,全面提升服務能力', [], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a text that is one duty sentence with no heading over it without failing', () => {
    expect(() => parse('由省发改委牵头,会同省财政厅配合')).not.toThrow();
  });
});

