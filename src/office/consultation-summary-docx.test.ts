import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from './consultation-report-types.js';
import { HOSTILE, SAMPLE_META, sampleRows } from './consultation-sample.js';
import { CELL_STYLES, columnWidths, summaryToDocx } from './consultation-summary-docx.js';

async function parts(buf: Buffer): Promise<Record<'document' | 'styles' | 'settings' | 'footers', string>> {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.reject(new Error(`no ${name}`));
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    footers: (await Promise.all(footerNames.map(read))).join('\n'),
  };
}

/** The XML of the style with this id. */
function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(stylesXml);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

const fonts = (name: string) =>
  new RegExp(`<w:rFonts(?=[^>]*w:ascii="${name}")(?=[^>]*w:eastAsia="${name}")(?=[^>]*w:hAnsi="${name}")[^>]*/>`);

/** The text of each table row, cell by cell (paragraphs in a cell joined by \n). */
function tableRows(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([tr]) =>
    [...tr.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([tc]) =>
      [...tc.matchAll(/<w:p>.*?<\/w:p>/gs)].map(([p]) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join('')).join('\n'),
    ),
  );
}

const unescape = (xml: string) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const ROW: SummaryRow = {
  seq: 1,
  unit: '省发展改革委',
  clause: '(二)推动城镇基本公共服务覆盖未落户常住人口',
  quote: '推动城镇基本公共服务由主要对本地户籍人口提供向对常住人口提供转变',
  opinion: '建议增加“随迁子女入学”的表述。',
  suggestion: '修改为：推动城镇基本公共服务覆盖全部常住人口',
  disposition: 'adopted',
  reason: null,
};

