import { describe, expect, it } from 'vitest';
import { splitRunOn } from './run-on.js';
import { normalise, splitLines, type SourceText } from './text.js';

/** The trimmed lines splitRunOn makes of `text`. */
function pieces(text: string): string[] {
  const norm = normalise(text);
  const src: SourceText = { original: text, norm, lines: splitLines(norm) };
  return splitRunOn(src)
    .filter((l) => l.trimEnd > l.trimStart)
    .map((l) => text.slice(l.trimStart, l.trimEnd));
}

describe('splitRunOn', () => {
  it('cuts a run-on paragraph before items that continue its own numbering, after a space', () => {
    expect(pieces('(2)修缮城区老旧供水管网,年内完成十公里。(市水务局负责) (3)新建社区养老服务站点五处。(市民政局负责) (4)扩充中小学学位两千个。(市教育局负责)')).toEqual([
      '(2)修缮城区老旧供水管网,年内完成十公里。(市水务局负责)',
      '(3)新建社区养老服务站点五处。(市民政局负责)',
      '(4)扩充中小学学位两千个。(市教育局负责)',
    ]);
  });

  it('cuts with full-width brackets and nothing between the items', () => {
    expect(pieces('（一）修缮城区老旧供水管网,年内完成十公里。（市水务局负责）（二）新建社区养老服务站点五处。（市民政局负责）')).toEqual([
      '（一）修缮城区老旧供水管网,年内完成十公里。（市水务局负责）',
      '（二）新建社区养老服务站点五处。（市民政局负责）',
    ]);
  });

  it('opens a sequence inline at any value an excerpt starts from, when the next value confirms it', () => {
    expect(pieces('大力实施乡村振兴战略 (二十四)完善城乡融合发展的体制机制。(国家发展改革委牵头) (二十五)深化农业供给侧结构性改革。(农业农村部负责)')).toEqual([
      '大力实施乡村振兴战略',
      '(二十四)完善城乡融合发展的体制机制。(国家发展改革委牵头)',
      '(二十五)深化农业供给侧结构性改革。(农业农村部负责)',
    ]);
    // Values that do not follow each other confirm nothing.
    expect(pieces('按照第二条的规定办理。 (三)见附件。其余事项另行通知,详见 (五)所列。')).toHaveLength(1);
  });

  it('cuts before a 1. glued to the heading before it with a space after its point, once a 2. confirms it', () => {
    expect(pieces('一、完成主要预期目标1. 地区生产总值增长8%以上。牵头责任单位:市发展改革委。2. 财政收入增长8%左右。牵头责任单位:市财政局。')).toEqual([
      '一、完成主要预期目标',
      '1. 地区生产总值增长8%以上。牵头责任单位:市发展改革委。',
      '2. 财政收入增长8%左右。牵头责任单位:市财政局。',
    ]);
  });

  it('opens a lone section whose heading closes with who leads it, and its lone (一) after an introducing paragraph', () => {
    expect(pieces('特制定以下举措。 一、提升科技创新能力(区科技局牵头) 以改革为牵引,培育新质生产力。 (一)提升科创平台效能。抓紧建成研究院。')).toEqual([
      '特制定以下举措。',
      '一、提升科技创新能力(区科技局牵头) 以改革为牵引,培育新质生产力。',
      '(一)提升科创平台效能。抓紧建成研究院。',
    ]);
  });

  it('cuts a short heading closed by its full stop from the paragraph after a space, not a point whose clauses close with brackets', () => {
    expect(pieces('(一)推进健康促进行动。 1.主要目标指标。 人均预期寿命达82.4岁。 2.重点工作举措。 (1)建立监测评价指标体系。')).toEqual([
      '(一)推进健康促进行动。',
      '1.主要目标指标。',
      '人均预期寿命达82.4岁。',
      '2.重点工作举措。',
      '(1)建立监测评价指标体系。',
    ]);
    expect(pieces('一、年度重点任务 1.开展风险评估专项行动。 健全标准管理制度。(区卫生健康委负责) 2.开展农药减量行动。 推进减量增效。(区农业农村局负责)')).toEqual([
      '一、年度重点任务',
      '1.开展风险评估专项行动。 健全标准管理制度。(区卫生健康委负责)',
      '2.开展农药减量行动。 推进减量增效。(区农业农村局负责)',
    ]);
  });

  it('reads past a page\'s stray bars at both ends of a long run-on text (no table row)', () => {
    const body = '在法律框架内探索省直管县的管理体制,稳步开展体制改革试点,扩大县级政府在经济社会管理方面的权限,压减管理层级,提升行政效率和公共服务能力。';
    const got = pieces(`| [接上页] (十九)探索省直管县体制改革。${body}(省编委办牵头)。 (二十)对事业单位改革分类推进。${body}(省财政厅负责)。 三、加强领导 省各有关部门要加强组织领导。 |`);
    expect(got.map((p) => p.slice(0, 6))).toEqual(['| [接上页', '(十九)探索', '(二十)对事']);
  });

  it('opens a sequence inline when a 1 is confirmed by a later 2', () => {
    expect(pieces('今年重点抓好以下工作: 1.修缮城区老旧供水管网十公里。 2.新建社区养老服务站点五处。')).toEqual([
      '今年重点抓好以下工作:',
      '1.修缮城区老旧供水管网十公里。',
      '2.新建社区养老服务站点五处。',
    ]);
  });

  it('does not cut a sentence that quotes (1) inline without a following (2)', () => {
    const text = '按照通知附件中第(1)项的要求,各部门于年底前完成城区老旧管网的排查和修缮工作。';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut a date written with spaces', () => {
    const text = '本方案自2021年 1 月 1 日起施行,由市发展改革委负责解释,各区县结合实际抓好落实。';
    expect(pieces(text)).toEqual([text]);
  });

  it('does not cut a list of figures', () => {
    const text = '全年三项指标分别增长 1.5%、2.3%和 3.8%,较上年均有提高,完成情况好于预期目标。';
    expect(pieces(text)).toEqual([text]);
  });

  it('leaves a short line alone', () => {
    expect(pieces('(1)修缮管网。(2)新建站点。')).toEqual(['(1)修缮管网。(2)新建站点。']);
  });
});

