/**
 * One small division table written in the forms offices send it in (bars, a rule row, tabs, one
 * cell per line with or without blank lines, runs of spaces, run on into one line), under headers
 * of the words offices use, with and without group rows: every form reads the same items.
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
/** An item's units as `raw/role`, as each case compares them. */
const roles = (i: ReturnType<typeof parsePlan>['items'][number]): string[] => i.responsible.map((u) => `${u.raw}/${u.role}`);

interface Row {
  task: string;
  lead: string;
  cooperate: string;
  due: string;
  leader: string;
  group?: string;
}
type Column = keyof Row | 'number';

const ROWS: Row[] = [
  { task: '新建城市绿道50公里', lead: '市林业局', cooperate: '市住建局、市自然资源局', due: '2024年12月底前', leader: '张明', group: '一、生态环境' },
  { task: '完成老旧小区改造120个', lead: '市住建局', cooperate: '各区县政府', due: '2024年10月底前', leader: '李华' },
  { task: '新增城镇就业3万人', lead: '市人社局', cooperate: '市财政局', due: '长期坚持', leader: '王强', group: '二、民生保障' },
  { task: '建成普惠性托育机构20家', lead: '市卫健委', cooperate: '市教育局、市民政局', due: '每季度', leader: '赵丽' },
];

