/**
 * The 意见汇总表 as a Word document laid out as an official document (GB/T 9704): the title in
 * 方正小标宋简体 二号, a line of dates in 仿宋_GB2312 三号, then the table in 仿宋_GB2312 小四 with
 * its header row in 黑体 repeated on every page, and page numbers "— 1 —" in 宋体 四号.
 *
 * A4 landscape by default: eight columns of Chinese text need the 243 mm of a landscape type
 * area (the 156 mm of a portrait one leaves the text columns four or five characters wide).
 * Margins are GB/T 9704's 37/35/28/26 mm (top/bottom/left/right) as the page is read either way.
 *
 * The docx package builds the whole document in memory; unlike the xlsx writer this one does
 * grow with the number of rows.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { IParagraphStyleOptions } from 'docx';
import {
  BODY_LINE,
  FONTS,
  documentDefaults,
  SIZES,
  fontOf,
  linesOf,
  pageNumberFooters,
  pageProperties,
  textRuns,
  textWidth,
  WIDE_SPACE,
} from './consultation-docx.js';
import type { Orientation } from './consultation-docx.js';
import type { ReportMeta, SummaryRow } from './consultation-report-types.js';
import { SUMMARY_COLUMNS, chineseDate, chineseDateOf, rowDisposition, summaryTitle } from './consultation-text.js';

export interface SummaryDocxOptions {
  /** landscape (the default) or portrait. */
  orientation?: Orientation;
}

type ColumnKey = (typeof SUMMARY_COLUMNS)[number]['key'];

const CELL_FONT_SIZE = SIZES.xiaosi;
const CHAR = CELL_FONT_SIZE * 10; // one 小四 character in twips
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };
/** Columns sized to their content (in characters); the rest share what is left by weight. */
const FIXED_CHARS: Partial<Record<ColumnKey, number>> = { seq: 3, disposition: 4.5 };
const CENTRED: ReadonlySet<ColumnKey> = new Set(['seq', 'disposition']);

/**
 * Cell text takes its font, size and spacing from paragraph styles rather than from each run:
 * a table of thousands of cells is several times quicker to build and smaller this way.
 */
export const CELL_STYLES = { text: 'LuoshiCell', centred: 'LuoshiCellCentred', head: 'LuoshiHead' } as const;
const CELL_SPACING = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: CELL_STYLES.text,
    name: '汇总表正文',
    basedOn: 'Normal',
    run: { font: fontOf(FONTS.body), size: CELL_FONT_SIZE },
    paragraph: { alignment: AlignmentType.LEFT, spacing: CELL_SPACING },
  },
  {
    id: CELL_STYLES.centred,
    name: '汇总表正文居中',
    basedOn: CELL_STYLES.text,
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: CELL_STYLES.head,
    name: '汇总表表头',
    basedOn: 'Normal',
    run: { font: fontOf(FONTS.heading), size: CELL_FONT_SIZE },
    paragraph: { alignment: AlignmentType.CENTER, spacing: CELL_SPACING, keepNext: true },
  },
];

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** Column widths in twips, summing to the type area's width. */
export function columnWidths(orientation: Orientation): number[] {
  const total = textWidth(orientation);
  const fixed = (key: ColumnKey) => {
    const chars = FIXED_CHARS[key];
    return chars === undefined ? null : Math.round(chars * CHAR) + CELL_MARGIN.left + CELL_MARGIN.right;
  };
  const fixedTotal = SUMMARY_COLUMNS.reduce((n, c) => n + (fixed(c.key) ?? 0), 0);
  const weights = SUMMARY_COLUMNS.reduce((n, c) => n + (fixed(c.key) === null ? c.chars : 0), 0);
  const widths = SUMMARY_COLUMNS.map((c) => fixed(c.key) ?? Math.floor(((total - fixedTotal) * c.chars) / weights));
  // Rounding leftovers go to the widest column, so the table fills the type area exactly.
  const opinion = SUMMARY_COLUMNS.findIndex((c) => c.key === 'opinion');
  widths[opinion] = (widths[opinion] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(text: string | null, width: number, style: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: linesOf(text).map((l) => new Paragraph({ style, children: l === '' ? [] : textRuns(l, {}) })),
  });
}

function headerRow(widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: SUMMARY_COLUMNS.map((c, i) => cell(c.label, widths[i] ?? 0, CELL_STYLES.head)),
  });
}

function bodyRow(r: SummaryRow, widths: readonly number[]): TableRow {
  const values: Record<ColumnKey, string | null> = {
    seq: String(r.seq),
    unit: r.unit,
    clause: r.clause,
    quote: r.quote,
    opinion: r.opinion,
    suggestion: r.suggestion,
    unitReason: r.unitReason ?? null,
    disposition: rowDisposition(r),
    reason: r.reason,
  };
  // Rows may break across pages: one long opinion must not push a whole page of white.
  return new TableRow({
    children: SUMMARY_COLUMNS.map((c, i) => cell(values[c.key], widths[i] ?? 0, CENTRED.has(c.key) ? CELL_STYLES.centred : CELL_STYLES.text)),
  });
}

function noOpinionsRow(widths: readonly number[]): TableRow {
  return new TableRow({
    children: [
      new TableCell({
        columnSpan: SUMMARY_COLUMNS.length,
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        children: [new Paragraph({ style: CELL_STYLES.centred, children: textRuns('（无意见）', {}) })],
      }),
    ],
  });
}

/** The title and the line of dates under it. */
function heading(meta: ReportMeta, count: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: textRuns(summaryTitle(meta), { font: fontOf(FONTS.title), size: SIZES.erhao }),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: Math.round(BODY_LINE / 2), line: BODY_LINE, lineRule: LineRuleType.EXACT },
      children: textRuns(
        `（反馈截止日期：${chineseDate(meta.deadline)}${WIDE_SPACE}汇总日期：${chineseDateOf(meta.generatedAt)}${WIDE_SPACE}共${count}条意见）`,
        { font: fontOf(FONTS.body), size: SIZES.sanhao },
      ),
    }),
  ];
}

/** The 意见汇总表 as a .docx file. Rows are printed in the order given. */
export async function summaryToDocx(
  meta: ReportMeta,
  rows: Iterable<SummaryRow> | AsyncIterable<SummaryRow>,
  options: SummaryDocxOptions = {},
): Promise<Buffer> {
  const orientation = options.orientation ?? 'landscape';
  const widths = columnWidths(orientation);
  const tableRows = [headerRow(widths)];
  for await (const r of rows) tableRows.push(bodyRow(r, widths));
  const count = tableRows.length - 1;
  if (count === 0) tableRows.push(noOpinionsRow(widths));

  const doc = new Document({
    ...documentDefaults(summaryTitle(meta), PARAGRAPH_STYLES),
    sections: [
      {
        properties: pageProperties(orientation),
        footers: pageNumberFooters(),
        children: [
          ...heading(meta, count),
          new Table({
            width: { size: textWidth(orientation), type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            margins: CELL_MARGIN,
            alignment: AlignmentType.CENTER,
            borders: BORDERS,
            rows: tableRows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