describe('splitRunOn, a lone 1 that names who does it', () => {
  it('opens a lone 1. set apart by spaces when its item goes on to a label or a bracket of roles', () => {
    const got = pieces('十四五时期重点工作责任分解  1.实施富民增收行动,加快形成以共同富裕为导向的发展格局。  牵头市领导:某某  责任单位:市发改委、市农业农村局');
    expect(got[0]).toBe('十四五时期重点工作责任分解');
    expect(got[1]?.startsWith('1.实施富民增收行动')).toBe(true);
    expect(got[got.length - 1]).toBe('责任单位:市发改委、市农业农村局');
    // A 1. quoted in a sentence, with no one named after it, stays in its line.
    const prose = '各单位要按照通知第 1. 项的要求,认真做好本年度各项工作的组织实施,确保按期完成。';
    expect(pieces(prose)).toEqual([prose]);
  });
});

describe('splitRunOn, a notice run into the plan it issues', () => {
  it('cuts at the notice\'s signature (issuer, date) and opens the plan\'s sequences afresh', () => {
    const text = [
      '现将分工方案印发给你们,有关事项通知如下:',
      '一、站位要高。各部门要及早动员部署。',
      '二、落实要实。各单位要逐项制定方案。',
      '三、协作要紧。各牵头单位要发挥作用。',
      '某某区人民政府办公室',
      '2023年3月3日',
      '2023年区政府工作报告重点工作分工方案',
      '一、主要预期目标',
      '1.地区生产总值增长5%以上。',
      '主要责任单位:区发展改革委',
    ].join(' ');
    const got = pieces(text);
    expect(got).toContain('某某区人民政府办公室');
    expect(got).toContain('2023年3月3日');
    expect(got).toContain('一、主要预期目标');
    expect(got).toContain('1.地区生产总值增长5%以上。');
    expect(got).toContain('三、协作要紧。各牵头单位要发挥作用。');
    // A date inside a sentence is no signature.
    const prose = '各单位要按时报送材料。请于2023年3月3日前报市政府办公室,逾期不再受理,特此通知,望各单位周知并认真执行。';
    expect(pieces(prose)).toEqual([prose]);
  });
});