const HEADERS: { columns: Column[]; names: string[] }[] = [
  { columns: ['number', 'task', 'lead', 'cooperate', 'due'], names: ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'] },
  { columns: ['number', 'task', 'lead', 'due'], names: ['序号', '重点任务', '责任单位', '完成时间'] },
  { columns: ['number', 'task', 'leader', 'lead', 'cooperate', 'due'], names: ['序号', '工作内容', '责任领导', '牵头部门', '配合部门', '时间节点'] },
  { columns: ['number', 'task', 'lead', 'cooperate'], names: ['编号', '主要任务', '牵头单位', '责任单位'] },
  { columns: ['number', 'task', 'lead', 'due'], names: ['序号', '任务名称', '责任部门', '完成期限'] },
  { columns: ['task', 'lead', 'cooperate', 'due'], names: ['工作任务', '牵头单位', '配合单位', '完成时限'] },
  { columns: ['number', 'task', 'lead', 'cooperate', 'due'], names: ['序号', '具体工作', '主责单位', '协办单位', '完成时限'] },
  { columns: ['number', 'task', 'lead', 'due', 'leader'], names: ['序号', '目标任务', '责任单位', '时间安排', '分管领导'] },
  // A column's role in brackets, a level before it, a department's offices as its units.
  { columns: ['number', 'task', 'lead', 'cooperate', 'due'], names: ['序号', '重点事项', '责任单位(牵头)', '责任单位(配合)', '完成时限'] },
  { columns: ['number', 'task', 'lead', 'cooperate', 'due'], names: ['序号', '重点任务', '市级牵头单位', '市级配合单位', '完成时限'] },
  { columns: ['number', 'task', 'lead', 'cooperate', 'due'], names: ['序号', '工作要点', '牵头处室', '配合处室', '完成时限'] },
];

const FORMS: Record<string, (rows: string[][]) => string> = {
  bars: (rows) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n'),
  'bars with a rule row': (rows) => [`| ${rows[0]?.join(' | ')} |`, `|${rows[0]?.map(() => '---').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  tabs: (rows) => rows.map((r) => r.join('\t')).join('\n'),
  'one cell per line': (rows) => rows.flat().join('\n'),
  'one cell per line, blank lines between': (rows) => rows.flat().join('\n\n'),
  'runs of spaces': (rows) => rows.map((r) => r.join('  ')).join('\n'),
  'one space between cells': (rows) => rows.map((r) => r.join(' ')).join('\n'),
  'one cell per line between lines of bars': (rows) => rows.map((r) => r.join('\n|\n')).join('\n|\n|\n'),
  'bars without the outer ones': (rows) => rows.map((r) => `${r.join(' | ')}`).join('\n'),
  'run on into one line': (rows) => rows.flat().join(' '),
};

/** A group row: its title in the first cell, the others empty where the form keeps empty cells. */
function groupRow(form: string, title: string, columns: number): string[] {
  return form === 'bars' || form === 'bars with a rule row' || form === 'tabs' ? [title, ...Array<string>(columns - 1).fill('')] : [title];
}

function tableText(header: (typeof HEADERS)[number], form: string, grouped: boolean): string {
  const rows: string[][] = [header.names];
  ROWS.forEach((r, k) => {
    if (grouped && r.group) rows.push(groupRow(form, r.group, header.columns.length));
    rows.push(header.columns.map((c) => (c === 'number' ? String(k + 1) : (r[c] ?? ''))));
  });
  return `某市2024年重点工作任务分解表\n\n${(FORMS[form] as (rows: string[][]) => string)(rows)}\n`;
}

const expected = (header: (typeof HEADERS)[number]) =>
  ROWS.map((r) => [r.task, [`${r.lead}/lead`, ...(header.columns.includes('cooperate') ? r.cooperate.split('、').map((n) => `${n}/${n.startsWith('各') ? 'localities' : 'cooperate'}`) : [])]]);

describe('a division table in the forms offices send it in', () => {
  for (const header of HEADERS) {
    for (const form of Object.keys(FORMS)) {
      // A table without a 序号 column run on into one line has nothing to tell its rows apart by.
      if (form === 'run on into one line' && !header.columns.includes('number')) continue;
      for (const grouped of [false, true]) {
        it(`${header.names.join(' / ')}: ${form}${grouped ? ', with group rows' : ''}`, () => {
          const plan = parsePlan(tableText(header, form, grouped), { resolver });
          expect(plan.items.map((i) => [i.title, roles(i)])).toEqual(expected(header));
          // The deadline column's cell is each item's schedule.
          if (header.columns.includes('due')) expect(plan.items.map((i) => i.schedule?.raw)).toEqual(ROWS.map((r) => r.due));
        });
      }
    }
  }
});

describe('a division table whose unit and deadline cells are merged over two rows (written in the first only)', () => {
  const rows = [
    ['1', '新建城市绿道50公里', '市林业局', '市住建局', '2024年12月底前'],
    ['2', '完成老旧小区改造120个', '', '', ''],
    ['3', '新增城镇就业3万人', '市人社局', '市财政局', '长期坚持'],
    ['4', '建成普惠性托育机构20家', '', '', ''],
  ];
  const header = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
  const forms: Record<string, string> = {
    bars: [header, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'),
    tabs: [header, ...rows].map((r) => r.join('\t')).join('\n'),
    'one cell per line': [header, ...rows].map((r) => r.filter((c) => c).join('\n')).join('\n'),
    'tabs under a header of two rows': ['序号\t工作任务\t责任单位\t\t完成时限', '\t\t牵头单位\t配合单位\t', ...rows.map((r) => r.join('\t'))].join('\n'),
    'bars under a header of two rows': ['| 序号 | 工作任务 | 责任单位 | | 完成时限 |', '| | | 牵头 | 配合 | |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  };
  for (const [form, body] of Object.entries(forms)) {
    it(form, () => {
      const plan = parsePlan(`某市重点任务分解表\n${body}\n\n各单位要抓好落实。\n`, { resolver });
      expect(plan.items.map((i) => [i.title, roles(i)])).toEqual([
        ['新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate']],
        ['完成老旧小区改造120个', ['市林业局/lead', '市住建局/cooperate']],
        ['新增城镇就业3万人', ['市人社局/lead', '市财政局/cooperate']],
        ['建成普惠性托育机构20家', ['市人社局/lead', '市财政局/cooperate']],
      ]);
      expect(plan.items.map((i) => i.schedule?.raw)).toEqual(['2024年12月底前', '2024年12月底前', '长期坚持', '长期坚持']);
    });
  }

  it('keeps a row\'s own cooperating units under a merged lead, and carries nothing into a last row the text cuts off', () => {
    const text = ['序号\t工作任务\t牵头单位\t配合单位', '1\t新建城市绿道50公里\t市林业局\t市住建局', '2\t完成老旧小区改造120个\t\t市财政局', '3\t建成普惠性托育机构20家'].join('\n');
    expect(parsePlan(text, { resolver }).items.map((i) => roles(i))).toEqual([
      ['市林业局/lead', '市住建局/cooperate'],
      ['市林业局/lead', '市财政局/cooperate'],
      [],
    ]);
  });
});

describe('a 责任单位 cell that says the roles itself', () => {
  it('reads its labels (牵头:X;配合:Y) as the roles, without the labels in the names', () => {
    const text = [
      '序号\t工作任务\t责任单位\t完成时限',
      '1\t新建城市绿道50公里\t牵头:市林业局;配合:市住建局、市自然资源局\t2024年12月底前',
      '2\t完成老旧小区改造120个\t牵头单位:市住建局;配合单位:各区县政府\t2024年10月底前',
      '3\t新增城镇就业3万人\t市人社局牵头,市财政局配合\t长期坚持',
    ].join('\n');
    expect(parsePlan(text, { resolver }).items.map((i) => roles(i))).toEqual([
      ['市林业局/lead', '市住建局/cooperate', '市自然资源局/cooperate'],
      ['市住建局/lead', '各区县政府/localities'],
      ['市人社局/lead', '市财政局/cooperate'],
    ]);
  });
});

describe('a division table as a district sends it: 主要责任单位 and 协同配合单位', () => {
  const rows = [
    '1 全区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府、街道办事处,经开区管委会。',
    '2 一般公共预算收入增长5%左右。 区财政局\n区税务局\n区政府有关部门,各乡镇人民政府、街道办事处。',
    '3 社会消费品零售总额增长8%左右。 区商务局 区发改委、区市场监管局。',
  ];
  const want = [
    ['区发改委/lead', '区政府各部门/localities', '各乡镇人民政府/localities', '街道办事处/localities', '经开区管委会/cooperate'],
    ['区财政局/lead', '区税务局/lead', '区政府有关部门/localities', '各乡镇人民政府/localities', '街道办事处/localities'],
    ['区商务局/lead', '区发改委/cooperate', '区市场监管局/cooperate'],
  ];
  it('reads the cooperating column, two leads written one under the other, and a list closed by a full stop', () => {
    const text = `某区2025年重点工作任务分解表\n序号 重点工作任务 主要责任单位 协同配合单位\n一、主要预期目标\n${rows.join('\n')}\n`;
    expect(parsePlan(text, { resolver }).items.map((i) => roles(i))).toEqual(want);
  });

  it('one cell per line, with the last row cut off after its task (an excerpt\'s end) read as a row with no units', () => {
    const cells = ['序号', '重点工作任务', '主要责任单位', '协同配合单位', '68', '学前教育向普及普惠推进,义务教育向优质均衡发展。', '区教育局', '区政府有关部门,各乡镇人民政府。', '69', '同海亮集团的合作向纵深推进。', '区教育局', '区投资促进中心。', '73', '全力推动安心托幼,让全区托位数增加到560'];
    const plan = parsePlan(`某区教育局重点工作任务分解表\n\n${cells.join('\n\n')}\n`, { resolver });
    expect(plan.items.map((i) => [i.number, roles(i)])).toEqual([
      ['68', ['区教育局/lead', '区政府有关部门/localities', '各乡镇人民政府/localities']],
      ['69', ['区教育局/lead', '区投资促进中心/cooperate']],
      ['73', []],
    ]);
  });
});

describe('an indicators progress table one cell per line between lines of bars', () => {
  it('reads 考核指标 as the task, 责任 ⏎ 股室 as the units, and the progress, leader, person and phone cells as none', () => {
    const header = ['序号', '考核指标', '序时进度', '考核时间', '分管\n领导', '责任\n股室', '责任人', '监督电话'];
    const rows = [
      ['1', '全区生产总值增长6.5%左右。', '上半年增长5.3%。', '2025年12月', '杨长生', '国民经济综合股', '姚婷婷', '0558-5522863'],
      ['2', '大力发展清洁能源:新能源发电量达到23.5亿度以上。', '1-9月发电18亿度。', '2025年12月', '王文强', '项目中心', '王斯伟', '0558-5522863'],
    ];
    const text = `某区2025年考核指标进度表\n|\n${[header, ...rows].map((r) => r.join('\n|\n')).join('\n|\n|\n')}\n`;
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => [i.number, i.title, roles(i), i.targets.map((g) => g.raw)])).toEqual([
      ['1', '全区生产总值增长6.5%左右', ['国民经济综合股/lead'], ['6.5%']],
      // A task cell's title is its first sentence, a colon in it included.
      ['2', '大力发展清洁能源:新能源发电量达到23.5亿度以上', ['项目中心/lead'], ['23.5亿度']],
    ]);
  });
});

describe('a progress table in bar rows whose unit cell is merged over its rows', () => {
  it('carries the unit into a row that left its cell out (its leader where the unit stood) and into a last row cut off in its progress', () => {
    const text = [
      '项 目 内 容 | 8月计划进度 | 实际进度情况 | 完成率 | 责任 单位 | 具体分管领导 |',
      '(1)新吸收公助园60所。 | 报送名单 | 新吸收8所 | 72% | 市教育局 | 王旭良 |',
      '(2)教共体组建70对以上。 | 开展活动 | 组建67对 | 72% | 王小强 |',
      '(3)创建乡村小而优学校5所以上。 | 完成建设 | 财政已安排190万元用于',
    ].join('\n');
    expect(parsePlan(text, { resolver }).items.map((i) => [i.number, roles(i)])).toEqual([
      ['(1)', ['市教育局/lead']],
      ['(2)', ['市教育局/lead']],
      ['(3)', ['市教育局/lead']],
    ]);
  });
});

describe('a progress table in bar rows grouped by a 类别 cell written once', () => {
  it('puts rows that open with their task back under their columns, reads 2022年度任务目标 as targets, and ends at the page\'s metadata', () => {
    const text = [
      '类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 监督电话 |',
      '四、教育文化 | 14.改扩建泉山学校 | 建成教学楼2座。 | 教育体育局 | 刘福利 | 主体完工。 | 8212345 |',
      '15.推进学校运动场地建设 | 13处农村学校的运动场地建好。 | 教育体育局 | 刘福利 | 基础完成30%。 | 8212345 |',
      '索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |',
    ].join('\n');
    expect(parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, roles(i), i.targets.map((g) => g.raw)])).toEqual([
      ['14', '改扩建泉山学校', ['教育体育局/lead'], ['2座']],
      ['15', '推进学校运动场地建设', ['教育体育局/lead'], ['13处']],
    ]);
  });
});

describe('a row whose persons\' cell stands before its unit cell', () => {
  it('passes over two persons\' names, one of them ending like a unit\'s (王广部), to the unit after them', () => {
    const text = '某区2022年重点任务公开承诺事项进展情况\n序号 | 重点任务 |\n完成时间 | 责任人 | 责任部门 | 进展情况 |\n7 |\n把园区的骨架路网建完整,凤凰路开工。 |\n凤凰路在11月底前达到通车条件。 |\n王广部 王鹏伟 |\n国土住建局 |\n凤凰路一期已经通车。 |\n';
    expect(parsePlan(text, { resolver }).items.map((i) => [i.number, roles(i)])).toEqual([['7', ['国土住建局/lead']]]);
  });
});

describe('a division table whose cells the page wrapped onto a row of their own (its number cell empty)', () => {
  const expected = [
    ['1', '新建城市绿道50公里,完成绿化提升', ['市林业局/lead', '市住建局/cooperate', '市自然资源局/cooperate'], ['50公里']],
    ['2', '完成老旧小区改造120个', ['市住建局/lead', '各区县政府/localities'], ['120个']],
    ['3', '新增城镇就业3万人', ['市人社局/lead', '市财政局/cooperate'], ['3万人']],
  ];
  const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, roles(i), i.targets.map((t) => t.raw)]);

  it('reads the wrapped row as the row above going on: its task ends the title, its units join the item', () => {
    const bars = `某市2024年重点工作任务分解表
| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
| 1 | 新建城市绿道50公里,完成 | 市林业局 | 市住建局、 | 2024年12月 |
| | 绿化提升 | | 市自然资源局 | 底前 |
| 2 | 完成老旧小区改造120个 | 市住建局 | 各区县政府 | 2024年10月底前 |
| 3 | 新增城镇就业3万人 | 市人社局 | 市财政局 | 长期坚持 |
`;
    expect(read(bars)).toEqual(expected);
    const tabs = bars.replace(/^\| | \|$/gm, '').replace(/ \| /g, '\t').replace(/\| /g, '\t');
    expect(read(tabs)).toEqual(expected);
  });

  it('reads a row of its own under a 序号 cell merged over two rows (its task closed above, its unit written) as a task', () => {
    const merged = `某市2024年重点工作任务分解表
序号\t类别\t工作任务\t牵头单位\t完成时限
1\t产业发展\t新建产业园区2个。\t市发改委\t2024年底
\t\t培育规上企业50家。\t市工信局\t2024年底
2\t民生保障\t完成老旧小区改造120个。\t市住建局\t2024年10月底前
`;
    expect(read(merged)).toEqual([
      ['1', '新建产业园区2个', ['市发改委/lead'], ['2个']],
      ['', '培育规上企业50家', ['市工信局/lead'], ['50家']],
      ['2', '完成老旧小区改造120个', ['市住建局/lead'], ['120个']],
    ]);
  });

  it('reads a header broken onto a second line as no task, and a task\'s second part in the number\'s place as the task above going on', () => {
    const text = `某区2019年重点民生实事项目完成情况 | |||||
序号 | 项目名称 | 责任单位 | 目标任务 | 1-8月 实际完成情况 |
任务完成率 | 备注 | |
1 | 新增城镇就业 | 区人社局 | 8950人 | 7123人 | 80% | ||
2 | 新建改建中小学校1所 | 区教育局 | 1所 | 1所 | 100% | ||
学位新增810个 | |||||
3 | 改建农村户用厕所 | 区农业农村局 | 3980个 | 1290个 | 32% | ||
`;
    expect(read(text)).toEqual([
      ['1', '新增城镇就业', ['区人社局/lead'], ['8950人']],
      ['2', '新建改建中小学校1所', ['区教育局/lead'], ['1所', '810个']],
      ['3', '改建农村户用厕所', ['区农业农村局/lead'], ['3980个']],
    ]);
  });
});

describe('a document of several division tables, each under its own header', () => {
  const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, roles(i), i.targets.map((t) => t.raw)]);

  it('reads a second table by its own columns, its header no task (tasks, then indicators with a target column)', () => {
    const text = `某市2024年重点工作任务分工表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t新开工改造城镇老旧小区120个\t市住建局\t市财政局\t2024年底前
2\t新增城镇就业3万人\t市人社局\t\t2024年12月

序号\t指标\t责任单位\t目标值
1\t空气质量优良天数比率达到85%\t市生态环境局\t85%
2\t城镇调查失业率控制在5.5%以内\t市人社局\t5.5%
`;
    expect(read(text)).toEqual([
      ['1', '新开工改造城镇老旧小区120个', ['市住建局/lead', '市财政局/cooperate'], ['120个']],
      ['2', '新增城镇就业3万人', ['市人社局/lead'], ['3万人']],
      ['1', '空气质量优良天数比率达到85%', ['市生态环境局/lead'], ['85%']],
      ['2', '城镇调查失业率控制在5.5%以内', ['市人社局/lead'], ['5.5%']],
    ]);
  });

  it('reads the rows after a header repeated at the top of a new page as the same table going on', () => {
    const text = `某市2024年重点工作任务分工表
| 序号 | 工作任务 | 牵头单位 | 配合单位 |
| 1 | 新建城市绿道50公里 | 市林业局 | 市住建局 |
| 2 | 完成老旧小区改造120个 | 市住建局 | 各区县政府 |
— 2 —
| 序号 | 工作任务 | 牵头单位 | 配合单位 |
| 3 | 新增城镇就业3万人 | 市人社局 | 市财政局 |
`;
    expect(read(text)).toEqual([
      ['1', '新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate'], ['50公里']],
      ['2', '完成老旧小区改造120个', ['市住建局/lead', '各区县政府/localities'], ['120个']],
      ['3', '新增城镇就业3万人', ['市人社局/lead', '市财政局/cooperate'], ['3万人']],
    ]);
  });
});

describe('a project table one cell per line with many columns, some names broken over two lines', () => {
  const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, roles(i), i.targets.map((t) => t.raw)]);

  it('reads the number, project, units cell and leaders among a dozen columns, a group line above the header, and a last row cut among its leaders', () => {
    const header = ['序号', '项目名称', '建 设 规 模', '项目', '类别', '重点', '等级', '2030年度', '投资计划', '资金', '来源', '账面数', '分管', '领导', '联系', '领导', '责任单位责任人'];
    const row1 = ['1', '滨江物流园', '  用地150亩,建仓库12座,总投资6.5亿元。', '市重点', '续建', '  一期:完成主体。', '  二期:开工建设。', '5200', '市财政', '1200', '自筹', '4000', '4800', '周国平', '陈  刚', '吴立新', '东湖街道', '孙海涛'];
    const row2 = ['2', '  城西污水处理厂扩建', '  日处理能力增加5万吨。', '市重点', '新建', '  完成土建工程量的60%。', '8000', '市财政', '8000', '7000', '周国平', '陈  刚'];
    const text = ['某市2030年度重点项目建设计划', '', '  一、基础设施项目(2个)                         单位:万元', '', [...header, ...row1, ...row2].join('\n\n'), ''].join('\n');
    expect(read(text)).toEqual([
      // 建设规模 is the whole project's size, no target; the persons' names are no units.
      ['1', '滨江物流园', ['东湖街道/lead'], []],
      // Cut off among its leaders: no unit carried down into it.
      ['2', '城西污水处理厂扩建', [], []],
    ]);
  });

  it('reads a header of two rows flattened (进度安排 over its quarters), a 事项类别 cell before the row\'s name and a 事项内容 cell\'s figures as targets', () => {
    const header = ['序号', '事项', '类别', '事项名称', '事项内容', '进度安排', '牵头单位', '实施', '单位', '落实情况', '第一季度', '第二季度', '第三季度', '第四季度'];
    const row = ['5', '三、办好人民满意教育', '新建公办幼儿园', '新建公办幼儿园4所,新增学位1080个。', '1.完成选址和立项,形象进度达到10%。', '2.完成设计招标。', '1.主体施工,形象进度达到50%。', '1.主体封顶,形象进度达到80%。', '1.竣工验收,'];
    const text = ['某区2030年民生实事落实情况一览表', '', [...header, ...row].join('\n\n'), ''].join('\n');
    expect(read(text)).toEqual([['5', '新建公办幼儿园', [], ['4所', '1080个']]]);
  });

  it('reads a progress report of a number, a matter and its progress as a table naming no unit, the progress\'s points no items', () => {
    const cells = ['序號', '政策項目', '辦理情形及進度', '1', '數位轉型', '一、推動數位建設方案:', '(一)行政院3月2日核定方案,4月召開第1次推動會議。', '(二)各部會已提報年度計畫,合計經費12億元。', '2', '能源轉型', '一、離岸風電第二階段開發已完成遴選。'];
    const text = ['政務委員督導業務報告', '資料時間:112.5.1', cells.join('\n'), ''].join('\n');
    expect(read(text)).toEqual([
      ['1', '數位轉型', [], []],
      ['2', '能源轉型', [], []],
    ]);
  });

  it('reads a last row cut off after its task whose cell carries the number after the row above\'s', () => {
    const cells = ['主要任务', '具体措施', '责任单位', '备注', '(一)稳定农业生产', '市农业农村局等,各县、市、区政府', '2030年12月', '2.对种粮大户给予农机购置补贴,补贴标准按省里规定执行。', '市农业农村局、市财政局', '3.对受灾农户的自住房屋,其维修费用由财政给予补助。补助资金年底前拨付到位。'];
    const text = ['某市落实稳增长政策措施责任分工', '', cells.join('\n'), ''].join('\n');
    expect(read(text).map(([n, title, units]) => [n, title, units])).toEqual([
      ['(一)', '稳定农业生产', ['市农业农村局/lead', '各县、市、区政府/localities']],
      ['2', '对种粮大户给予农机购置补贴,补贴标准按省里规定执行', ['市农业农村局/lead', '市财政局/cooperate']],
      ['3', '对受灾农户的自住房屋,其维修费用由财政给予补助', []],
    ]);
  });

  it('reads an indicator merged over its rows as a heading and each row by its content, a scoring column beside the responsible one as naming no one, a dash cell as empty', () => {
    const header = ['考核类别', '序号', '考核指标', '考核内容', '单位', '年度目标', '责任部门', '考核部门'];
    const rows = [
      ['生态宜居', '1', '人居环境整治', '农村生活垃圾分类覆盖率', '%', '≥95%', '镇环保办', '镇建设办', '区生态环境局区住建局'],
      ['2', '农村公厕改造', '座', '12', '镇建设办', '区农业农村局'],
      ['3', '村庄清洁行动考评', '-', '达到优秀', '镇党政办', '区农业农村局'],
    ];
    const text = ['某镇2030年乡村振兴考核任务清单', '', [...header, ...rows.flat()].join('\n\n'), ''].join('\n');
    expect(read(text)).toEqual([
      ['1', '农村生活垃圾分类覆盖率', ['镇环保办/lead', '镇建设办/cooperate'], ['95%']],
      ['2', '农村公厕改造', ['镇建设办/lead'], []],
      ['3', '村庄清洁行动考评', ['镇党政办/lead'], []],
    ]);
  });
});

describe('a division table whose cells ran together, as a document-sharing site shows a .docx', () => {
  const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, roles(i), i.targets.map((t) => t.raw)]);

  it('reads a task, a target opening with its date and a cell of units per row, the page number inside a name left in its raw', () => {
    const text = `某市绿色出行重点任务责任分工表.docx
1、某市绿色出行重点任务责任分工表序号工作内容目标任务责任单位备注1新建城市绿道,把公园和社区连起来。2024年底前,新建绿道50公里。市林业局、市住建局,各区县政府2推进公交优先,优化线路布局。2024年10月底前,公交分担率达到40%。市交通局,市
2、公安局、市财政局,各区县政府3完善慢行系统,加密自行车道网络,把学校、医院和地铁站周边的步行道连成片。2024年底前,新增自行车道30公里,改造人行道20公里。市住建局、市城管局,各区县政府4推广新能源车辆,加快充电设施建设。2024年底前,新建充电桩3000个。市发改委,各区县政府
`;
    expect(read(text)).toEqual([
      ['1', '新建城市绿道,把公园和社区连起来', ['市林业局/lead', '市住建局/cooperate', '各区县政府/localities'], ['50公里']],
      ['2', '推进公交优先,优化线路布局', ['市交通局/lead', '市\n2、公安局/cooperate', '市财政局/cooperate', '各区县政府/localities'], ['40%']],
      ['3', '完善慢行系统,加密自行车道网络,把学校、医院和地铁站周边的步行道连成片', ['市住建局/lead', '市城管局/cooperate', '各区县政府/localities'], ['30公里', '20公里']],
      ['4', '推广新能源车辆,加快充电设施建设', ['市发改委/lead', '各区县政府/localities'], ['3000个']],
    ]);
  });

  it('reads a project name cut at its head noun, its content, the leader left out, a lead and glued cooperating units, a row going on under its number', () => {
    const text = `某区民生实事项目责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1城乡供水保障新建水厂2座,改造管网80公里。王建国水利局经开区各街道2社区养老服务新建日间照料中心6家。李红民政局各街道改造老年食堂10个。陈立新卫健局市国有公司3文体惠民行动举办惠民演出120场。
`;
    expect(read(text)).toEqual([
      ['1', '城乡供水保障', ['水利局/lead', '经开区/cooperate', '各街道/localities'], ['2座', '80公里']],
      ['2', '社区养老服务', ['民政局/lead', '各街道/localities', '卫健局/lead', '市国有公司/cooperate'], ['6家', '10个']],
      ['3', '文体惠民行动', [], ['120场']],
    ]);
  });

  it('reads a table of projects whose figures, owners, lead department and leaders ran together, the owners and leaders left out', () => {
    const text = `附件某县2024年重点项目情况表单位:万元序号项目名称建设阶段总投资2024年计划投资项目业主牵头协调部门牵头县领导1城南污水处理厂项目加快建设5600012000县城投公司县住建局刘建军2物流园区工程新开工8800020000某某物流有限公司、县交投集团县发改局张伟李明
`;
    expect(read(text)).toEqual([
      ['1', '城南污水处理厂项目', ['县住建局/lead'], []],
      ['2', '物流园区工程', ['县发改局/lead'], []],
    ]);
  });
});
