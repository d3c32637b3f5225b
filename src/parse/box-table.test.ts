/** Tables drawn with box-drawing characters or as an ASCII grid (box-table.ts). */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { joinedFromCell, spanProblems } from '../model/plan-spans.js';
import { boxTables } from './box-table.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const rows = (text: string) =>
  parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw), i.schedule?.raw ?? null]);
/** The rewritten rows, tabs shown as ⇥. */
const rewritten = (text: string) => boxTables(text)?.text.replace(/\t/g, '⇥').split('\n');

const LIGHT = [
  '2024年重点工作任务分工表',
  '┌────┬──────────────────┬──────────────┬──────────────┬──────────┐',
  '│序号│工作任务          │牵头单位      │配合单位      │完成时限  │',
  '├────┼──────────────────┼──────────────┼──────────────┼──────────┤',
  '│1   │新开工改造城镇老旧│市住房城乡建设│市发展改革委、│2024年底前│',
  '│    │小区1200个        │局            │市财政局      │          │',
  '├────┼──────────────────┼──────────────┼──────────────┼──────────┤',
  '│2   │新增城镇就业5万人 │市人力资源社会│各区县政府    │2024年12月│',
  '│    │以上              │保障局        │              │          │',
  '└────┴──────────────────┴──────────────┴──────────────┴──────────┘',
  '注:各单位于每季度末报送进展。',
].join('\n');