describe('splitRunOn, items glued to the word before them', () => {
  it('cuts before an Arabic item glued to the last word of a heading or a label, once a 2 confirms the 1 (the labels get lines of their own)', () => {
    expect(pieces('一、年度主要指标1.城区绿化覆盖率达到百分之四十。责任单位:市园林局2.新建公园三座。责任单位:市建设局')).toEqual([
      '一、年度主要指标',
      '1.城区绿化覆盖率达到百分之四十。',
      '责任单位:市园林局',
      '2.新建公园三座。',
      '责任单位:市建设局',
    ]);
  });

  it('cuts before a 1) glued to a word, and before a 二、 glued to a name after a label typed with spaces around its colon (the labels stay in their item\'s piece)', () => {
    expect(pieces('营商环境工作要点一、提升审批效率1)企业开办压缩至5日。牵头单位 : 省市场监管局2)项目审批压减一半。牵头单位 : 省发展改革委配合单位 : 省自然资源厅二、降低企业成本3)全年减负300亿元。牵头单位 : 省财政厅')).toEqual([
      '营商环境工作要点',
      '一、提升审批效率',
      '1)企业开办压缩至5日。牵头单位 : 省市场监管局',
      '2)项目审批压减一半。牵头单位 : 省发展改革委配合单位 : 省自然资源厅',
      '二、降低企业成本',
      '3)全年减负300亿元。牵头单位 : 省财政厅',
    ]);
    // (见附件1)各地…: a 1) closing a bracket is no item while no 2) confirms it.
    expect(pieces('各地要按照要求报送材料(见附件1)各地报送的材料要真实完整,不得弄虚作假。')).toHaveLength(1);
  });

  it('does not cut a heading from a figure a page set apart by spaces (投资达 2 亿元)', () => {
    expect(pieces('意见如下。1.招商项目实际投资达 2 亿元或年纳税总额达 5000 万元以上的,给予奖励。责任单位:市发改委。2.引进团队的,经认定后给予支持。责任单位:市委组织部。')).toEqual([
      '意见如下。',
      '1.招商项目实际投资达 2 亿元或年纳税总额达 5000 万元以上的,给予奖励。',
      '责任单位:市发改委。',
      '2.引进团队的,经认定后给予支持。',
      '责任单位:市委组织部。',
    ]);
  });

  it('does not cut before a figure glued to a word (下降4.2%, 小1.7个百分点)', () => {
    const text = '3.二氧化硫排放量下降4.2%,降幅比全省平均小1.7个百分点,排名比去年同期前进五位。';
    expect(pieces(text)).toEqual([text]);
  });
  it('cuts before an item glued to the date a header line ends with, and before a first section glued to the title', () => {
    expect(pieces('县长交办事项/县府供稿 2009-01-051、年前备好慰问物资。(社会局)2、检修校舍门窗。(教育局)')).toEqual([
      '县长交办事项/县府供稿 2009-01-05',
      '1、年前备好慰问物资。(社会局)',
      '2、检修校舍门窗。(教育局)',
    ]);
    expect(pieces('关于分解落实年度重点工作的意见一、稳住经济大盘推动消费回升。(市商务局负责)二、扩大有效投资新开工项目三十个。(市发改委负责)')).toEqual([
      '关于分解落实年度重点工作的意见',
      '一、稳住经济大盘推动消费回升。(市商务局负责)',
      '二、扩大有效投资新开工项目三十个。(市发改委负责)',
    ]);
  });

  it('opens a first section glued to the title when the 1 of its first item follows its short heading, with no 二、 after it', () => {
    // The items confirmed by their 2.
    expect(pieces('年度创新试点目标任务分解一、市科技局1.牵头对接国家和省的有关部门。2.管好专项资金计划。')).toEqual([
      '年度创新试点目标任务分解',
      '一、市科技局',
      '1.牵头对接国家和省的有关部门。',
      '2.管好专项资金计划。',
    ]);
    // A lone 1. (the excerpt ends in its item).
    expect(pieces('政府工作报告重点工作责任分解一、省长主抓重点工作1. 防风险、稳企业。把各项工作做实。牵头单位:省发展改革委')).toEqual([
      '政府工作报告重点工作责任分解',
      '一、省长主抓重点工作',
      '1. 防风险、稳企业。把各项工作做实。',
      '牵头单位:省发展改革委',
    ]);
    // A lone 一、 after a sentence, its heading closed by a full stop, and the lone 1、 after it.
    for (const gap of [' ', '']) {
      const got = pieces(['保证全年各项工作目标实现。', '一、推动经济平稳较快发展。', '1、做好经济运行监测,确保主要指标完成。(牵头单位:发改委、统计局)', '▲增加值增长14%左右'].join(gap));
      // (The label gets a line of its own, as under any item.)
      expect(got.slice(0, 3)).toEqual(['保证全年各项工作目标实现。', '一、推动经济平稳较快发展。', '1、做好经济运行监测,确保主要指标完成。']);
      expect(got[3]?.startsWith('(牵头单位:发改委、统计局)')).toBe(true);
    }
    // A title-glued 一、 whose paragraph runs long before any 1 stays whole.
    const prose = '关于做好年度工作的意见一、各地各部门要切实加强组织领导,把今年的各项工作抓实抓细抓好,确保年度任务全面完成并取得实效。1.见附件。';
    expect(pieces(prose)).toEqual([prose]);
  });

  it('does not cut before 一、 inside a word after a sentence\'s mark, nor before a figure glued to a date', () => {
    const word = '坚持规划先行,推进城乡建设,实行统一、规范的管理。二、完善配套设施。';
    expect(pieces(word)).toEqual([word]);
    const date = '本办法自2009-01-051日起实施,各单位遵照执行,不得延误。';
    expect(pieces(date)).toEqual([date]);
  });

  it('cuts the text run on after a page\'s metadata rows, while a table row whose last cell is short stays whole', () => {
    const meta = '索引号: | 00123/2021-00045 | 发布机构: | 某区人民政府办公室 | 文号: | 无 | ';
    const body = '为做好全年工作,现将重点任务安排如下: 一、稳定经济增长 1.新开工重大项目二十个,完成投资八十亿元。(区发改局牵头) 2.新增市场主体三千户,帮扶中小企业融资。(区市场监管局牵头) 二、改善民生 3.新建社区食堂五家,为辖区老人提供助餐服务,做到老人就近吃饭、吃得实惠、吃得放心,并将助餐点的运营情况纳入街道年度考核。(区民政局负责) 4.改造老旧小区十二个,同步加装电梯三十部,完善小区内的停车、照明、绿化和无障碍设施,让居民住得更舒心。(区住建局负责) 5.新增公办幼儿园学位六百个,扩大普惠性学前教育资源的覆盖面,缓解入园难的问题。(区教育局负责)';
    expect(pieces(meta + body).slice(1)).toEqual([
      '一、稳定经济增长',
      '1.新开工重大项目二十个,完成投资八十亿元。(区发改局牵头)',
      '2.新增市场主体三千户,帮扶中小企业融资。(区市场监管局牵头)',
      '二、改善民生',
      '3.新建社区食堂五家,为辖区老人提供助餐服务,做到老人就近吃饭、吃得实惠、吃得放心,并将助餐点的运营情况纳入街道年度考核。(区民政局负责)',
      '4.改造老旧小区十二个,同步加装电梯三十部,完善小区内的停车、照明、绿化和无障碍设施,让居民住得更舒心。(区住建局负责)',
      '5.新增公办幼儿园学位六百个,扩大普惠性学前教育资源的覆盖面,缓解入园难的问题。(区教育局负责)',
    ]);
    const row = '2 | 建好驿站7家。 | 1.驿站:3月底前建好2家,6月底前建好3家,年底前全部建成投用。 2.托位:年底前新增托位100个。 | 卫生健康局 |';
    expect(pieces(row)).toEqual([row]);
  });

  it('cuts a (一) right after the heading of the line\'s own 一、, as it does after a 一、 cut inline', () => {
    expect(pieces('一、稳住经济基本盘 (一)扩大有效投资,全年新开工项目一百个。(市发改委牵头) 二、保障改善民生 (一)新增城镇就业两万人。(市人社局负责)')).toEqual([
      '一、稳住经济基本盘',
      '(一)扩大有效投资,全年新开工项目一百个。(市发改委牵头)',
      '二、保障改善民生',
      '(一)新增城镇就业两万人。(市人社局负责)',
    ]);
  });

  it('ends a label\'s names at a space before a task run on after them, and cuts after a sentence saying who does a task', () => {
    expect(pieces('一、就业帮扶 开发公益岗位200个。 牵头单位:县人社局 配合单位:县财政局、各乡镇 建设就业帮扶车间6个。 牵头单位:县工信局 二、社会保障')).toEqual([
      '一、就业帮扶',
      '开发公益岗位200个。',
      '牵头单位:县人社局',
      '配合单位:县财政局、各乡镇',
      '建设就业帮扶车间6个。',
      '牵头单位:县工信局',
      '二、社会保障',
    ]);
    expect(pieces('二、基础设施 硬化通组道路85公里,年底前全部完工。县交通运输局配合县扶贫办落实。 改造农村危房300户。县住建局负责。')).toEqual([
      '二、基础设施',
      '硬化通组道路85公里,年底前全部完工。县交通运输局配合县扶贫办落实。',
      '改造农村危房300户。县住建局负责。',
    ]);
    const unitsBySpaces = '牵头单位:县人社局 配合单位:县财政局 县民政局 县残联';
    expect(pieces(unitsBySpaces + ' 抓好落实。')).toEqual([unitsBySpaces + ' 抓好落实。']);
  });

  it('cuts a short heading from its first paragraph when the paragraph opens with a cited title (一、分工原则 《纲要》…)', () => {
    expect(pieces('一、分工原则 《纲要》的实施主要依靠市场配置资源,政府履行好职责。 二、目标和任务的分工 (一)约束性指标 全市耕地保有量保持在100万亩。(市国土局牵头)')).toEqual([
      '一、分工原则',
      '《纲要》的实施主要依靠市场配置资源,政府履行好职责。',
      '二、目标和任务的分工',
      '(一)约束性指标',
      '全市耕地保有量保持在100万亩。(市国土局牵头)',
    ]);
  });

  it('keeps cutting at brackets after numbers not cut in the piece (a heading\'s (一) and 1. with no (二) or 2. after them)', () => {
    const got = pieces('二、责任分工 依据上述原则确定责任单位。 (一)主要目标。 1.主要指标的责任部门。 常住人口控制在900万人左右。(市人口计生委牵头)单位生产总值能耗降低20%。(市经委牵头)');
    expect(got[got.length - 1]).toBe('单位生产总值能耗降低20%。(市经委牵头)');
    expect(got[got.length - 2]?.endsWith('常住人口控制在900万人左右。(市人口计生委牵头)')).toBe(true);
  });

  it('opens a lone 一、 no 二、 confirms where it follows a sentence and a space and heads a short title followed by a space', () => {
    expect(pieces('各州、市人民政府: 为稳住经济增长,现提出如下意见: 一、抓好重大项目建设 建立领导联系重点项目制度,年内新开工项目二十个。(省发展改革委牵头)')).toEqual([
      '各州、市人民政府: 为稳住经济增长,现提出如下意见:',
      '一、抓好重大项目建设',
      '建立领导联系重点项目制度,年内新开工项目二十个。(省发展改革委牵头)',
    ]);
    const inSentence = '按照统一部署,分三个阶段推进: 一、二季度完成摸底排查工作,三季度集中整治,四季度总结验收。';
    expect(pieces(inSentence)).toEqual([inSentence]);
  });

  it('opens a lone 一、 after a sentence and the lone 1. glued right after its short heading, where no 二、 or 2. follows (an excerpt)', () => {
    expect(pieces('把年度重点工作任务明确为以下各项。一、增强科技创新能力1.促进科技成果转化。全年引进科技成果50项以上。(牵头单位:市科技局)')).toEqual([
      '把年度重点工作任务明确为以下各项。',
      '一、增强科技创新能力',
      '1.促进科技成果转化。全年引进科技成果50项以上。',
      '(牵头单位:市科技局)',
    ]);
  });

  it('confirms a glued (一) by a glued (二), as a glued 1. is confirmed by a glued 2.', () => {
    expect(pieces('二、降低企业成本(一)落实减税降费政策,全年为企业减负20亿元。责任单位:市税务局(二)规范涉企收费。市市场监管局负责。')).toEqual([
      '二、降低企业成本',
      '(一)落实减税降费政策,全年为企业减负20亿元。',
      '责任单位:市税务局',
      '(二)规范涉企收费。市市场监管局负责。',
    ]);
  });

  it('opens the lone 1. glued after a heading cut already (一、…二、降低企业成本1.落实…), where no 2. follows', () => {
    expect(pieces('一、提升政务服务效能。推进一网通办。(市政务服务局负责)二、降低企业成本1.落实减税降费政策,全年为企业减负20亿元。(市税务局负责)')).toEqual([
      '一、提升政务服务效能。推进一网通办。(市政务服务局负责)',
      '二、降低企业成本',
      '1.落实减税降费政策,全年为企业减负20亿元。(市税务局负责)',
    ]);
  });

  it('cuts a pipe table run into one line before its 序号 header and before each row\'s number cell, the numbers following each other', () => {
    expect(pieces('重点工作汇总 序号 | 目标任务 | 推进情况 | 1 | 稳定房价。(责任单位:市建设局) | 已完成 2 项。 | 2 | 建成300个示范村。(责任单位:市农业农村局) | 1-7月建成150个。 |')).toEqual([
      '重点工作汇总',
      '序号 | 目标任务 | 推进情况 |',
      '1 | 稳定房价。(责任单位:市建设局) | 已完成 2 项。 |',
      '2 | 建成300个示范村。(责任单位:市农业农村局) | 1-7月建成150个。 |',
    ]);
    // One row only, or numbers out of sequence: no table run on, nothing cut as one.
    expect(pieces('序号 | 目标任务 | 推进情况 | 责任单位 | 1 | 稳定房价。 | 已完成。 | 市建设局 |')).toEqual(['序号 | 目标任务 | 推进情况 | 责任单位 | 1 | 稳定房价。 | 已完成。 | 市建设局 |']);
  });

  it('cuts the next section glued to the last name of a label (…配合单位:市财政局、各区政府二、保障措施), and not 一、二、三产业 in a sentence', () => {
    expect(pieces('一、重点任务1.推进老旧小区改造。牵头单位:市住建局2.推行一网通办。牵头单位:市政务服务局;配合单位:各区政府二、保障措施(一)加强组织领导。')).toEqual([
      '一、重点任务',
      '1.推进老旧小区改造。',
      '牵头单位:市住建局',
      '2.推行一网通办。',
      '牵头单位:市政务服务局;',
      '配合单位:各区政府',
      '二、保障措施',
      '(一)加强组织领导。',
    ]);
    expect(pieces('一、推动一、二、三产业融合发展,建设现代农业产业园3个,培育龙头企业。')).toEqual(['一、推动一、二、三产业融合发展,建设现代农业产业园3个,培育龙头企业。']);
    // The 一、 it continues not cut yet: the glued 二、 confirms it, as a glued 2. a glued 1.
    expect(pieces('制定本方案。一、重点任务1.推进老旧小区改造。牵头单位:市住建局2.推行一网通办。配合单位:市财政局二、保障措施各单位要加强领导。')).toEqual([
      '制定本方案。',
      '一、重点任务',
      '1.推进老旧小区改造。',
      '牵头单位:市住建局',
      '2.推行一网通办。',
      '配合单位:市财政局',
      '二、保障措施各单位要加强领导。',
    ]);
  });

  it('cuts glued sub-points past a lost first one, and a point glued to the last name of a label past points left out', () => {
    expect(pieces('现将任务分解如下:一、市容整治1.整治集贸市场(2)创建目标:把市场公厕改造到位责任科室(单位):镇卫生院、镇村建办(3)创建目标:清理市场周边占道经营。责任科室(单位):镇城管中队4.整治背街小巷创建目标:清理楼道堆放的杂物。责任科室:镇综治办')).toEqual([
      '现将任务分解如下:',
      '一、市容整治',
      '1.整治集贸市场',
      '(2)创建目标:把市场公厕改造到位责任科室(单位):镇卫生院、镇村建办',
      '(3)创建目标:清理市场周边占道经营。责任科室(单位):镇城管中队',
      '4.整治背街小巷创建目标:清理楼道堆放的杂物。责任科室:镇综治办',
    ]);
  });

  it('cuts a point glued to the last name of a label before its quoted first word', () => {
    expect(pieces('1.新建城区停车场三处。责任单位:市城管局、县区人民政府2.“一网通办”覆盖全部政务服务事项。责任单位:市政务服务中心')).toEqual([
      '1.新建城区停车场三处。',
      '责任单位:市城管局、县区人民政府',
      '2.“一网通办”覆盖全部政务服务事项。',
      '责任单位:市政务服务中心',
    ]);
  });
});