describe('summaryToDocx', () => {
  it('lays out A4 landscape with the GB/T 9704 margins and page numbers in 宋体 四号', async () => {
    const { document, settings, footers } = await parts(await summaryToDocx(SAMPLE_META, [ROW]));
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // 37, 26, 35, 28 mm in twips.
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    expect(footers).toMatch(fonts('宋体'));
    expect(footers).toContain('<w:sz w:val="28"/>');
    expect(footers).toContain('<w:t xml:space="preserve">— </w:t>');
    expect(footers).toContain('<w:t xml:space="preserve"> —</w:t>');
    expect(footers).toMatch(/PAGE/);
    // Odd pages on the right, even pages on the left, one character in.
    expect(footers).toMatch(/<w:ind w:right="280"\/><w:jc w:val="right"\/>/);
    expect(footers).toMatch(/<w:ind w:left="280"\/><w:jc w:val="left"\/>/);
  });

  it('can be portrait', async () => {
    const { document } = await parts(await summaryToDocx(SAMPLE_META, [ROW], { orientation: 'portrait' }));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
  });

  it('sets the title in 方正小标宋简体 二号, centred, and the body in 仿宋_GB2312 三号', async () => {
    const { document, styles } = await parts(await summaryToDocx(SAMPLE_META, [ROW]));
    const title = /<w:p>.*?<\/w:p>/s.exec(document.slice(document.indexOf('<w:body>')))?.[0] ?? '';
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toMatch(fonts('方正小标宋简体'));
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('《湖南省推进以人为核心的新型城镇化实施方案(征求意见稿)》征求意见汇总表');
    expect(document).toContain('（反馈截止日期：2021年7月21日\u3000汇总日期：2021年7月22日\u3000共1条意见）');
    // Document defaults: 仿宋_GB2312 三号.
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(fonts('仿宋_GB2312'));
    expect(defaults).toContain('<w:sz w:val="32"/>');
    // Table text in 仿宋_GB2312 小四, the header in 黑体 小四.
    expect(style(styles, CELL_STYLES.text)).toMatch(fonts('仿宋_GB2312'));
    expect(style(styles, CELL_STYLES.text)).toContain('<w:sz w:val="24"/>');
    expect(style(styles, CELL_STYLES.head)).toMatch(fonts('黑体'));
    expect(style(styles, CELL_STYLES.head)).toContain('<w:sz w:val="24"/>');
    expect(style(styles, CELL_STYLES.centred)).toContain('<w:basedOn w:val="LuoshiCell"/>');
  });

  it('writes the header row, repeated on every page, and the opinions in a fixed-width table', async () => {
    const rows: SummaryRow[] = (['adopted', 'partly_adopted', 'rejected', null] as const).map((disposition, i) => ({
      ...ROW,
      seq: i + 1,
      disposition,
      reason: disposition === 'adopted' ? null : '已在其他条款表述',
    }));
    const { document } = await parts(await summaryToDocx(SAMPLE_META, rows));
    const trs = [...document.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(trs).toHaveLength(5);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs[0]).toContain('<w:cantSplit/>');
    expect(trs.slice(1).some((tr) => tr.includes('<w:tblHeader/>') || tr.includes('<w:cantSplit/>'))).toBe(false);
    const cells = tableRows(document);
    expect(cells[0]).toEqual(['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由']);
    expect(cells[1]).toEqual(['1', ROW.unit, ROW.clause, ROW.quote, ROW.opinion, ROW.suggestion, '', '采纳', '']);
    expect(cells.slice(1).map((c) => c[7])).toEqual(['采纳', '部分采纳', '不采纳', '未处理']);
    expect(cells[2]?.[8]).toBe('已在其他条款表述');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(columnWidths('landscape'));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 1587 - 1474);
  });

  it('keeps hostile text literal: escaped in the XML, no fields, read back as written', async () => {
    const texts = Object.values(HOSTILE);
    const rows: SummaryRow[] = texts.map((text, i) => ({
      seq: i + 1,
      unit: text,
      clause: text,
      quote: text,
      opinion: `${text}\n{rId1} {{placeholder}} {4bf7547c9322fd2143bd3e8dfa84109d9d3fed14.png}`,
      suggestion: text,
      unitReason: text,
      disposition: null,
      reason: text,
    }));
    const buf = await summaryToDocx({ ...SAMPLE_META, planTitle: '<b>方案</b>&"=1+1"' }, rows);
    const { document } = await parts(buf);
    const body = document.slice(document.indexOf('<w:body>'));
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink/);
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(body).toContain('《&lt;b&gt;方案&lt;/b&gt;&amp;&quot;=1+1&quot;》征求意见汇总表');
    const cells = tableRows(document).slice(1);
    texts.forEach((text, i) => {
      const expected = text.replace(/\r\n?/g, '\n');
      for (const col of [1, 2, 3, 5, 6, 8]) expect(unescape(cells[i]?.[col] ?? '')).toBe(expected);
      expect(unescape(cells[i]?.[4] ?? '')).toBe(`${expected}\n{rId1} {{placeholder}} {4bf7547c9322fd2143bd3e8dfa84109d9d3fed14.png}`);
    });
    // Word's own reading of it (through mammoth) shows the text as it was written.
    const { value } = await mammoth.extractRawText({ buffer: buf });
    for (const text of [HOSTILE.hyperlink, HOSTILE.script, HOSTILE.entity, HOSTILE.escape, '{rId1} {{placeholder}}']) expect(value).toContain(text);
  });

  it('says so when there are no opinions', async () => {
    const { document } = await parts(await summaryToDocx(SAMPLE_META, []));
    expect(tableRows(document)).toEqual([['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由'], ['（无意见）']]);
    expect(document).toContain('共0条意见');
  });

  it('takes rows from an async iterator, in order', async () => {
    async function* rows(): AsyncGenerator<SummaryRow> {
      yield* sampleRows(5);
    }
    const cells = tableRows((await parts(await summaryToDocx(SAMPLE_META, rows()))).document);
    expect(cells.slice(1).map((c) => c[0])).toEqual(['1', '2', '3', '4', '5']);
  });
});
