/**
 * A page's ordered lists: the numbers a browser draws before their entries are no text of the page,
 * but a reader of the page sees them, and the parser reads items by them.
 */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { htmlText } from './html-text.js';
import { parsePlan } from './parse-plan.js';

describe('ordered lists of a web page', () => {
  it('write each entry\'s number as the browser draws it: decimal from start, a value attribute, letters, roman, Chinese counting; a <ul> none', () => {
    const page = `<html><body>
<ol><li>甲</li><li>乙</li></ol>
<ol start="4"><li>丙</li><li value="9">丁</li><li>戊</li></ol>
<ol type="a"><li>a1</li><li>a2</li></ol>
<ol type="I"><li>r1</li><li>r2</li><li>r3</li><li>r4</li></ol>
<ol style="list-style-type: cjk-ideographic"><li>中1</li><li>中2</li></ol>
<ol style="list-style: none"><li>无号</li></ol>
<ul><li>点</li></ul>
</body></html>`;
    expect(htmlText(page).split('\n')).toEqual(['1.甲', '2.乙', '4.丙', '9.丁', '10.戊', 'a.a1', 'b.a2', 'I.r1', 'II.r2', 'III.r3', 'IV.r4', '一、中1', '二、中2', '无号', '点']);
  });

  it('counts a nested list on its own and goes on with the outer one after it; a list inside a table cell draws no number', () => {
    const page = `<html><body><ol style="list-style-type: cjk-ideographic">
<li>重点任务<ol><li>推进甲</li><li>推进乙</li></ol></li>
<li>保障措施</li></ol>
<table><tr><td><ol><li>格内</li></ol></td><td>市财政局</td></tr></table></body></html>`;
    expect(htmlText(page).split('\n')).toEqual(['一、重点任务', '1.推进甲', '2.推进乙', '二、保障措施', '格内\t市财政局']);
  });

  it('gives the parser numbered items where the page held its numbers in the list\'s markup only', () => {
    const page = `<html><body><h1>某市2024年重点工作任务分工</h1>
<ol><li>新建城市绿道50公里。(市林业局牵头,市住建局配合)</li>
<li>完成老旧小区改造120个。(市住建局负责)</li></ol></body></html>`;
    const plan = parsePlan(htmlText(page), { resolver: hunanResolver() });
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)])).toEqual([
      ['1', '新建城市绿道50公里', ['市林业局/lead', '市住建局/cooperate']],
      ['2', '完成老旧小区改造120个', ['市住建局/lead']],
    ]);
  });
});

describe('tables of a web page with merged cells', () => {
  it('repeat a cell merged down on each row it covers and keep the columns after a cell merged across in place', () => {
    const page = `<html><body><table>
<tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th></tr>
<tr><th>牵头</th><th>配合</th></tr>
<tr><td>1</td><td>新建城市绿道50公里</td><td rowspan="2">市住建局</td><td>市林业局</td><td>2024年底前</td></tr>
<tr><td>2</td><td>完成老旧小区改造120个</td><td>各区县政府</td><td>2024年10月底前</td></tr>
<tr><td colspan="5">二、民生保障</td></tr>
<tr><td>3</td><td>新增城镇就业3万人</td><td>市人社局</td><td></td><td rowspan="9999">长期坚持</td></tr>
</table></body></html>`;
    expect(htmlText(page).split('\n')).toEqual([
      '序号\t工作任务\t责任单位\t\t完成时限',
      '序号\t工作任务\t牵头\t配合\t完成时限',
      '1\t新建城市绿道50公里\t市住建局\t市林业局\t2024年底前',
      '2\t完成老旧小区改造120个\t市住建局\t各区县政府\t2024年10月底前',
      '二、民生保障\t\t\t\t',
      '3\t新增城镇就业3万人\t市人社局\t\t长期坚持',
    ]);
    const plan = parsePlan(htmlText(page), { resolver: hunanResolver() });
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.schedule?.raw])).toEqual([
      ['1', '新建城市绿道50公里', ['市住建局/lead', '市林业局/cooperate'], '2024年底前'],
      ['2', '完成老旧小区改造120个', ['市住建局/lead', '各区县政府/localities'], '2024年10月底前'],
      ['3', '新增城镇就业3万人', ['市人社局/lead'], '长期坚持'],
    ]);
  });

  it('does not repeat a long cell merged down (a hostile page cannot multiply its text)', () => {
    const long = '长'.repeat(5000);
    const rows = Array.from({ length: 300 }, (_, k) => `<tr><td>${k + 2}</td></tr>`).join('');
    const text = htmlText(`<html><body><table><tr><td>1</td><td rowspan="1000">${long}</td></tr>${rows}</table></body></html>`);
    expect(text.length).toBeLessThan(long.length + 4000);
    expect(text.split('\n')[1]).toBe('2\t');
  });

  it('keeps what many cells merged down and across add to a small multiple of the page, every cell read once', () => {
    const cells = Array.from({ length: 20 }, (_, k) => `<td rowspan="1000" colspan="64">单元${k}${'字'.repeat(190)}</td>`).join('');
    const page = `<html><body><table><tr>${cells}</tr>${'<tr></tr>'.repeat(4000)}<tr><td>最后一行</td></tr></table></body></html>`;
    const text = htmlText(page);
    expect(text.length).toBeLessThan(2 * page.length + 70000);
    for (let k = 0; k < 20; k++) expect(text).toContain(`单元${k}`);
    expect(text).toContain('最后一行');
  });

  it('reads a page nesting lists thousands deep, and one closing tags it never opened, to their end', () => {
    const deep = `<html><body>${'<ol><li>项'.repeat(5000)}末项</body></html>`;
    const text = htmlText(deep);
    expect(text.split('\n')).toHaveLength(5000);
    expect(text.endsWith('项末项')).toBe(true);
    const stray = `<html><body>${'<div>'.repeat(3000)}正文${'</span>'.repeat(3000)}结尾</body></html>`;
    expect(htmlText(stray)).toBe('正文结尾');
  });

  it('reads a table inside a list entry as its rows', () => {
    const page = `<html><body><ol><li>主要任务<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>新建绿道50公里</td><td>市林业局</td></tr></table></li><li>保障措施</li></ol></body></html>`;
    expect(htmlText(page).split('\n')).toEqual(['1.主要任务', '序号\t工作任务\t责任单位', '1\t新建绿道50公里\t市林业局', '2.保障措施']);
  });
});
