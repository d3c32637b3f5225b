/**
 * The page and type of an official document (党政机关公文格式, GB/T 9704-2012), as the `docx`
 * package writes them: A4, margins 37/35/28/26 mm (top/bottom/left/right), title in
 * 方正小标宋简体 二号, body in 仿宋_GB2312 三号, first-level headings in 黑体, and page numbers
 * "— 1 —" in 宋体 四号 below the type area, odd pages on the right and even pages on the left,
 * each one character in from the edge.
 *
 * Fonts are named, not embedded: Word substitutes a font it does not have (see
 * docs/office-fonts.md). Every run names the font for East Asian and for Latin text alike.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, PageOrientation, Paragraph, Tab, TextRun } from 'docx';
import type { IParagraphStyleOptions, IPropertiesOptions, IRunOptions, ISectionPropertiesOptions } from 'docx';
import { cleanText } from './consultation-text.js';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  pageNumber: '宋体',
} as const;

/** Chinese type sizes in half-points (w:sz): 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZES = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);

export const A4 = { width: mm(210), height: mm(297) } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** GB/T 9704 7.5: the page number's dashes sit 7 mm below the type area. */
const PAGE_NUMBER_GAP_MM = 7;
/** One line of 四号 at exactly its size, in mm. */
const PAGE_NUMBER_LINE_MM = (SIZES.sihao / 2) * (25.4 / 72);

/** The body's line pitch: 22 lines in the 225 mm type area (28.95 pt). */
export const BODY_LINE = 579;

/** The full-width (ideographic) space that separates items on one line. */
export const WIDE_SPACE = '\u3000';

export type Orientation = 'portrait' | 'landscape';

/** Width of the type area in twips. */
export function textWidth(orientation: Orientation): number {
  const page = orientation === 'landscape' ? A4.height : A4.width;
  return page - mm(MARGINS_MM.left) - mm(MARGINS_MM.right);
}

export function fontOf(name: string): NonNullable<IRunOptions['font']> {
  // hint eastAsia: quotation marks and dashes are set as Chinese (full-width) characters.
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

/** Page size, margins and footer distance for a section; margins are as the page is read. */
export function pageProperties(orientation: Orientation): ISectionPropertiesOptions {
  return {
    page: {
      // docx swaps width and height itself for a landscape page.
      size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: {
        top: mm(MARGINS_MM.top),
        bottom: mm(MARGINS_MM.bottom),
        left: mm(MARGINS_MM.left),
        right: mm(MARGINS_MM.right),
        header: mm(15),
        // The footer's one line ends this far above the page's edge, so that its top is 7 mm
        // below the type area.
        footer: mm(MARGINS_MM.bottom - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_LINE_MM),
      },
    },
  };
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZES.sihao * 10; // one 四号 character in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { before: 0, after: 0, line: oneChar, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(FONTS.pageNumber), size: SIZES.sihao }),
        ],
      }),
    ],
  });
}

/** Odd pages numbered on the right, even pages on the left (needs evenAndOddHeaderAndFooters). */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

/**
 * The runs for a piece of user text: cleaned for XML, tabs as tab characters and line breaks
 * as breaks. Markup and formula-like text stay literal: docx escapes < > & " in the XML.
 */
export function textRuns(text: string, style: Omit<IRunOptions, 'text' | 'children' | 'break'>): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part !== '') children.push(part);
      });
      return new TextRun({ ...style, ...(i > 0 ? { break: 1 } : {}), children });
    });
}

/** Lines of user text, one per paragraph (an empty text gives one empty line). */
export function linesOf(text: string | null): string[] {
  return cleanText(text ?? '').split('\n');
}

/** A rough width of a line of text in characters: CJK and full-width count 1, the rest ½. */
export function charWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c <= 0xff || (c >= 0xff61 && c <= 0xff9f) ? 0.5 : 1;
  }
  return n;
}

/** The settings every document here shares: default font and size, language, properties. */
export function documentDefaults(
  title: string,
  paragraphStyles: readonly IParagraphStyleOptions[] = [],
): Pick<IPropertiesOptions, 'creator' | 'title' | 'lastModifiedBy' | 'styles' | 'evenAndOddHeaderAndFooters'> {
  return {
    creator: 'luoshi',
    lastModifiedBy: 'luoshi',
    title: cleanText(title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf(FONTS.body), size: SIZES.sanhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles,
    },
  };
}
