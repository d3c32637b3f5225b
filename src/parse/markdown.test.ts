/**
 * A plan written in markdown (a .md file, a wiki's or a chat's export): its marks are read as the
 * rendered page shows them — headings, bullets, strong spans — while every raw and span stays in the
 * original characters.
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';
import { markdownLike } from './text.js';

const resolver = hunanResolver();
const read = (text: string) => parsePlan(text, { resolver });

describe('a plan written in markdown', () => {
  const text = `# 某市2024年重点工作任务分工方案

## 一、扩大有效投资

1. **推进重大项目建设**。全年新开工项目100个。(市发改委牵头,市财政局配合)
2. **加快城市更新** 改造老旧小区120个。(市住建局负责)

---

## 二、保障和改善民生

- **(一)稳定就业**:新增城镇就业3万人。(市人社局牵头)
- **(二) 办好教育** — 新建幼儿园10所。(市教育局负责)
`;

  it('reads its headings as the title and sections, its list entries as items titled by their strong span, without the marks', () => {
    const plan = read(text);
    expect(plan.title).toBe('某市2024年重点工作任务分工方案');
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual([['一', '扩大有效投资'], ['二', '保障和改善民生']]);
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)])).toEqual([
      ['1', '推进重大项目建设', ['市发改委/lead', '市财政局/cooperate'], ['100个']],
      ['2', '加快城市更新', ['市住建局/lead'], ['120个']],
      ['(一)', '稳定就业', ['市人社局/lead'], ['3万人']],
      ['(二)', '办好教育', ['市教育局/lead'], ['10所']],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('is told from plain text: a heading line, or strong spans on three lines; masks (张** ) and a lone ** are no markdown', () => {
    expect(markdownLike('## 一、总体要求\n正文')).toBe(true);
    expect(markdownLike('1. **甲项**。\n2. **乙项**。\n3. **丙项**。')).toBe(true);
    expect(markdownLike('责任人:张**,电话:138****1234\n联系人:李**')).toBe(false);
    expect(markdownLike('一、#1号楼改造\n(一)**')).toBe(false);
  });

  it('leaves a plain text with masks unchanged: its ** stay in the title', () => {
    const plain = '1.推进**镇污水管网建设。(县住建局负责)\n2.完成改厕200户。(县农业农村局负责)\n';
    expect(read(plain).items.map((i) => i.title)).toEqual(['推进**镇污水管网建设', '完成改厕200户']);
  });
});
