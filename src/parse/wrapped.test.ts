/** Hard-wrapped text (wrapped.ts): which line breaks are joined, and which are left alone. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';
import { makeSource, WRAP_JOINER } from './text.js';
import { joinBrokenDuties, joinWrapped, unwrapped } from './wrapped.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const units = (text: string) => parse(text).items.map((i) => i.responsible.map((r) => `${r.raw.replace(/\s*\n\s*/g, '')}/${r.role}`));
/** The normalised text after joining, a joined break shown as ⏎. */
const joined = (text: string): string => joinWrapped(makeSource(text)).norm.replace(/\u2060+/g, '⏎');

/** Each paragraph cut every `width` characters, as a text copied out of a narrow page. */
const cut = (paragraphs: string[], width: number): string =>
  paragraphs
    .map((p) => {
      const out: string[] = [];
      for (let i = 0; i < p.length; i += width) out.push(p.slice(i, i + width));
      return out.join('\n');
    })
    .join('\n');

/** Each paragraph cut at `cols` columns, a Chinese character taking two and a digit one. */
const cutColumns = (paragraphs: string[], cols: number): string =>
  paragraphs
    .map((p) => {
      const out: string[] = [];
      let line = '';
      let w = 0;
      for (const ch of p) {
        const c = ch.charCodeAt(0) >= 0x2000 ? 2 : 1;
        if (w + c > cols) {
          out.push(line);
          line = '';
          w = 0;
        }
        line += ch;
        w += c;
      }
      out.push(line);
      return out.join('\n');
    })
    .join('\n');

const PLAN = [
  '一、推动县域经济发展',
  '1.支持乡镇工业园区建设标准厂房,引导中小企业入园集聚发展,年内新增入园企业三十家。(县工信局牵头,县发改局、县自然资源局配合)',
  '2.办好农产品展销活动,拓宽特色农产品线上销售渠道,培育一批本地电商品牌。(县商务局牵头,县农业农村局、各乡镇人民政府配合)',
];

describe('joinWrapped', () => {
  it('joins a short text cut at its width, and reads it as the same text unwrapped', () => {
    const text = cut(PLAN, 18);
    expect(joinWrapped(makeSource(text)).original).toBe(text);
    expect(joined(text)).toContain('支持乡镇工业园区建设标准厂房,引⏎导中小企业');
    const flat = PLAN.join('\n');
    expect(parse(text).items.map((i) => i.title)).toEqual(parse(flat).items.map((i) => i.title));
    expect(units(text)).toEqual(units(flat));
    expect(units(text)[1]).toEqual(['县商务局/lead', '县农业农村局/cooperate', '各乡镇人民政府/localities']);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('joins a text whose every line ends with a space, as some PDF viewers copy it', () => {
    const text = cut(PLAN, 18).replace(/\n/g, ' \n');
    expect(joined(text)).toContain('引⏎导中小企业');
    expect(units(text)).toEqual(units(PLAN.join('\n')));
  });

  it('finds the width in columns when digits make some full lines hold more characters', () => {
    const paragraphs = [
      '一、稳定农业生产',
      '1.全年粮食播种面积稳定在120万亩以上,总产量保持在45万吨左右,新建高标准农田8万亩,耕地保有量不低于下达任务。(县农业农村局牵头,县自然资源局配合)',
    ];
    const text = cutColumns(paragraphs, 34);
    const lengths = text.split('\n').slice(1, -1).map((l) => l.length);
    expect(new Set(lengths).size).toBeGreaterThan(1); // not one width in characters
    const plan = parse(text);
    expect(plan.items.map((i) => i.title)).toEqual([
      '全年粮食播种面积稳定在120万亩以上,总产量保持在45万吨左右,新建高标准农田8万亩,耕地保有量不低于下达任务',
    ]);
    expect(units(text)).toEqual([['县农业农村局/lead', '县自然资源局/cooperate']]);
  });

  it('joins a line ending a sentence to a full line that goes on with the paragraph', () => {
    const text = [
      '一、改善人居环境',
      '1.实施农村厕所改造,年内完成改造三千户。同步',
      '推进生活污水治理,污水处理设施覆盖率逐年提高',
      '。完善长效管护机制。按时完成各项年度任务,做',
      '到年底前全部验收。(县农业农村局负责)',
    ].join('\n');
    expect(joined(text)).toContain('三千户。同步⏎推进');
    expect(joined(text)).toContain('逐年提高⏎。完善长效管护机制。按时完成各项年度任务,做⏎到年底前');
    expect(units(text)).toEqual([['县农业农村局/lead']]);
  });

  it('does not join a line ending a sentence to a heading after it', () => {
    const text = [
      '一、改善人居环境',
      '1.实施农村厕所改造,年内完成改造三千户,同步',
      '推进生活污水治理,污水处理设施覆盖率逐年提高',
      '。(县农业农村局负责)',
      '2.建设村级垃圾收集点,配齐保洁人员和清运车辆',
      ',做到日产日清,年底前全部验收合格并投入使用。',
      '完善基础设施',
      '3.实施农村公路提质改造。(县交通运输局负责)',
    ].join('\n');
    expect(joined(text)).toContain('清运车辆⏎,做到');
    expect(joined(text)).toContain('投入使用。\n完善基础设施\n');
  });

  it('joins a responsibility bracket and a unit name cut by the wrap', () => {
    const text = [
      '一、重点任务',
      '1.开展城乡环境卫生整治行动,清理房前屋后积存',
      '垃圾,整治乱搭乱建和乱堆乱放。(县住房城乡建设',
      '局、县城市管理局负责)',
      '2.推进集镇供水管网延伸工程,提升乡镇供水保障',
      '能力和水质达标水平,年内新增受益人口1.2万人',
      '。(县水利局、县卫生健康局负责)',
    ].join('\n');
    const flat = [
      '一、重点任务',
      '1.开展城乡环境卫生整治行动,清理房前屋后积存垃圾,整治乱搭乱建和乱堆乱放。(县住房城乡建设局、县城市管理局负责)',
      '2.推进集镇供水管网延伸工程,提升乡镇供水保障能力和水质达标水平,年内新增受益人口1.2万人。(县水利局、县卫生健康局负责)',
    ].join('\n');
    expect(units(text)).toEqual(units(flat));
    expect(units(text)[0]).toEqual(['县住房城乡建设局/lead', '县城市管理局/cooperate']);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('joins a label cut by the wrap (…(牵头 ⏎ 单位:…)', () => {
    const text = [
      '一、重点任务',
      '1.建设县级物流配送中心,完善乡村寄递服务网点。(牵头',
      '单位:县商务局;配合单位:县交通运输局)完成时限:年底',
      '前。',
      '2.组织开展农村实用技术培训,全年培训农民五千人次。(牵头',
      '单位:县农业农村局;配合单位:县人社局)完成时限:年底前',
      '3.开展全民健身活动,新建一批村级健身广场和乡镇体育公',
      '园。(牵头单位:县文旅局)',
    ].join('\n');
    expect(joined(text)).toContain('(牵头⏎单位:县商务局');
    expect(joined(text)).toContain('(牵头⏎单位:县农业农村局');
  });

  it('joins across a page number and a running header, and leaves them out of a title', () => {
    const page1 = ['某县乡村振兴重点工作方案', '一、重点任务', '1.推进高标准农田建设,完善田间道路和排灌', '设施,年内建成高标准农田三万亩,同步推进'];
    const between = ['- 1 -', '', '\f某县乡村振兴重点工作方案', ''];
    const page2 = ['耕地质量提升。(县农业农村局负责)', '2.实施农村公路提质改造,完善客运站点布', '局,方便群众出行。(县交通运输局负责)'];
    const text = [...page1, ...between, ...page2, '- 2 -', ''].join('\n');
    const plan = parse(text);
    expect(plan.items.map((i) => i.title)).toEqual([
      '推进高标准农田建设,完善田间道路和排灌设施,年内建成高标准农田三万亩,同步推进耕地质量提升',
      '实施农村公路提质改造,完善客运站点布局,方便群众出行',
    ]);
    expect(units(text)).toEqual([['县农业农村局/lead'], ['县交通运输局/lead']]);
    expect(joined(text)).not.toContain('- 1 -');
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('blanks a page number and header between two paragraphs in the normalised text only', () => {
    const text = [
      '一、重点任务',
      '1.推进高标准农田建设,完善田间道路和排灌',
      '设施,年内建成高标准农田三万亩,同步推进耕',
      '地质量提升。(县农业农村局负责)',
      '第 1 页 共 2 页',
      '2.实施农村公路提质改造,完善客运站点的布',
      '局,提升群众出行便利程度和道路通行安全水',
      '平。(县交通运输局负责)',
      '第 2 页 共 2 页',
    ].join('\n');
    const src = joinWrapped(makeSource(text));
    expect(src.original).toBe(text);
    expect(src.norm.length).toBe(text.length);
    expect(src.norm).not.toContain('第 1 页');
    expect(src.lines.length).toBe(makeSource(text).lines.length - 4);
    expect(units(text)).toEqual([['县农业农村局/lead'], ['县交通运输局/lead']]);
  });

  it('joins the rows of a table cut at the width', () => {
    const text = cut(
      [
        '某县2024年重点工作任务分解表',
        '序号 | 工作任务 | 牵头单位 | 配合单位',
        '1 | 新建城区停车位一千个,缓解老城区停车难问题 | 县住建局 | 县公安局、县城管局',
        '2 | 完成老旧小区改造十个,同步完善水电气配套设施 | 县住建局 | 县发改局、县财政局',
        '3 | 新增城镇就业岗位五千个,开展职业技能培训三千人次 | 县人社局 | 县财政局',
      ],
      22,
    );
    const out = joined(text);
    expect(out).toContain('缓解老城区停车⏎难问题 | 县住建局');
    expect(out).toContain('县公安局、县城管局\n2 | 完成');
    expect(out).toContain('县发改局、县财政⏎局\n3 | 新增');
  });

  it('does not join the next line when it starts a numbered item or a label', () => {
    const text = [
      '一、重点任务',
      '1.推进高标准农田建设,完善田间道路和排灌设施',
      '2.建设县级物流配送中心,完善乡村寄递服务网点建设',
      ',打通农村物流最后一公里,方便群众收寄快递包',
      '裹,降低农产品上行成本,助力特色产业发展壮大',
      '牵头单位:县商务局',
      '3.开展农村实用技术培训,全年培训农民五千人次',
      '。(县农业农村局负责)',
    ].join('\n');
    const out = joined(text);
    expect(out).toContain('排灌设施\n2.建设');
    expect(out).toContain('发展壮大\n牵头单位');
    expect(out).toContain('网点建设⏎,打通');
    expect(out).toContain('五千人次⏎。');
  });
});

describe('joinWrapped leaves text that is not hard-wrapped alone', () => {
  const same = (text: string): void => {
    const src = makeSource(text);
    expect(joinWrapped(src)).toBe(src);
  };

  it('a short heading line followed by a paragraph', () => {
    same(
      [
        '一、加快产业发展',
        '全面落实产业扶持政策',
        '围绕主导产业延链补链,支持龙头企业扩大产能,引导上下游配套企业就近落户,形成一批特色产业集群。',
        '二、优化营商环境',
        '深化审批制度改革',
        '推行企业开办一日办结,工程建设项目审批时间压减到法定时限的一半以内,全面推行告知承诺制。',
      ].join('\n'),
    );
  });

  it('a list of short unit lines', () => {
    same(['责任单位:', '县发展和改革局', '县财政局', '县自然资源局', '县住房和城乡建设局', '县交通运输局', '县农业农村局', '各乡镇人民政府', '县城市管理局', '县市场监督管理局'].join('\n'));
  });

  it('a table one cell per line', () => {
    same(
      [
        '序号', '工作任务', '牵头单位', '配合单位',
        '1', '新建城区停车位一千个缓解停车难', '县住建局', '县公安局、县城管局',
        '2', '完成老旧小区改造十个完善配套设施', '县住建局', '县发改局、县财政局',
        '3', '新增城镇就业岗位五千个开展培训', '县人社局', '县财政局',
        '4', '实施农村公路提质改造完善客运站点', '县交通局', '各乡镇人民政府',
      ].join('\n'),
    );
  });

  it('a table one row per line, cells set apart by tabs, its rows of one length', () => {
    same(
      [
        '工作任务\t牵头单位\t完成时限',
        '新建城区停车位一千个缓解老城区停车难问题\t县住建局\t年底前',
        '完成老旧小区改造十个同步完善配套设施建设\t县住建局\t年底前',
        '新增城镇就业岗位五千个开展技能培训三千人\t县人社局\t年底前',
        '实施农村公路提质改造完善客运站点布局建设\t县交通局\t年底前',
        '建设县级物流配送中心完善乡村寄递服务网点\t县商务局\t年底前',
        '组织开展农村实用技术培训全年培训五千人次\t县农业局\t年底前',
      ].join('\n'),
    );
  });

  it('paragraphs of one line each, however long', () => {
    same(PLAN.join('\n'));
  });
});

describe('unwrapped', () => {
  it('drops the line breaks of joined wraps, and a page number and header left between them', () => {
    expect(unwrapped('推进高标准农田\n建设')).toBe('推进高标准农田建设');
    expect(unwrapped('推进高标准农田\n- 3 -\n\n\f某县工作方案\n\n建设')).toBe('推进高标准农田建设');
    expect(unwrapped('推进高标准农田建设')).toBe('推进高标准农田建设');
  });
});

describe('joinBrokenDuties', () => {
  it('joins a responsibility bracket left open at a line\'s end to the short line that closes it, in a text too short to measure a width', () => {
    const text = ['一、扩大有效投资', '(一)抓好重大项目建设(牵头单位:县发改局;责任单位:县重点项目事', '务中心)', '1.全年实施重点项目150个。', '2.新开工亿元以上项目30个。'].join('\n');
    const src = joinBrokenDuties(makeSource(text));
    expect(src.lines.map((l) => src.norm.slice(l.trimStart, l.trimEnd).replaceAll(WRAP_JOINER, '⏎'))).toEqual([
      '一、扩大有效投资',
      '(一)抓好重大项目建设(牵头单位:县发改局;责任单位:县重点项目事⏎务中心)',
      '1.全年实施重点项目150个。',
      '2.新开工亿元以上项目30个。',
    ]);
    expect(src.original).toBe(text);
  });

  it('leaves a bracket that is no one\'s responsibility, and a long next line, as they are', () => {
    const text = ['1.完善城市功能(含地下管网、', '燃气管道)', '2.推进老旧小区改造(牵头单位:县住建局;', '责任单位:各乡镇,并在年底前完成全部改造任务)'].join('\n');
    const src = makeSource(text);
    expect(joinBrokenDuties(src)).toBe(src);
  });

  it('joins a label left at the end of a line holding a task to its names on the next line', () => {
    const text = ['一、产业扶贫', '发展特色产业,带动贫困户3000户增收。 牵头单位:', '县农业局 配合单位:县扶贫办、各乡镇', '新建扶贫车间10个。'].join('\n');
    const src = joinBrokenDuties(makeSource(text));
    expect(src.lines.map((l) => src.norm.slice(l.trimStart, l.trimEnd).replaceAll(WRAP_JOINER, '⏎'))).toEqual([
      '一、产业扶贫',
      '发展特色产业,带动贫困户3000户增收。 牵头单位:⏎县农业局 配合单位:县扶贫办、各乡镇',
      '新建扶贫车间10个。',
    ]);
    const labelLine = ['1.推进一网通办。', '牵头单位:', '市政务服务局'].join('\n');
    expect(joinBrokenDuties(makeSource(labelLine)).lines.length).toBe(3);
  });
});
