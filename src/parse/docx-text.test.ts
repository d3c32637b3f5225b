/** Word's automatic numbering in a .docx (docx-numbering.ts): written into the text, then parsed. */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { decodeDocument } from './decode.js';
import { chineseCount, formatCounter, prepareDocx } from './docx-text.js';
import { parsePlan } from './parse-plan.js';

const level = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level, format, text, alignment: AlignmentType.LEFT });

/** A plan typed in Word: 一、 (一) 1. drawn by a three-level list, and a table whose 序号 cells Word numbers. */
async function wordPlan(): Promise<Buffer> {
  const outline = (text: string, lvl: number) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'outline', level: lvl } });
  const cell = (text: string, numbered = false) =>
    new TableCell({ children: [numbered ? new Paragraph({ children: [], numbering: { reference: 'rows', level: 0 } }) : new Paragraph(text)] });
  const row = (cells: string[], numbered: boolean) => new TableRow({ children: cells.map((c, k) => cell(c, numbered && k === 0)) });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'outline', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '(%2)'), level(2, LevelFormat.DECIMAL, '%3.')] },
        { reference: 'rows', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('某县2024年重点工作任务分解方案'),
          outline('经济发展', 0),
          outline('扩大有效投资', 1),
          outline('完成固定资产投资100亿元。(县发改局牵头)', 2),
          outline('新增城镇就业3000人。(县人社局牵头,县财政局配合)', 2),
          outline('优化营商环境', 1),
          outline('新登记市场主体2000户。(县市场监管局负责)', 2),
          outline('社会事业', 0),
          outline('办好教育', 1),
          outline('新建幼儿园3所。(县教育局负责)', 2),
          new Paragraph('附件'),
          new Table({
            rows: [
              row(['序号', '工作任务', '牵头单位', '配合单位', '完成时限'], false),
              row(['', '建设污水处理厂一座。', '县住建局', '县财政局', '12月底前'], true),
              row(['', '改造农村公路50公里。', '县交通局', '县财政局', '10月底前'], true),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("Word's automatic numbering", () => {
  it('draws counters as Word does: Chinese counting, circled, full-width, letters and roman', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map(chineseCount)).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('\uff11\uff12');
    expect(formatCounter(28, 'lowerLetter')).toBe('ab');
    expect(formatCounter(14, 'upperRoman')).toBe('XIV');
    expect(formatCounter(2, 'ideographTraditional')).toBe('乙');
  });

  it('writes the numbers of a three-level list into the text, restarting below each higher level, and the bare numbers of a 序号 column', async () => {
    const { text, encoding } = await decodeDocument(await wordPlan());
    expect(encoding).toBe('docx');
    expect(text.split('\n').slice(0, 10)).toEqual([
      '某县2024年重点工作任务分解方案',
      '一、经济发展',
      '(一)扩大有效投资',
      '1.完成固定资产投资100亿元。(县发改局牵头)',
      '2.新增城镇就业3000人。(县人社局牵头,县财政局配合)',
      '(二)优化营商环境',
      '1.新登记市场主体2000户。(县市场监管局负责)',
      '二、社会事业',
      '(一)办好教育',
      '1.新建幼儿园3所。(县教育局负责)',
    ]);
    expect(text).toContain('\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t建设污水处理厂一座。\t县住建局\t县财政局\t12月底前\n2\t');
  });

  it('gives the parser numbered items where the paragraphs held no number', async () => {
    const { text } = await decodeDocument(await wordPlan());
    const before = text.slice(0, text.indexOf('附件'));
    const plan = parsePlan(before, { resolver: hunanResolver() });
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)])).toEqual([
      ['1', '完成固定资产投资100亿元', ['县发改局/lead']],
      ['2', '新增城镇就业3000人', ['县人社局/lead', '县财政局/cooperate']],
      ['1', '新登记市场主体2000户', ['县市场监管局/lead']],
      ['1', '新建幼儿园3所', ['县教育局/lead']],
    ]);
  });

  it('reads a table row by row: a cell of two paragraphs, a cell merged down over two rows, a group row merged across', async () => {
    const cell = (t: string | string[], o: object = {}) => new TableCell({ children: (Array.isArray(t) ? t : [t]).map((x) => new Paragraph(x)), ...o });
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('序号'), cell('重点任务'), cell('牵头单位'), cell('配合单位'), cell('完成时限')] }),
        new TableRow({ children: [cell('一、稳住经济大盘', { columnSpan: 5 })] }),
        new TableRow({ children: [cell('1'), cell('地区生产总值增长6%左右。'), cell('市发展改革委', { rowSpan: 2 }), cell(['市统计局', '各区县政府']), cell('2024年12月底')] }),
        new TableRow({ children: [cell('2'), cell('固定资产投资增长8%。'), cell(''), cell('2024年12月底')] }),
        new TableRow({ children: [cell('3'), cell('城镇新增就业5万人。'), cell('市人力资源社会保障局'), cell(''), cell('长期坚持')] }),
      ],
    });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('2024年重点任务分工表'), table] }] }));
    const { text } = await decodeDocument(bytes);
    expect(text.split('\n').slice(1, 6)).toEqual([
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '一、稳住经济大盘\t\t\t\t',
      '1\t地区生产总值增长6%左右。\t市发展改革委\t市统计局 各区县政府\t2024年12月底',
      '2\t固定资产投资增长8%。\t市发展改革委\t\t2024年12月底',
      '3\t城镇新增就业5万人。\t市人力资源社会保障局\t\t长期坚持',
    ]);
    const plan = parsePlan(text, { resolver: hunanResolver() });
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.schedule?.raw])).toEqual([
      ['1', '地区生产总值增长6%左右', ['市发展改革委/lead', '市统计局/cooperate', '各区县政府/localities'], '2024年12月底'],
      ['2', '固定资产投资增长8%', ['市发展改革委/lead'], '2024年12月底'],
      ['3', '城镇新增就业5万人', ['市人力资源社会保障局/lead'], '长期坚持'],
    ]);
  });

  it('repeats a short cell merged down on each row it covers, but leaves a long one in its first row (a hostile table cannot multiply it)', async () => {
    const cell = (t: string, o: object = {}) => new TableCell({ children: [new Paragraph(t)], ...o });
    const long = '长'.repeat(500);
    const rows = [new TableRow({ children: [cell('序号'), cell('工作任务'), cell('牵头单位')] })];
    rows.push(new TableRow({ children: [cell('1'), cell(long, { rowSpan: 40 }), cell('市财政局', { rowSpan: 40 })] }));
    for (let k = 2; k <= 40; k++) rows.push(new TableRow({ children: [cell(String(k))] }));
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows })] }] }));
    const { text } = await decodeDocument(bytes);
    expect(text.length).toBeLessThan(long.length + 40 * 20);
    expect(text.split('\n').filter((l) => l.includes('市财政局'))).toHaveLength(40);
    expect(text.split('\n').filter((l) => l.includes(long))).toHaveLength(1);
  });

  it('still reads a document whose numbering part is broken: its text comes through, without the numbers', async () => {
    const zip = await JSZip.loadAsync(await wordPlan());
    zip.file('word/numbering.xml', '<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl');
    const { text } = await decodeDocument(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(text).toContain('完成固定资产投资100亿元。(县发改局牵头)');
    expect(text).toContain('\t建设污水处理厂一座。\t县住建局\t');
  });

  it('returns a document without numbering or tables, and bytes that are no zip, unchanged', async () => {
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一、总体要求')] }] }));
    const zip = await JSZip.loadAsync(plain);
    zip.remove('word/numbering.xml');
    const without = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await prepareDocx(without)).toBe(without);
    const junk = Buffer.from('PK\u0003\u0004 not really a zip');
    expect(await prepareDocx(junk)).toBe(junk);
  });
});
