/** Division tables aligned by spaces whose cells wrap over lines (layout-table.ts): a PDF converted keeping its layout. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { layoutTable, originalSpan } from './layout-table.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
const rows = (text: string) =>
  parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw), i.schedule?.raw]);

/** Lines of a table, each one string (leading space kept). */
const lines = (...ls: string[]): string => ls.join('\n');

// Measured in display width: a Chinese character two columns, an ASCII one one.
const DISPLAY = lines(
  '                         2024年重点工作任务分工表',
  '',
  ' 序号   工作任务                         牵头单位           配合单位              完成时限',
  '  1     新开工改造城镇老旧小区1200个，   市住房城乡建设局   市发展改革委、市财    2024年底前',
  '        同步推进加装电梯                                    政局',
  '  2     新增城镇就业5万人以上            市人力资源社会保   各区县政府            2024年12月',
  '                                         障局',
  '  3     空气质量优良天数比率达到85%      市生态环境局       市公安局、市交通运    长期坚持',
  '        左右                                                输局',
);

const EXPECTED_DISPLAY = [
  ['1', '新开工改造城镇老旧小区1200个，同步推进加装电梯', ['市住房城乡建设局/lead', '市发展改革委/cooperate', '市财政局/cooperate'], ['1200个'], '2024年底前'],
  ['2', '新增城镇就业5万人以上', ['市人力资源社会保障局/lead', '各区县政府/localities'], ['5万人'], '2024年12月'],
  ['3', '空气质量优良天数比率达到85%左右', ['市生态环境局/lead', '市公安局/cooperate', '市交通运输局/cooperate'], ['85%'], '长期坚持'],
];

