/**
 * A .docx made ready for mammoth's raw text, so that the plan's parser reads what Word shows.
 *
 * Numbers. A plan typed in Word often numbers its headings and tasks with the list feature (一、
 * (一) 1. ① drawn by Word, not typed) and its 序号 column likewise; the paragraphs' text then holds
 * no number and mammoth's raw text loses them: items without numbers, a table without row numbers.
 * Each numbered paragraph gets its label as a run of text at its start, computed as Word draws it:
 * numbering.xml's levels (start value, format, level text such as `%1、` or `(%1)`), the list a
 * paragraph belongs to directly or through its style, and the counters that go on across the
 * document and restart below a higher level.
 *
 * Tables. Raw text gives a table one paragraph per line, so a cell of two paragraphs (市统计局 ⏎
 * 各区县政府) and a cell merged down over two rows (one 牵头单位 for both) shift every cell after
 * them. Each row becomes one paragraph instead, its cells separated by tabs as a table pasted from
 * a spreadsheet is: a cell's paragraphs joined by a space, a cell merged down repeating the text of
 * the cell it continues (as plan-xlsx.ts does with a spreadsheet's merges), a cell merged across
 * keeping the columns after it in place.
 *
 * A document without numbering or tables comes back unchanged.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { MAX_REPEATED_CELL } from '../model/table-limits.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Largest document part whose numbering is drawn, in characters of XML. */
const MAX_XML_CHARS = 40_000_000;

interface Level {
  start: number;
  format: string;
  text: string;
  /** The level whose numbering restarts this one (0-based), -1 never; null: any higher level. */
  restart: number | null;
  legal: boolean;
  style: string | null;
}

interface AbstractNum {
  levels: Map<number, Level>;
  styleLink: string | null;
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

/** Child elements of `el` named `name` in the WordprocessingML namespace. */
function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W) out.push(n as Element);
  return out;
}

const child = (el: Element | null | undefined, name: string): Element | null => (el ? (children(el, name)[0] ?? null) : null);
const val = (el: Element | null | undefined): string | null => (el ? (el.getAttributeNS(W, 'val') ?? el.getAttribute('w:val')) || null : null);
const intVal = (el: Element | null | undefined): number | null => {
  const v = val(el);
  return v !== null && /^-?[0-9]+$/.test(v) ? Number(v) : null;
};

function readLevel(el: Element): Level {
  const restart = intVal(child(el, 'lvlRestart'));
  return {
    start: intVal(child(el, 'start')) ?? 1,
    format: val(child(el, 'numFmt')) ?? 'decimal',
    text: val(child(el, 'lvlText')) ?? '',
    restart: restart === null ? null : restart === 0 ? -1 : restart - 1,
    legal: child(el, 'isLgl') !== null && val(child(el, 'isLgl')) !== '0' && val(child(el, 'isLgl')) !== 'false',
    style: val(child(el, 'pStyle')),
  };
}

function levelsOf(el: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const l of children(el, 'lvl')) levels.set(Number(l.getAttributeNS(W, 'ilvl') ?? l.getAttribute('w:ilvl') ?? 0) || 0, readLevel(l));
  return levels;
}

/** The paragraph styles' numbering (numId, ilvl) and basedOn, and the numbering styles' numId. */
interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

function readStyles(doc: Document | null): Map<string, StyleNumbering> {
  const out = new Map<string, StyleNumbering>();
  if (!doc) return out;
  const styles = doc.getElementsByTagNameNS(W, 'style');
  for (let i = 0; i < styles.length; i++) {
    const s = styles.item(i) as Element;
    const id = s.getAttributeNS(W, 'styleId') ?? s.getAttribute('w:styleId');
    if (!id) continue;
    const numPr = child(child(s, 'pPr'), 'numPr');
    out.set(id, { numId: val(child(numPr, 'numId')), ilvl: intVal(child(numPr, 'ilvl')), basedOn: val(child(s, 'basedOn')) });
  }
  return out;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五 (up to 9999). */
export function chineseCount(n: number): string {
  if (n <= 0 || n > 9999) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && place === 1 && out === '' ? '' : (CN_DIGITS[d] ?? '')) + (units[place] ?? '');
  });
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN_DIGITS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY = '子丑寅卯辰巳午未申酉戌亥';

function letters(n: number, upper: boolean): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return upper ? s.toUpperCase() : s;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return s;
}

/** A counter's value as a level of this format draws it. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographLegalTraditional':
      return chineseCount(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => CN_DIGITS[Number(d)]).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return PAREN_DIGITS[n - 1] ?? `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'ideographTraditional':
      return HEAVENLY[n - 1] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY[n - 1] ?? String(n);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Bullets worth keeping as text: the ones the parser reads as opening an unnumbered task line. */
const BULLETS = /^[●◆■▪•·◇□○\-—]$/;

/** Numbering of one document: the lists, the styles, and the counters as the paragraphs go by. */
class Numbering {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(
    private readonly abstracts: Map<string, AbstractNum>,
    private readonly nums: Map<string, Num>,
    private readonly styles: Map<string, StyleNumbering>,
  ) {}

