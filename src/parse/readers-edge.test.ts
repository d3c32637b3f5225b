/**
 * The table and markdown readers on texts at their edges: prose that merely holds a box character
 * or a bar, markdown-looking plain text, CRLF, tabs, full-width spaces, traditional script, drawn
 * and laid-out tables among other text. Each is read as before (or as its table), and every fact's
 * span slices its raw (spanProblems allows only a raw joined from a wrapped cell).
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { boxTables } from './box-table.js';
import { htmlText } from './html-text.js';
import { layoutTable } from './layout-table.js';
import { parsePlan } from './parse-plan.js';
import { markdownLike, normalise } from './text.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const lines = (...ls: string[]) => ls.join('\n');

const DRAWN = lines(
  '┌────┬──────────────────┬──────────────┬──────────┐',
  '│序号│工作任务          │牵头单位      │完成时限  │',
  '├────┼──────────────────┼──────────────┼──────────┤',
  '│1   │新开工改造城镇老旧│市住房城乡建设│2024年底前│',
  '│    │小区1200个        │局            │          │',
  '├────┼──────────────────┼──────────────┼──────────┤',
  '│2   │新增城镇就业5万人 │市人力资源社会│2024年12月│',
  '│    │以上              │保障局        │          │',
  '└────┴──────────────────┴──────────────┴──────────┘',
);
const LAID = lines(
  '序号   工作任务                         牵头单位           配合单位              完成时限',
  ' 1     新开工改造城镇老旧小区1200个，   市住房城乡建设局   市发展改革委、市财    2024年底前',
  '       同步推进加装电梯                                    政局',
  ' 2     新增城镇就业5万人                市人力资源社会保   各区县政府            2024年12月',
  '                                        障局',
);

const CASES: Record<string, string> = {
  'prose with a box character and bars': lines('某市2024年工作要点', '一、稳增长', '(一)推进项目建设│全年新开工项目100个。(市发改委牵头)', '(二)财政|金融协同发力,新增贷款|债券500亿元。(市财政局负责)'),
  'markdown-looking plain text (masks, #1号楼)': lines('某市2024年工作要点', '一、民生实事', '(一)为张**、李**等困难群众落实救助。(市民政局负责)', '(二)#1号楼、#2号楼完成改造。(市住建局负责)', '(三)**号地块年底前出让。(市自然资源局负责)'),
  'CRLF, tabs and full-width spaces': lines('某市2024年工作要点', '一、稳增长', '\u3000\u3000(一)推进项目建设。\t全年新开工项目100个。(市发改委牵头)', '(二)扩大消费。　社会消费品零售总额增长8%。(市商务局负责)').replace(/\n/g, '\r\n'),
  'traditional script': lines('某市2024年工作要點', '一、穩增長', '(一)推進項目建設,全年新開工項目100個。(市發改委牽頭)', '(二)擴大消費。(市商務局負責)'),
  'a drawn table with a title and notes': lines('2024年重点工作任务分工表', DRAWN, '注:各单位于每季度末报送进展。', '特此通知。'),
  'two drawn tables': lines('一、重点任务', DRAWN, '', '二、民生任务', DRAWN.replace(/市住房城乡建设│/, '市城市管理综合│').replace('│局            │', '│执法局        │'), '以上。'),
  'two drawn tables, CRLF': lines('分工表', DRAWN, '说明。', DRAWN).replace(/\n/g, '\r\n'),
  'a layout table and numbered paragraphs after it': lines('2024年重点任务分工', '', LAID, '', '一、加强组织领导。各牵头单位要会同配合单位细化工作措施，明确时间节点。', '二、强化督查考核。市政府督查室每季度通报进展。'),
  'two layout tables': lines('一、重点任务', LAID, '', '这是一段说明文字，跨过了所有的列，表格在这里结束，后面是正文的内容和要求。', LAID.replace('新增城镇就业5万人', '新增城镇就业6万人')),
  'a layout table in full-width spaces and CRLF': lines('分工表', LAID).replace(/\n/g, '\r\n'),
  'markdown with strong titles on a long line': `# 工作要点\n\n## 一、稳增长\n\n${Array.from({ length: 40 }, (_, k) => `${k + 1}. **推进第${k + 1}项工作**。全年完成投资${k + 1}亿元。(市发改委牵头)`).join(' ')}\n`,
  'an html page with a table inside a list item': htmlText(
    '<html><body><h1>某市2024年工作要点</h1><ol><li>主要任务<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr><tr><td>1</td><td>新建城市绿道50公里</td><td>市林业局</td><td>2024年底前</td></tr></table></li><li>保障措施:加强组织领导。</li></ol></body></html>',
  ),
};

describe('the readers on texts at their edges', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`keeps every span slicing its raw: ${name}`, () => {
      expect(spanProblems(text, parse(text))).toEqual([]);
    });
  }

  it('reads prose holding a box character or a bar as it is written', () => {
    expect(boxTables(CASES['prose with a box character and bars'] as string)).toBeNull();
    const plan = parse(CASES['prose with a box character and bars'] as string);
    expect(plan.items.map((i) => i.responsible.map((r) => r.raw))).toEqual([['市发改委'], ['市财政局']]);
  });

  it('does not take masks and #1号楼 for markdown', () => {
    const text = CASES['markdown-looking plain text (masks, #1号楼)'] as string;
    expect(markdownLike(normalise(text))).toBe(false);
    expect(parse(text).items.map((i) => i.responsible.map((r) => r.raw))).toEqual([['市民政局'], ['市住建局'], ['市自然资源局']]);
  });

  it('reads two drawn tables each as its rows (a repeated header once), and the text between and after them', () => {
    const text = CASES['two drawn tables'] as string;
    const out = boxTables(text)?.text.split('\n') ?? [];
    // (The second repeats the first's header: read once, as a table continued on a new page.)
    expect(out.filter((l) => /^[12]\t/.test(l))).toHaveLength(4);
    expect(out).toContain('二、民生任务');
    expect(out).toContain('以上。');
    expect(parse(text).items.flatMap((i) => i.responsible.map((r) => r.raw))).toEqual(['市住房城乡建设局', '市人力资源社会保障局', '市城市管理综合执法局', '市人力资源社会保障局']);
  });

  it('reads two layout tables in one pass, the text between them kept', () => {
    const text = CASES['two layout tables'] as string;
    const laid = layoutTable(text);
    expect(laid?.from).toHaveLength(2);
    expect(laid?.text).toContain('这是一段说明文字');
    expect(parse(text).items.map((i) => i.title)).toEqual([
      '新开工改造城镇老旧小区1200个，同步推进加装电梯',
      '新增城镇就业5万人',
      '新开工改造城镇老旧小区1200个，同步推进加装电梯',
      '新增城镇就业6万人',
    ]);
  });

  it('reads a text of thousands of small layout tables (each once, nothing lost)', () => {
    const one = lines(LAID, '这是一段说明文字，跨过了所有的列，表格在这里结束，后面是正文的内容和要求。');
    const text = Array.from({ length: 3000 }, () => one).join('\n');
    const laid = layoutTable(text);
    expect(laid?.from).toHaveLength(3000);
    expect(laid?.text.split('这是一段说明文字')).toHaveLength(3001);
  });
});
