/**
 * A web page saved as .html → the text its reader sees, for the parser. Offices often keep a plan as
 * the page it was published on (File › Save as): the text is read from the page's tags, not taken
 * with them. Paragraphs, headings, list entries and line breaks end lines (an ordered list's entry
 * starts with the number a browser draws before it: 1., a., iv., 一、); a table's row is one line
 * with its cells separated by tabs, as the table readers expect of a table copied from a spreadsheet
 * (a cell merged down repeated on each row it covers, one merged across followed by empty cells);
 * scripts, styles and the page's head are left out; entities are decoded; runs of spaces and line
 * breaks inside a paragraph read as one space, as a browser shows them (none for a line break
 * between Chinese characters; inside <pre> they are kept).
 * Streamed through htmlparser2: memory holds the current line and the lines already read.
 */
import { Parser, type Handler } from 'htmlparser2';
import { formatCounter } from './docx-text.js';
import { MAX_REPEATED_CELL } from '../model/table-limits.js';

/** Elements whose content is no text of the page. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'textarea']);
/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'thead', 'tfoot', 'ul',
]);
const CELLS = new Set(['td', 'th']);
/** Spaces a browser collapses (the ideographic space U+3000 is text, and is kept). */
const COLLAPSED_RE = /[ \t\n\r\f\u00a0]+/g;

/** A line break in a paragraph's source between two Chinese characters: no space where it stood. */
const CJK_BREAK_RE = /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\r\f\u00a0]*\n[ \t\n\r\f\u00a0]*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g;

/** Text as a browser shows it: a source line break between Chinese characters is gone, other runs of spaces are one. */
function collapsed(text: string): string {
  return text.replace(CJK_BREAK_RE, '').replace(COLLAPSED_RE, ' ');
}

/** Whether decoded text is an HTML page: it opens with a doctype or an html, head or body tag. */
export function isHtml(text: string): boolean {
  return HTML_START_RE.test(text.slice(0, 4096));
}
const HTML_START_RE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/** A list's counter: its style and the value of its last entry (null for an unordered list). */
interface ListCounter {
  style: string;
  value: number;
}

/** Most nested lists counted (deeper ones read without numbers). */
const MAX_LIST_DEPTH = 32;

/** The list style an <ol> shows: its type attribute, or a CSS list-style(-type) of Chinese counting. */
function listStyle(attributes: Record<string, string>): string {
  const css = /list-style(?:-type)?\s*:\s*([a-z-]+)/i.exec(attributes.style ?? '')?.[1]?.toLowerCase();
  if (css && css !== 'none' && css !== 'inherit' && css !== 'initial') return css;
  if (css === 'none') return 'none';
  const type = attributes.type ?? '1';
  return type === 'a' ? 'lower-alpha' : type === 'A' ? 'upper-alpha' : type === 'i' ? 'lower-roman' : type === 'I' ? 'upper-roman' : 'decimal';
}

/** Elements open at once past which the page is read on by a new parser (see htmlText). */
const MAX_DEPTH = 512;
/** Characters written to the parser at a time (then up to the next tag). */
const WRITE_CHUNK = 65536;

/** Largest rowspan and colspan honoured (a hostile page cannot make a row of a million cells). */
const MAX_ROW_SPAN = 1000;
const MAX_COL_SPAN = 64;
/** Characters the merges may add beyond the page's own length (see htmlText's `extra`). */
const MAX_EXTRA = 65536;

/** A rowspan or colspan attribute as a count of rows or columns, 1 when absent or not a number. */
function spanOf(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, max) : 1;
}

/** The number a browser draws before an ordered list's entry, as text (1. a. iv. 一、), or '' for none. */
function listMarker(style: string, n: number): string {
  if (style === 'none') return '';
  if (CHINESE_STYLES.has(style)) return `${formatCounter(n, 'chineseCounting')}、`;
  return `${formatCounter(n, WORD_FORMAT[style] ?? 'decimal')}.`;
}

/** CSS list styles that count in Chinese, drawn 一、 as a Chinese document numbers its points. */
const CHINESE_STYLES = new Set(['cjk-ideographic', 'cjk-decimal', 'simp-chinese-informal', 'simp-chinese-formal', 'trad-chinese-informal', 'trad-chinese-formal']);
/** CSS list styles by the name of Word's number format that draws them (docx-text's formatCounter). */
const WORD_FORMAT: Record<string, string> = {
  'lower-alpha': 'lowerLetter',
  'lower-latin': 'lowerLetter',
  'upper-alpha': 'upperLetter',
  'upper-latin': 'upperLetter',
  'lower-roman': 'lowerRoman',
  'upper-roman': 'upperRoman',
};