  /** The label Word draws before paragraph `p`, or '' when it has none. */
  labelOf(p: Element): string {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId = val(child(numPr, 'numId'));
    let ilvl = intVal(child(numPr, 'ilvl'));
    const styleId = val(child(pPr, 'pStyle'));
    if (numId === null && styleId) {
      // The paragraph's style (or one it is based on) names the list.
      const seen = new Set<string>();
      for (let id: string | null = styleId; id && !seen.has(id); id = this.styles.get(id)?.basedOn ?? null) {
        seen.add(id);
        const s = this.styles.get(id);
        if (s?.numId) {
          numId = s.numId;
          ilvl ??= s.ilvl;
          break;
        }
      }
    }
    if (numId === null || numId === '0') return '';
    const num = this.nums.get(numId);
    const abstractId = num ? this.resolve(num.abstractId) : null;
    const abstract = abstractId === null ? undefined : this.abstracts.get(abstractId);
    if (!num || !abstract || abstractId === null) return '';
    if (ilvl === null) {
      ilvl = 0;
      for (const [k, l] of abstract.levels) if (styleId && l.style === styleId) ilvl = k;
    }
    const level = (k: number): Level | undefined => num.levels.get(k) ?? abstract.levels.get(k);
    const own = level(ilvl);
    if (!own) return '';
    // Lists that restart their numbering (a startOverride) count on their own; the others share
    // their abstract list's counters, as Word continues them.
    const key = num.starts.size > 0 ? `n${numId}` : `a${abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [k, start] of num.starts) counts[k] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? own.start - 1) + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const r = level(k)?.restart;
      if (r === undefined || r === null || (r >= 0 && r >= ilvl)) counts[k] = undefined;
    }
    if (own.format === 'none') return '';
    if (own.format === 'bullet') return BULLETS.test(own.text) ? own.text : '';
    return own.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = level(k);
      const n = counts[k] ?? l?.start ?? 1;
      return formatCounter(n, own.legal && k < ilvl ? 'decimal' : (l?.format ?? 'decimal'));
    });
  }

  /** An abstract list that links to a numbering style stands for that style's list. */
  private resolve(abstractId: string): string | null {
    let id = abstractId;
    for (let hops = 0; hops < 8; hops++) {
      const link = this.abstracts.get(id)?.styleLink;
      if (!link) return id;
      const numId = this.styles.get(link)?.numId;
      const next = numId ? this.nums.get(numId)?.abstractId : undefined;
      if (!next || next === id) return id;
      id = next;
    }
    return id;
  }
}

function parseXml(text: string | undefined): Document | null {
  if (!text) return null;
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) } }).parseFromString(text, 'text/xml');
  return errors.length > 0 ? null : (doc as unknown as Document);
}

function readNumbering(doc: Document, styles: Map<string, StyleNumbering>): Numbering {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  const absList = doc.getElementsByTagNameNS(W, 'abstractNum');
  for (let i = 0; i < absList.length; i++) {
    const a = absList.item(i) as Element;
    const id = a.getAttributeNS(W, 'abstractNumId') ?? a.getAttribute('w:abstractNumId');
    if (id !== null) abstracts.set(id, { levels: levelsOf(a), styleLink: val(child(a, 'numStyleLink')) });
  }
  const numList = doc.getElementsByTagNameNS(W, 'num');
  for (let i = 0; i < numList.length; i++) {
    const n = numList.item(i) as Element;
    const id = n.getAttributeNS(W, 'numId') ?? n.getAttribute('w:numId');
    const abstractId = val(child(n, 'abstractNumId'));
    if (id === null || abstractId === null) continue;
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of children(n, 'lvlOverride')) {
      const k = Number(o.getAttributeNS(W, 'ilvl') ?? o.getAttribute('w:ilvl') ?? 0) || 0;
      const start = intVal(child(o, 'startOverride'));
      if (start !== null) starts.set(k, start);
      const lvl = child(o, 'lvl');
      if (lvl) levels.set(k, readLevel(lvl));
    }
    nums.set(id, { abstractId, starts, levels });
  }
  return new Numbering(abstracts, nums, styles);
}

/** Whether the paragraph stands in a table's cell. */
function inCell(p: Element): boolean {
  for (let n = p.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).localName === 'tc') return true;
  return false;
}

/** Whether the paragraph holds text of its own. */
function hasText(p: Element): boolean {
  const ts = p.getElementsByTagNameNS(W, 't');
  for (let i = 0; i < ts.length; i++) if ((ts.item(i)?.textContent ?? '').trim() !== '') return true;
  return false;
}

/** Writes each automatically numbered paragraph's label as text at its start; how many were. */
function writeLabels(doc: Document, numbering: Numbering): number {
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  let labelled = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i) as Element;
    let label = numbering.labelOf(p);
    if (!label) continue;
    // A 序号 cell drawn by Word (1.) holds the bare number the table's readers expect.
    if (!hasText(p) && inCell(p)) label = label.replace(/[.、.)]$/, '');
    // 1 before a paragraph's text (a level text of %1 alone) keeps a space after it.
    else if (/[0-9A-Za-z]$/.test(label)) label += ' ';
    const pPr = child(p, 'pPr');
    p.insertBefore(textRun(doc, label), pPr ? pPr.nextSibling : p.firstChild);
    labelled++;
  }
  return labelled;
}

function textRun(doc: Document, text: string): Element {
  const run = doc.createElementNS(W, 'w:r');
  const t = doc.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  run.appendChild(t);
  return run;
}

/** The text a run's elements show: w:t, tabs and breaks as spaces; deleted text and field codes are no w:t. */
function textOf(el: Element): string {
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === W && e.localName === 't') out += e.textContent ?? '';
      else if (e.namespaceURI === W && (e.localName === 'tab' || e.localName === 'br' || e.localName === 'cr')) out += ' ';
      else if (e.localName !== 'Fallback') walk(e);
    }
  };
  walk(el);
  return out;
}

/** A cell's text: its paragraphs joined by a space, runs of white space made one. */
function cellText(tc: Element): string {
  const parts: string[] = [];
  const ps = tc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < ps.length; i++) {
    const t = textOf(ps.item(i) as Element).trim();
    if (t) parts.push(t);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Each table of the body (not one inside another's cell) as one paragraph per row, cells tab-separated. */
function flattenTables(doc: Document): number {
  const all = doc.getElementsByTagNameNS(W, 'tbl');
  const outer: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all.item(i) as Element;
    let nested = false;
    for (let n = t.parentNode; n && !nested; n = n.parentNode) nested = n.nodeType === 1 && (n as Element).localName === 'tbl';
    if (!nested) outer.push(t);
  }
  for (const tbl of outer) {
    // The text of the cell above each grid column, for cells that continue a merge down.
    const above: string[] = [];
    const paragraphs: Element[] = [];
    for (const tr of children(tbl, 'tr')) {
      const cells: string[] = [];
      for (const tc of children(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Math.min(64, intVal(child(tcPr, 'gridSpan')) ?? 1));
        const merge = child(tcPr, 'vMerge');
        const col = cells.length;
        const continued = merge !== null && val(merge) !== 'restart';
        const text = continued ? (above[col] ?? '') : cellText(tc);
        above[col] = text;
        // (A long cell merged down stays in its first row: see MAX_REPEATED_CELL.)
        cells.push(continued && text.length > MAX_REPEATED_CELL ? '' : text);
        for (let k = 1; k < span; k++) cells.push('');
      }
      const p = doc.createElementNS(W, 'w:p');
      cells.forEach((c, k) => {
        if (k > 0) {
          const run = doc.createElementNS(W, 'w:r');
          run.appendChild(doc.createElementNS(W, 'w:tab'));
          p.appendChild(run);
        }
        if (c) p.appendChild(textRun(doc, c));
      });
      paragraphs.push(p);
    }
    for (const p of paragraphs) tbl.parentNode?.insertBefore(p, tbl);
    tbl.parentNode?.removeChild(tbl);
  }
  return outer.length;
}

/**
 * The .docx with Word's list numbers written as text and its tables as tab-separated rows (see
 * the module's comment), or the input itself when it has neither, or its parts cannot be read
 * (mammoth then reports what is wrong).
 */
export async function prepareDocx(input: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch {
    return input;
  }
  const documentFile = zip.file('word/document.xml');
  if (!documentFile) return input;
  const documentXml = await documentFile.async('string');
  // A document part this large is read by mammoth alone (a DOM of it would not fit).
  if (documentXml.length > MAX_XML_CHARS) return input;
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const styles = readStyles(parseXml(await zip.file('word/styles.xml')?.async('string')));
  const numberingDoc = numberingXml === undefined ? null : parseXml(numberingXml);
  // A numbering part that cannot be read would stop mammoth from reading anything: the text comes
  // through without its numbers instead.
  const brokenNumbering = numberingXml !== undefined && numberingDoc === null;
  if (brokenNumbering) zip.remove('word/numbering.xml');
  const numbered = numberingDoc !== null && (documentXml.includes('numPr') || [...styles.values()].some((st) => st.numId !== null));
  const tabled = documentXml.includes('<w:tbl>') || documentXml.includes('<w:tbl ');
  if (!numbered && !tabled && !brokenNumbering) return input;
  const doc = parseXml(documentXml);
  if (!doc) return brokenNumbering ? zip.generateAsync({ type: 'nodebuffer' }) : input;
  let changed = brokenNumbering ? 1 : 0;
  if (numbered && numberingDoc) changed += writeLabels(doc, readNumbering(numberingDoc, styles));
  if (tabled) changed += flattenTables(doc);
  if (changed === 0) return input;
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc as unknown as Node));
  return zip.generateAsync({ type: 'nodebuffer' });
}