describe('a table drawn with box characters', () => {
  it('reads each ruled row as an item: wrapped cells joined, the title and the note kept as lines', () => {
    expect(rewritten(LIGHT)).toEqual([
      '2024年重点工作任务分工表',
      '序号⇥工作任务⇥牵头单位⇥配合单位⇥完成时限',
      '1⇥新开工改造城镇老旧小区1200个⇥市住房城乡建设局⇥市发展改革委、市财政局⇥2024年底前',
      '2⇥新增城镇就业5万人以上⇥市人力资源社会保障局⇥各区县政府⇥2024年12月',
      '注:各单位于每季度末报送进展。',
    ]);
    const plan = parse(LIGHT);
    expect(plan.title).toBe('2024年重点工作任务分工表');
    expect(rows(LIGHT)).toEqual([
      ['1', '新开工改造城镇老旧小区1200个', ['市住房城乡建设局/lead', '市发展改革委/cooperate', '市财政局/cooperate'], ['1200个'], '2024年底前'],
      ['2', '新增城镇就业5万人以上', ['市人力资源社会保障局/lead', '各区县政府/localities'], ['5万人'], '2024年12月'],
    ]);
    expect(spanProblems(LIGHT, plan)).toEqual([]);
  });

  it('keeps every span in the text as written: a fact on one line slices to its raw, a joined one runs from its first character to its last', () => {
    const plan = parse(LIGHT);
    const units = plan.items.flatMap((i) => i.responsible);
    const slice = (s: [number, number]) => LIGHT.slice(s[0], s[1]);
    // On one line of its cell: the slice is the raw.
    for (const raw of ['市发展改革委', '市财政局', '各区县政府']) {
      const u = units.find((r) => r.raw === raw);
      expect(u && slice(u.span)).toBe(raw);
    }
    const target = plan.items[0]?.targets[0];
    expect(target && slice(target.span)).toBe('1200个');
    expect(plan.items[0]?.schedule && slice(plan.items[0].schedule.span)).toBe('2024年底前');
    // 市住房城乡建设 ⏎ 局: the raw is read joined; its span runs from 市 on the first line to 局 on the second.
    const joined = units.find((r) => r.raw === '市住房城乡建设局');
    expect(joined).toBeDefined();
    const s = slice(joined?.span ?? [0, 0]);
    expect(s.startsWith('市住房城乡建设│')).toBe(true);
    expect(s.endsWith('│小区1200个        │局')).toBe(true);
    expect(joinedFromCell(s, '市住房城乡建设局')).toBe(true);
    // The item's span covers its row's lines.
    const item = plan.items[0];
    expect(item && LIGHT.slice(item.span[0], item.span[1])).toContain('小区1200个');
  });

  it('reads heavy and double line sets, and mixed junctions (╞═╪═╡)', () => {
    const heavy = [
      '┏━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━┓',
      '┃序号┃工作任务          ┃牵头单位    ┃完成时限  ┃',
      '┣━━━━╋━━━━━━━━━━━━━━━━━━╋━━━━━━━━━━━━╋━━━━━━━━━━┫',
      '┃1   ┃建成口袋公园20个  ┃市城管局    ┃10月底前  ┃',
      '┗━━━━┻━━━━━━━━━━━━━━━━━━┻━━━━━━━━━━━━┻━━━━━━━━━━┛',
    ].join('\n');
    const double = [
      '╔════╦══════════════════╦════════════╦══════════╗',
      '║序号║工作任务          ║牵头单位    ║完成时限  ║',
      '╞════╪══════════════════╪════════════╪══════════╡',
      '║1   ║建成口袋公园20个  ║市城管局    ║10月底前  ║',
      '╚════╩══════════════════╩════════════╩══════════╝',
    ].join('\n');
    for (const text of [heavy, double]) {
      expect(rows(text)).toEqual([['1', '建成口袋公园20个', ['市城管局/lead'], ['20个'], '10月底前']]);
      expect(spanProblems(text, parse(text))).toEqual([]);
    }
  });

  it('reads an ASCII grid: ASCII words of a wrapped cell joined with a space', () => {
    const text = [
      '+----+--------------------+--------------+------------+',
      '| 序号 | 工作任务           | 牵头单位     | 完成时限   |',
      '+----+--------------------+--------------+------------+',
      '| 1  | 推进5G基站建设,新建 | 市工业和信息 | 2024年底前 |',
      '|    | 基站800个           | 化局         |            |',
      '+----+--------------------+--------------+------------+',
      '| 2  | 建设 smart          | 市大数据局   | 9月底前    |',
      '|    | city 平台           |              |            |',
      '+----+--------------------+--------------+------------+',
    ].join('\n');
    expect(rewritten(text)?.slice(1, 3)).toEqual(['1⇥推进5G基站建设,新建基站800个⇥市工业和信息化局⇥2024年底前', '2⇥建设 smart city 平台⇥市大数据局⇥9月底前']);
    expect(rows(text)).toEqual([
      ['1', '推进5G基站建设,新建基站800个', ['市工业和信息化局/lead'], ['800个'], '2024年底前'],
      ['2', '建设 smart city 平台', ['市大数据局/lead'], [], '9月底前'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a body without rules between rows: a line with an empty number cell continues the row above', () => {
    const text = [
      '┌────┬──────────────────┬──────────────┬──────────┐',
      '│序号│工作任务          │牵头单位      │完成时限  │',
      '├────┼──────────────────┼──────────────┼──────────┤',
      '│1   │改造农村公路150公 │市交通运输局  │11月底前  │',
      '│    │里                │              │          │',
      '│2   │新增养老床位800张 │市民政局      │12月底前  │',
      '│3   │建设城市书房10个  │市文化旅游局  │9月底前   │',
      '└────┴──────────────────┴──────────────┴──────────┘',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '改造农村公路150公里', ['市交通运输局/lead'], ['150公里'], '11月底前'],
      ['2', '新增养老床位800张', ['市民政局/lead'], ['800张'], '12月底前'],
      ['3', '建设城市书房10个', ['市文化旅游局/lead'], ['10个'], '9月底前'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('puts a cell drawn across columns in the first column it covers, by where its bars stand', () => {
    const text = [
      '┌────┬──────────────────┬────────────┬────────────┬──────────┐',
      '│序号│工作任务          │牵头单位    │配合单位    │完成时限  │',
      '├────┴──────────────────┴────────────┴────────────┴──────────┤',
      '│一、稳定经济增长                                            │',
      '├────┬──────────────────┬────────────┬────────────┬──────────┤',
      '│1   │新增市场主体2万户 │市市场监管局│市税务局    │12月底前  │',
      '├────┼──────────────────┼────────────┴────────────┼──────────┤',
      '│2   │建成标准厂房30万平│市工业和信息化局         │10月底前  │',
      '│    │方米              │                         │          │',
      '└────┴──────────────────┴─────────────────────────┴──────────┘',
    ].join('\n');
    expect(rewritten(text)?.slice(1, 5)).toEqual([
      '一、稳定经济增长⇥⇥⇥⇥',
      '1⇥新增市场主体2万户⇥市市场监管局⇥市税务局⇥12月底前',
      '2⇥建成标准厂房30万平方米⇥市工业和信息化局⇥⇥10月底前',
      '',
    ]);
    expect(rows(text)).toEqual([
      ['1', '新增市场主体2万户', ['市市场监管局/lead', '市税务局/cooperate'], ['2万户'], '12月底前'],
      ['2', '建成标准厂房30万平方米', ['市工业和信息化局/lead'], ['30万平方米'], '10月底前'],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('gives a cell that a rule under one column does not cross (a merged cell) to each row beside it; bulleted tasks are rows', () => {
    const text = [
      '┌────────────────────┬──────────────┬────────┐',
      '│工作任务            │牵头单位      │完成时限│',
      '├────────────────────┼──────────────┼────────┤',
      '│△新建停车泊位3000个 │市公安局、市住│年内    │',
      '│△新建充电桩500个    │房城乡建设局  │        │',
      '├────────────────────┤              │        │',
      '│△改造背街小巷20条   │              │        │',
      '└────────────────────┴──────────────┴────────┘',
    ].join('\n');
    expect(rewritten(text)).toEqual([
      '工作任务⇥牵头单位⇥完成时限',
      '△新建停车泊位3000个⇥市公安局、市住房城乡建设局⇥年内',
      '△新建充电桩500个⇥市公安局、市住房城乡建设局⇥年内',
      '△改造背街小巷20条⇥市公安局、市住房城乡建设局⇥年内',
      '',
    ]);
    const got = rows(text);
    expect(got.map((r) => r[1])).toEqual(['新建停车泊位3000个', '新建充电桩500个', '改造背街小巷20条']);
    for (const r of got) expect(r[2]).toEqual(['市公安局/lead', '市住房城乡建设局/lead']);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a table continued on the next page once, its repeated header left out', () => {
    const page = (n: string, task: string, unit: string) => [
      '┌────┬──────────────────┬────────────┐',
      '│序号│工作任务          │牵头单位    │',
      '├────┼──────────────────┼────────────┤',
      `│${n}   │${task}│${unit}│`,
      '└────┴──────────────────┴────────────┘',
    ];
    const text = [...page('1', '新建公园3个       ', '市城管局    '), '- 2 -', ...page('2', '新建绿道50公里    ', '市林业局    ')].join('\n');
    expect(rewritten(text)).toEqual(['序号⇥工作任务⇥牵头单位', '1⇥新建公园3个⇥市城管局', '- 2 -', '2⇥新建绿道50公里⇥市林业局', '']);
  });

  it('leaves a text without a drawn table as it is, and a lone box-drawn line too', () => {
    expect(boxTables('一、总体要求\n(一)加快建设。(市发改委牵头)')).toBeNull();
    expect(boxTables('──由市卫生局会同有关部门组织落实。\n二、工作要求')).toBeNull();
    expect(boxTables('┌──┬──┐\n│序号│任务│\n└──┴──┘')).toBeNull();
    // A pipe table without an ASCII +--+ rule is the table readers' own.
    expect(boxTables('| 序号 | 工作任务 | 牵头单位 |\n|---|---|---|\n| 1 | 新建公园 | 市城管局 |')).toBeNull();
  });

  it('gives a long merged cell to its first row only, a short one to each: the rows stay about as long as the table', () => {
    const tasks = Array.from({ length: 400 }, (_, k) => `│△完成第${k}项│${k === 0 ? '市发改委' : `会同各部门推进第${k}项`}│`);
    const text = ['┌────┬────┐', '│工作任务│责任单位│', '├────┼────┤', ...tasks, '├────┼────┤', '│△另一项│市林业局│', '└────┴────┘'].join('\n');
    const out = boxTables(text)?.text ?? '';
    expect(out.split('\n')).toHaveLength(403);
    expect(out.length).toBeLessThan(text.length);
    expect(out.split('会同各部门推进第399项')).toHaveLength(2);
    const short = ['┌────┬────┐', '│工作任务│责任单位│', '├────┼────┤', '│△甲│市发改委│', '│△乙│    │', '├────┼────┤', '│△丙│市林业局│', '└────┴────┘'].join('\n');
    expect(rewritten(short)?.slice(1)).toEqual(['△甲⇥市发改委', '△乙⇥市发改委', '△丙⇥市林业局', '']);
  });

  it('leaves lines of more columns than any table has as they are written', () => {
    const line = `│${'甲│'.repeat(100)}`;
    const rule = `├${'─┼'.repeat(99)}─┤`;
    expect(boxTables([line, rule, line, rule, line].join('\n'))).toBeNull();
  });
});