export function htmlText(html: string): string {
  const lines: string[] = [];
  let line = '';
  /** The row's cells while a table row is read (null outside one), and the cell being read. */
  let row: string[] | null = null;
  let cell: string | null = null;
  /** The open cell's spans (rowspan, colspan). */
  let cellSpan: [number, number] = [1, 1];
  /**
   * Per column, a cell merged down from a row above: its text and how many rows more it covers. A
   * merged cell is written once in the page and absent from the rows under it, which would shift
   * every cell after it; its text is repeated on each row it covers instead (as plan-xlsx.ts and
   * docx-text.ts do with merges), and a cell merged across leaves the columns it covers empty.
   */
  let carried: { text: string; rows: number }[] = [];
  /**
   * Characters the merges may still add (cells repeated down, empty cells kept across): a hostile
   * page of cells merged over a thousand rows and many columns cannot make its text much longer
   * than itself. Past it, merges are read as unmerged cells (each cell's text is still read once).
   */
  let extra = html.length + MAX_EXTRA;
  /** Fills row (as far as column `upTo`) with the cells merged down into it from above. */
  const fillCarried = (r: string[], upTo: number): void => {
    for (let c = carried[r.length]; r.length < upTo && c && c.rows > 0; c = carried[r.length]) {
      extra -= c.text.length + 1;
      if (extra < 0) {
        carried = [];
        return;
      }
      c.rows--;
      r.push(c.text);
    }
  };
  /** Depth of a nested table inside a cell: its rows and cells read as the cell's text. */
  let nested = 0;
  let skipped = 0;
  let pre = 0;
  /** The lists open around the text (an <ol>'s counter, null for a <ul>): an entry of an ordered list starts with its number, as a browser shows it. */
  const lists: (ListCounter | null)[] = [];
  const endLine = (): void => {
    const text = line.replace(/^ +| +$/g, '');
    if (text !== '') lines.push(text);
    line = '';
  };
  const add = (text: string): void => {
    if (cell !== null) cell += text;
    else line += text;
  };
  /** Elements open in the parser (its stack's size: a void element's close is reported too). */
  let open = 0;
  const handler: Partial<Handler> = {
    onopentag(name, attributes) {
      open++;
      if (SKIPPED.has(name)) skipped++;
      if (skipped > 0) return;
      if (name === 'pre') pre++;
      if (name === 'ol' || name === 'ul') {
        const start = Number.parseInt(attributes.start ?? '', 10);
        lists.push(name === 'ol' && lists.length < MAX_LIST_DEPTH ? { style: listStyle(attributes), value: (Number.isFinite(start) ? start : 1) - 1 } : null);
      }
      if (cell !== null) {
        // Inside a cell a nested table, a paragraph or a break reads as a space.
        if (name === 'table') nested++;
        if (BLOCKS.has(name) || CELLS.has(name)) add(' ');
        return;
      }
      if (name === 'tr') {
        endLine();
        row = [];
      } else if (CELLS.has(name) && row !== null) {
        cell = '';
        cellSpan = [spanOf(attributes.rowspan, MAX_ROW_SPAN), spanOf(attributes.colspan, MAX_COL_SPAN)];
      } else if (name === 'table') carried = [];
      else if (BLOCKS.has(name)) endLine();
      const list = lists[lists.length - 1];
      if (name === 'li' && list && cell === null) {
        const value = Number.parseInt(attributes.value ?? '', 10);
        list.value = Number.isFinite(value) ? value : list.value + 1;
        line += listMarker(list.style, list.value);
      }
    },
    ontext(text) {
      if (skipped > 0) return;
      add(pre > 0 ? text : collapsed(text));
    },
    onclosetag(name) {
      open = Math.max(0, open - 1);
      if (SKIPPED.has(name)) {
        skipped = Math.max(0, skipped - 1);
        return;
      }
      if (skipped > 0) return;
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (name === 'ol' || name === 'ul') lists.pop();
      if (cell !== null && nested > 0) {
        if (name === 'table') nested--;
        return;
      }
      if (CELLS.has(name) && cell !== null && row !== null) {
        fillCarried(row, Infinity);
        const text = cell.replace(/\t/g, ' ').replace(/^ +| +$/g, '');
        const [down, across] = cellSpan;
        // (A long cell is not repeated: a hostile page of one large cell over a thousand rows would
        // multiply it; a cell merged down in a 分工表 names units or a deadline.)
        const repeated = text.length <= MAX_REPEATED_CELL ? text : '';
        for (let k = 0; k < across; k++) {
          if (k > 0 && --extra < 0) break;
          carried[row.length] = { text: k === 0 ? repeated : '', rows: down - 1 };
          row.push(k === 0 ? text : '');
        }
        cell = null;
      } else if (name === 'tr' && row !== null) {
        if (cell !== null) row.push(cell.trim());
        cell = null;
        fillCarried(row, carried.length);
        // A row's empty cells keep their places; a row with none filled is no line.
        if (row.some((c) => c !== '')) lines.push(row.join('\t'));
        row = null;
      } else if (BLOCKS.has(name) && cell === null) endLine();
    },
  };
  const options = { decodeEntities: true, lowerCaseTags: true };
  // Written a piece at a time, each cut before a tag. The parser keeps its open elements in an array
  // it shifts on each tag, so a page nesting elements thousands deep (or closing ones never opened
  // under them) would take time growing with the square of its length: past MAX_DEPTH open elements
  // the parser is ended (closing them all, as a browser stops nesting) and a new one reads on.
  let parser = new Parser(handler, options);
  for (let at = 0; at < html.length; ) {
    let to = Math.min(html.length, at + WRITE_CHUNK);
    if (to < html.length) {
      const lt = html.indexOf('<', to);
      to = lt < 0 ? html.length : lt;
    }
    parser.write(html.slice(at, to));
    at = to;
    if (open > MAX_DEPTH && at < html.length) {
      parser.end();
      open = 0;
      parser = new Parser(handler, options);
    }
  }
  parser.end();
  endLine();
  return lines.join('\n');
}
