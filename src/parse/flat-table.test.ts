/** Division tables flattened into running text (flat-table.ts): a page copied without its line breaks. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const rows = (text: string) =>
  parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)]);

describe('a division table flattened into one paragraph', () => {
  it('reads rows of a table pasted one cell per line whose breaks became spaces: several unit cells, an empty deadline', () => {
    const text =
      '附件 某县2016年民生实事任务分解表 序号 民生实事 责任单位 完成时限 1 新建城东污水处理厂一座。 县水务局 县住建局 县代建中心 12月底前 ' +
      '2 新增公办幼儿园学位600个。 县教育局 6月底前 3 完成县图书馆新馆主体工程。 县文广局  4 改造农村危房300户。 县住建局 县民政局 11月底前';
    expect(rows(text)).toEqual([
      ['1', '新建城东污水处理厂一座', ['县水务局/lead', '县住建局/cooperate', '县代建中心/cooperate'], []],
      ['2', '新增公办幼儿园学位600个', ['县教育局/lead'], ['600个']],
      ['3', '完成县图书馆新馆主体工程', ['县文广局/lead'], []],
      ['4', '改造农村危房300户', ['县住建局/lead', '县民政局/cooperate'], ['300户']],
    ]);
    const plan = parse(text);
    expect(plan.items[0]?.schedule?.raw).toBe('12月底前');
    expect(plan.items[2]?.schedule).toBeUndefined();
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a pipe table run on: lead and cooperating columns, a rule row, 同上 taking the row above', () => {
    const text =
      '某市2011年重点工作目标任务分解表 | 序号 | 目标任务 | 牵头单位 | 配合单位 | 完成时限 | |---|---|---|---|---| ' +
      '| 1 | 新增城镇就业4万人。 | 市人社局 | 市财政局、市统计局 | 12月底 | | 2 | 城镇登记失业率控制在4%以内。 | 市人社局 | 同上 | 12月底 |';
    expect(rows(text)).toEqual([
      ['1', '新增城镇就业4万人', ['市人社局/lead', '市财政局/cooperate', '市统计局/cooperate'], ['4万人']],
      ['2', '城镇登记失业率控制在4%以内', ['市人社局/lead', '市财政局/cooperate', '市统计局/cooperate'], ['4%']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('passes over a leader between the task and the units, a header cell broken in two and the group rows before row 1', () => {
    const text =
      '某市工作报告部署工作责任分工  序号  重点工作  市政府  分管领导  牵头单位  配合单位  增强创新支撑。  (一)  壮大科技力量。  ' +
      '1  建设科学城,串联科技创新节点。  王 东  市科技局  黄埔区政府  2  组建呼吸领域实验室。  李华  市科技局  市卫生健康委';
    expect(rows(text)).toEqual([
      ['1', '建设科学城,串联科技创新节点', ['市科技局/lead', '黄埔区政府/cooperate'], []],
      ['2', '组建呼吸领域实验室', ['市科技局/lead', '市卫生健康委/cooperate'], []],
    ]);
    const plan = parse(text);
    expect(plan.warnings.some((w) => w.code === 'responsibility_not_unit')).toBe(true);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a table cut out of a longer one, its rows numbered from 80, and a cell that states the roles itself', () => {
    const text =
      '重点工作任务表 序号\t工作内容\t责任主体\t完成时间 80\t新增科技型企业200家\t市科技局牵头,市财政局配合\t2018年12月 ' +
      '81\t建成5G基站50个\t市经信委\t2018年10月';
    expect(rows(text)).toEqual([
      ['80', '新增科技型企业200家', ['市科技局/lead', '市财政局/cooperate'], ['200家']],
      ['81', '建成5G基站50个', ['市经信委/lead'], ['50个']],
    ]);
  });

  it('reads nothing as a table where 序号 is a word of a sentence, or the header names no unit column', () => {
    expect(parse('请按序号 排列 工作任务 责任单位 填报,1 月底前报送。').items.every((i) => i.number !== '1')).toBe(true);
    const noUnits = '序号 项目名称 建设内容 完成时限 1 新建道路。 长3公里 年底前 2 改造桥梁。 两座 6月底前';
    expect(parse(noUnits).items.filter((i) => i.number === '1' || i.number === '2')).toEqual([]);
  });

  it('takes no phrases of a sentence for units when the text of a task falls into a unit column', () => {
    const text = '序号\t工作任务\t牵头单位\t配合单位\n1\t办好人大代表建议。\t加强行政监督,主动接受人大监督,办好议案\t市财政局\n2\t推进政务公开。\t市政府办公厅\t市直各单位\n';
    expect(rows(text)).toEqual([
      ['1', '办好人大代表建议', ['市财政局/cooperate'], []],
      ['2', '推进政务公开', ['市政府办公厅/lead', '市直各单位/localities'], []],
    ]);
  });

  it('reads a tab-separated table whose rows ran together with nothing between: a row number glued to the cell before it', () => {
    const text = '某市重点工作分解表序号\t工作任务\t牵头单位\t完成时限1\t新增城镇就业4万人。\t市人社局\t12月底2\t新建保障房3000套。\t市住建局\t11月底';
    expect(rows(text)).toEqual([
      ['1', '新增城镇就业4万人', ['市人社局/lead'], ['4万人']],
      ['2', '新建保障房3000套', ['市住建局/lead'], ['3000套']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('keeps to the rows it can read when a hostile text repeats numbers and names without end', () => {
    const text = `序号 工作任务 责任单位 ${Array.from({ length: 3000 }, (_, k) => `${k + 1} 任务${k}。 县发改局`).join(' ')}`;
    const plan = parse(text);
    expect(plan.items.length).toBeGreaterThan(1000);
    expect(plan.items.length).toBeLessThanOrEqual(3000);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a flattened table whose rows leave 序号 empty from their unit cells, a group row between them, and stops where the text after it names no unit', () => {
    const text =
      '附件 2020年度重点工作任务分解表 序号 目标与任务 牵头责任单位 责任单位 一、生态环境 完成国土空间规划的编制,让城市更宜居。 市自然资源和规划局 各县(市)区政府、开发区管委会 ' +
      '打好污染防治攻坚战,整改督察反馈的问题。 市生态环境局 各县(市)区政府 新建城市绿道50公里。 市林业局 市住建局 以上任务请按月报送进展。';
    expect(rows(text)).toEqual([
      ['', '完成国土空间规划的编制,让城市更宜居', ['市自然资源和规划局/lead', '各县(市)区政府/localities', '开发区管委会/localities'], []],
      ['', '打好污染防治攻坚战,整改督察反馈的问题', ['市生态环境局/lead', '各县(市)区政府/localities'], []],
      ['', '新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate'], ['50公里']],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
    // Row 1's number glued to a group row (产业创新1): the rows are numbered, not read from their units.
    const glued = '分解表 序号\t工作任务\t牵头单位\t配合单位一、产业创新1\t新增高新技术企业300家\t科技局\t经发局2\t产值增长15%\t工信局\t科技局';
    expect(rows(glued)).toEqual([]);
    // A header run on into row 1 (完成时限一、产业创新1 taken as one of its cells): no rows read from unit cells.
    const runOn =
      '2023年重点工作任务分解表序号\t工作任务\t责任领导\t牵头单位\t配合单位\t完成时限一、产业创新1\t新增高新技术企业300家以上\t分管副主任\t科技创新委员会\t经济发展委员会\t2023年12月2\t' +
      '生物医药产业产值增长15%\t同上\t生物医药产业办公室\t科技创新委员会、各功能区管委会\t2023年12月二、开放合作3\t实际使用外资20亿美元\t分管副主任\t商务局\t投资促进委员会\t2023年12月';
    expect(rows(runOn)).toEqual([]);
  });
});
