/**
 * Three tasks of a plan written under the numbering and with the ways of naming who does them that
 * offices use: every combination reads the same items, titles, units and targets.
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();

interface Task {
  title: string;
  body: string;
  target: string;
  lead: string;
  cooperate: string[];
}

const TASKS: Task[] = [
  { title: '推进老旧小区改造', body: '全年完成改造120个', target: '120个', lead: '市住建局', cooperate: ['市财政局', '各区政府'] },
  { title: '新增城镇就业', body: '全年新增城镇就业3万人', target: '3万人', lead: '市人社局', cooperate: ['市财政局'] },
  { title: '建设城市绿道', body: '新建绿道50公里', target: '50公里', lead: '市林业局', cooperate: ['市自然资源局', '市住建局'] },
];

const CN = '一二三';
const NUMBERS: Record<string, (k: number) => string> = {
  '1.': (k) => `${k + 1}.`,
  '1、': (k) => `${k + 1}、`,
  '1．': (k) => `${k + 1}．`,
  '(1)': (k) => `(${k + 1})`,
  '(一)': (k) => `(${CN[k]})`,
  '一、': (k) => `${CN[k]}、`,
  '①': (k) => '①②③'[k] as string,
  // A space where the point should be (1 推进…), read when the next line carries on the count.
  '1 ': (k) => `${k + 1} `,
  '1\u3000': (k) => `${k + 1}\u3000`,
  // 第一项: under the 一、 heading is its task, not its sibling.
  '第一项:': (k) => `第${CN[k]}项:`,
};

const others = (t: Task): string => t.cooperate.join('、');
const SAYINGS: Record<string, (t: Task) => string> = {
  '(牵头单位:X;配合单位:Y)': (t) => `${t.title}。${t.body}。(牵头单位:${t.lead};配合单位:${others(t)})`,
  '(X牵头,Y配合)': (t) => `${t.title}。${t.body}。(${t.lead}牵头,${others(t)}配合)`,
  'label lines': (t) => `${t.title}\n${t.body}。\n牵头单位:${t.lead}\n配合单位:${others(t)}`,
  'labels after the sentence': (t) => `${t.title}。${t.body}。牵头单位:${t.lead};配合单位:${others(t)}。`,
  '(责任单位:X、Y), the first leading': (t) => `${t.title}。${t.body}。(责任单位:${t.lead}、${others(t)})`,
  '【牵头单位:X;责任单位:Y】': (t) => `${t.title}。${t.body}。【牵头单位:${t.lead};责任单位:${others(t)}】`,
  '由X牵头,Y配合。': (t) => `${t.title}。${t.body}。由${t.lead}牵头,${others(t)}配合。`,
  '(责任领导:…;牵头单位:X;配合单位:Y)': (t) => `${t.title}。${t.body}。(责任领导:张三;牵头单位:${t.lead};配合单位:${others(t)})`,
  '责任单位:X牵头,Y配合。': (t) => `${t.title}。${t.body}。责任单位:${t.lead}牵头,${others(t)}配合。`,
  '(X会同Y负责)': (t) => `${t.title}。${t.body}。(${t.lead}会同${others(t)}负责)`,
  '[牵头单位]X [配合单位]Y': (t) => `${t.title}。${t.body}。[牵头单位]${t.lead} [配合单位]${others(t)}`,
  '［牵头单位］X lines': (t) => `${t.title}\n${t.body}。\n［牵头单位］${t.lead}\n［配合单位］${others(t)}`,
  '(负责:X;协办:Y)': (t) => `${t.title}。${t.body}。(负责:${t.lead};协办:${others(t)})`,
  '(主要责任单位:X;协同单位:Y)': (t) => `${t.title}。${t.body}。(主要责任单位:${t.lead};协同单位:${others(t)})`,
  '(具体责任单位:X,配合单位:Y)': (t) => `${t.title}。${t.body}。(具体责任单位:${t.lead},配合单位:${others(t)})`,
};

function planText(number: string, saying: string): string {
  const tasks = TASKS.map((t, k) => `${(NUMBERS[number] as (k: number) => string)(k)}${(SAYINGS[saying] as (t: Task) => string)(t)}`).join('\n');
  // Tasks numbered 一、 are the plan's sections themselves.
  return number === '一、' ? `某市2024年重点工作任务分工方案\n${tasks}\n` : `某市2024年重点工作任务分工方案\n为推动高质量发展,制定本方案。\n一、重点任务\n${tasks}\n二、保障措施\n各单位要加强领导。\n`;
}

describe('a numbered list in the forms offices write it in', () => {
  for (const number of Object.keys(NUMBERS)) {
    for (const saying of Object.keys(SAYINGS)) {
      it(`${number} with ${saying}`, () => {
        const plan = parsePlan(planText(number, saying), { resolver });
        expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((u) => `${u.raw}/${u.role}`), i.targets.map((g) => g.raw)])).toEqual(
          TASKS.map((t, k) => [
            (NUMBERS[number] as (k: number) => string)(k).replace(/[.、．:\s]$/, ''),
            t.title,
            [`${t.lead}/lead`, ...t.cooperate.map((c) => `${c}/${c.startsWith('各') ? 'localities' : 'cooperate'}`)],
            [t.target],
          ]),
        );
      });
    }
  }
});

describe('a deadline a listed task states under a label of its own', () => {
  it('is the item\'s schedule: a due date or a frequency, its span slicing its raw', () => {
    const text = '2024年工作要点\n一、重点任务\n1.推进数字政府建设。责任单位:市大数据局。完成时限:2024年底\n2.开展安全检查。(市应急局负责)\n3.推进改造。(责任单位:市住建局;完成时限:每季度)\n4.做好宣传。\n责任单位:市委宣传部\n完成时间:2024年6月\n';
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => i.schedule && [i.schedule.raw, i.schedule.due, i.schedule.frequency])).toEqual([
      ['2024年底', '2024-12-31', null],
      undefined,
      ['每季度', null, 'quarterly'],
      ['2024年6月', '2024-06-30', null],
    ]);
    for (const i of plan.items) if (i.schedule) expect(text.slice(i.schedule.span[0], i.schedule.span[1])).toBe(i.schedule.raw);
  });

  it('or at the end of the bracket that says who does it', () => {
    const text = '2024年工作要点\n1.推进重大项目建设。(县发改局牵头,县财政局配合,2024年12月底前完成)\n2.稳定就业。(县人社局负责;长期坚持)\n3.做好宣传。(市委宣传部负责,全年完成宣传20次)\n';
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => [i.responsible.map((u) => u.raw), i.schedule && [i.schedule.raw, i.schedule.due, i.schedule.frequency]])).toEqual([
      [['县发改局', '县财政局'], ['2024年12月底前', '2024-12-31', null]],
      [['县人社局'], ['长期坚持', null, 'ongoing']],
      // A clause that is no date is no deadline.
      [['市委宣传部'], undefined],
    ]);
    for (const i of plan.items) if (i.schedule) expect(text.slice(i.schedule.span[0], i.schedule.span[1])).toBe(i.schedule.raw);
  });
});

describe('who leads the tasks under a heading', () => {
  it('is the lead its heading\'s label names, beside the units a task says cooperate', () => {
    const text = '2024年工作要点\n一、推进重大项目建设(牵头单位:县发改局)\n(一)加快项目审批,全年完成投资200亿元。\n(二)争取中央预算内资金5亿元。(配合单位:县财政局)\n二、扩大有效消费(牵头单位:县商务局)\n(一)社会消费品零售总额增长6%。(责任单位:县市场监管局牵头)\n';
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => [i.number, i.responsible.map((u) => `${u.raw}/${u.role}`)])).toEqual([
      ['(一)', ['县发改局/lead']],
      ['(二)', ['县发改局/lead', '县财政局/cooperate']],
      // A task naming its own lead keeps it.
      ['(一)', ['县市场监管局/lead']],
    ]);
  });
});

describe('a point that opens with who does it and a colon', () => {
  it('is led by the units before the colon, the first leading, and titled by the task after it', () => {
    const text = '2024年工作要点\n1.县发改局:推进重大项目建设,全年完成投资200亿元。\n2.县人社局、县财政局:稳定扩大就业,新增城镇就业3000人。\n3.数字转型:完成项目10个。\n';
    expect(parsePlan(text, { resolver }).items.map((i) => [i.title.slice(0, 8), i.responsible.map((u) => `${u.raw}/${u.role}`)])).toEqual([
      ['推进重大项目建设', ['县发改局/lead']],
      ['稳定扩大就业,新', ['县人社局/lead', '县财政局/cooperate']],
      // A heading before a colon is no unit.
      ['数字转型:完成项', []],
    ]);
  });
});

describe('points run on with their sub-points', () => {
  it('title each point by its own heading, ending where the first sub-point was cut', () => {
    const text = '某市应急体系建设规划责任分解 (一)一案三制建设 1.健全应急预案体系 (1)加强预案管理,规范预案编制。 (2)抓好预案演练。 (责任单位:市应急局) 2.理顺应急管理体制 (1)抓好应急管理机构建设。 (2)完善运行机制。 (责任单位:市委编办、市应急局)';
    expect(parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, i.responsible.map((u) => u.raw)])).toEqual([
      ['1', '健全应急预案体系', ['市应急局']],
      ['2', '理顺应急管理体制', ['市委编办', '市应急局']],
    ]);
  });
});