describe('a table aligned by spaces whose cells wrap over lines', () => {
  it('joins each column’s pieces across a row’s lines (display width)', () => {
    expect(rows(DISPLAY)).toEqual(EXPECTED_DISPLAY);
  });

  it('keeps exact spans for a fact on one line, and spans a joined one from its first character to its last', () => {
    const plan = parse(DISPLAY);
    const unit = (raw: string) => plan.items.flatMap((i) => i.responsible).find((r) => r.raw === raw);
    const lead = unit('市住房城乡建设局');
    expect(DISPLAY.slice(lead?.span[0], lead?.span[1])).toBe('市住房城乡建设局');
    const developer = unit('市发展改革委');
    expect(DISPLAY.slice(developer?.span[0], developer?.span[1])).toBe('市发展改革委');
    // 市财 ⏎ 政局: from 市 on the row's first line to 局 on its second.
    const finance = unit('市财政局');
    expect(finance?.span[0]).toBe(DISPLAY.indexOf('市财    2024'));
    expect(finance?.span[1]).toBe(DISPLAY.indexOf('政局') + 2);
    const schedule = plan.items[0]?.schedule;
    expect(DISPLAY.slice(schedule?.span[0], schedule?.span[1])).toBe('2024年底前');
    const target = plan.items[1]?.targets[0];
    expect(DISPLAY.slice(target?.span[0], target?.span[1])).toBe('5万人');
    // The row's item runs over its lines.
    expect(plan.items[0]?.span[1]).toBe(DISPLAY.indexOf('政局') + 2);
    expect(spanProblems(DISPLAY, plan)).toEqual([]);
  });

  it('reads the same table where every character counts one column (pdftotext’s layout mode)', () => {
    const text = lines(
      '2024年重点工作任务分工表',
      '',
      ' 序号  工作任务             牵头单位      配合单位        完成时限',
      '  1    新开工改造城镇老旧小区1200个，  市住房城乡建设局  市发展改革委、市财  2024年底前',
      '       同步推进加装电梯                       政局',
      '  2    新增城镇就业5万人以上    市人力资源社会保  各区县政府      2024年12月',
      '                        障局',
      '  3    空气质量优良天数比率达到85%   市生态环境局    市公安局、市交通运  长期坚持',
      '       左右                             输局',
    );
    // (In characters the columns start at 1, 7, 28, 42, 58.)
    expect(rows(text)).toEqual(EXPECTED_DISPLAY);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a header broken over two lines, a group line between rows and a page’s number line', () => {
    const text = lines(
      '某县2025年重点工作任务分解表',
      '',
      ' 序号   工作任务                     牵头       配合单位           完成',
      '                                     单位                          时限',
      ' 一、稳增长',
      '  1     全县生产总值增长6%左右       县发改局   县统计局           2025年12月',
      '  2     新增规上工业企业30家，完成   县工信局   县财政局、县市场   2025年底前',
      '        技术改造项目20个                        监管局',
      '                             — 3 —',
      ' 二、惠民生',
      '  3     新增城镇就业3000人           县人社局   各乡镇人民政府     2025年12月',
    );
    expect(rows(text)).toEqual([
      ['1', '全县生产总值增长6%左右', ['县发改局/lead', '县统计局/cooperate'], ['6%'], '2025年12月'],
      ['2', '新增规上工业企业30家，完成技术改造项目20个', ['县工信局/lead', '县财政局/cooperate', '县市场监管局/cooperate'], ['30家', '20个'], '2025年底前'],
      ['3', '新增城镇就业3000人', ['县人社局/lead', '各乡镇人民政府/localities'], ['3000人'], '2025年12月'],
    ]);
    const laid = layoutTable(text);
    expect(laid?.text.split('\n').slice(2, 7)).toEqual([
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '一、稳增长',
      '1\t全县生产总值增长6%左右\t县发改局\t县统计局\t2025年12月',
      '2\t新增规上工业企业30家，完成技术改造项目20个\t县工信局\t县财政局、县市场监管局\t2025年底前',
      '二、惠民生',
    ]);
  });

  it('ends the table where ordinary paragraphs resume', () => {
    const text = lines(
      DISPLAY,
      '',
      '    各牵头单位要会同配合单位细化工作措施，明确时间节点，每季度末将进展情况报送市政府督查室。',
    );
    expect(rows(text)).toEqual(EXPECTED_DISPLAY);
    const laid = layoutTable(text);
    expect(laid?.text.endsWith('\n\n    各牵头单位要会同配合单位细化工作措施，明确时间节点，每季度末将进展情况报送市政府督查室。')).toBe(true);
  });

  it('reads a header centred over its columns by the blank strips down the rows', () => {
    const text = lines(
      '2025年工作要点任务分解表',
      '',
      ' 序号           工作任务                牵头单位        配合单位         完成时限',
      '  1   推进城市更新行动，改造老旧小区   市住建局     市财政局、市自然   2025年底前',
      '      80个                                          资源局',
      '  2   建设5G基站1500个                 市工信局     市通信管理办公     2025年9月底',
      '                                                    室',
    );
    expect(rows(text)).toEqual([
      ['1', '推进城市更新行动，改造老旧小区80个', ['市住建局/lead', '市财政局/cooperate', '市自然资源局/cooperate'], ['80个'], '2025年底前'],
      ['2', '建设5G基站1500个', ['市工信局/lead', '市通信管理办公室/cooperate'], ['1500个'], '2025年9月底'],
    ]);
  });

  it('starts a row of a table with no number column where all its columns but one start afresh', () => {
    const text = lines(
      '2025年重点任务分工',
      '',
      '工作任务                          牵头单位         配合单位            完成时限',
      '推进城市更新行动，改造老旧小区    市住建局         市财政局、市自然    2025年底前',
      '80个                                               资源局',
      '建设5G基站1500个                  市工信局         市通信管理办公      2025年9月底',
      '                                                   室',
    );
    expect(rows(text).map((r) => r.slice(1, 3))).toEqual([
      ['推进城市更新行动，改造老旧小区80个', ['市住建局/lead', '市财政局/cooperate', '市自然资源局/cooperate']],
      ['建设5G基站1500个', ['市工信局/lead', '市通信管理办公室/cooperate']],
    ]);
  });

  it('joins two ASCII words with a space, Chinese pieces with nothing; reads CRLF lines', () => {
    const text = lines(
      '序号   工作任务                 牵头单位     完成时限',
      ' 1     上线ERP                  市大数据局   2025年底前',
      '       system，覆盖100%部门',
    ).replace(/\n/g, '\r\n');
    const laid = layoutTable(text);
    expect(laid?.text.split('\n')[1]).toBe('1\t上线ERP system，覆盖100%部门\t市大数据局\t2025年底前');
    expect(parse(text).items[0]?.title).toBe('上线ERP system，覆盖100%部门');
  });

  it('reads a long table whose rows wrap to its end', () => {
    const rowLines = Array.from({ length: 300 }, (_, k) => [
      `${String(k + 1).padStart(3)}    推进第${String(k + 1).padStart(3, '0')}项重点工作，   市发展改革委   市统计局、市财    2025年底前`,
      '       完成年度目标                                   政局',
    ]).flat();
    const text = lines(' 序号   工作任务                     牵头单位       配合单位          完成时限', ...rowLines);
    const plan = parse(text);
    expect(plan.items).toHaveLength(300);
    expect(plan.items[299]?.title).toBe('推进第300项重点工作，完成年度目标');
    expect(plan.items[299]?.responsible.map((r) => r.raw)).toEqual(['市发展改革委', '市统计局', '市财政局']);
  });

  it('leaves a table whose every row is one line to the table readers', () => {
    const text = lines(
      '序号  工作任务                牵头单位    完成时限',
      '1     新建城市绿道50公里      市林业局    6月底前',
      '2     新增停车位1000个        市城管局    年底前',
    );
    expect(layoutTable(text)).toBeNull();
    expect(rows(text).map((r) => r[2])).toEqual([['市林业局/lead'], ['市城管局/lead']]);
  });

  it('finds nothing in a text without a spaced header', () => {
    expect(layoutTable('一、总体要求\n坚持稳中求进。\n(一)推进改革。牵头单位:市发改委  配合单位:市财政局')).toBeNull();
  });

  it('maps an offset of the text after the table back by the table’s change in length', () => {
    const text = lines(DISPLAY, '', '特此通知。');
    const laid = layoutTable(text);
    if (!laid) throw new Error('no table');
    const at = laid.text.indexOf('特此通知');
    expect(originalSpan(laid, [at, at + 4])).toEqual([text.indexOf('特此通知'), text.indexOf('特此通知') + 4]);
  });
});
