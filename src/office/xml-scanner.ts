import { fail } from '../domain/errors.js';

/**
 * A streaming scanner for the XML of a worksheet and its shared strings, working on the
 * inflated bytes. A general XML parser (saxes) spent ~4 s on a 59 MB sheet, where finding the
 * tags with `indexOf` takes a quarter of a second (docs/adr/0005-xlsx-sheet-scanner.md): most of
 * a sheet is `<c r="B7" s="3"><v>12</v></c>`, and a parser builds strings and objects for each
 * name and attribute whether or not anyone reads them. Here a tag's attributes are only located
 * (offsets in the chunk); one is decoded when a handler asks for it, and names are interned, so
 * a cell costs the strings of the values read and little else.
 *
 * What it reads is the subset of XML that SpreadsheetML parts use: elements, quoted attributes,
 * the five predefined entities and numeric character references, comments, CDATA, processing
 * instructions (skipped), UTF-8 with or without a BOM. It is not a validator, but it refuses what
 * could make a file mean something else or cost unbounded work: any DOCTYPE or ENTITY
 * declaration (XXE, billion laughs; OOXML never needs one) as `document_too_complex`; unknown
 * entities, mismatched or unclosed tags, text outside the root, a second root, unquoted
 * attributes, a tag longer than 1 MB, and a part that ends mid-way as `xlsx_unreadable`.
 * Text and attribute values are normalised as XML says (CR LF → LF; tabs and newlines in
 * attributes → spaces). Characters split across chunks are carried over, never broken.
 */
export interface XmlTag {
  /** The attribute's value with entities decoded, or undefined. Valid only during `open`. */
  attr(name: string): string | undefined;
  /** Every attribute (for tests and rare callers; `attr` is the cheap way). */
  attributes(): Record<string, string>;
}

export interface XmlHandlers {
  /** An element opens; `name` without its namespace prefix. */
  open(name: string, tag: XmlTag): void;
  /** Character data inside the root; one run of text may come in several calls. */
  text(text: string): void;
  close(name: string): void;
}

interface Name {
  qualified: string;
  local: string;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const CR = 0x0d;
const MAX_TAG_BYTES = 1024 * 1024;

// Buffer's own slicers, without toString's argument checks (a few million calls per sheet).
type Slicers = { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
const latin1 = (data: Buffer, from: number, to: number) => (data as unknown as Slicers).latin1Slice(from, to);
const utf8 = (data: Buffer, from: number, to: number) => (data as unknown as Slicers).utf8Slice(from, to);
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function malformed(detail: string): Error {
  return fail('xlsx_unreadable', { detail: `XML: ${detail}` });
}

function allowedCodePoint(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Replaces entity and character references; anything else after `&` is an error. */
export function decodeEntities(text: string): string {
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) throw malformed('unterminated entity reference');
    const ref = text.slice(amp + 1, semi);
    let value: string | undefined;
    if (ref.charCodeAt(0) === 0x23) {
      const hex = ref.charCodeAt(1) === 0x78;
      const digits = ref.slice(hex ? 2 : 1);
      const code = (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!allowedCodePoint(code)) throw malformed(`bad character reference &${ref};`);
      value = String.fromCodePoint(code);
    } else {
      value = ENTITIES[ref];
      if (value === undefined) throw malformed(`unknown entity &${ref.slice(0, 40)};`);
    }
    out += text.slice(from, amp) + value;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return from === 0 ? text : out + text.slice(from);
}

const enum Mode {
  Text,
  Comment,
  Cdata,
  Instruction,
}

export class XmlScanner implements XmlTag {
  private pending: Buffer | null = null;
  private mode = Mode.Text;
  private readonly stack: Name[] = [];
  private seenRoot = false;
  private started = false;
  private readonly shortNames = new Map<number, Name>();
  private readonly longNames = new Map<string, Name>();
  // The tag being reported: its chunk and its attributes' offsets (name start/end, value start/end).
  private data: Buffer = Buffer.alloc(0);
  private offsets = new Int32Array(64);
  private count = 0;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (!this.started) {
      if (data.length < 3) {
        this.pending = data;
        return;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    this.scan(data);
  }

  /** The part is complete: anything left open is an error. */
  end(): void {
    if (!this.started && this.pending) {
      this.started = true;
      const rest = this.pending;
      this.pending = null;
      this.scan(rest);
    }
    if (this.pending && this.pending.length > 0) {
      if (this.mode === Mode.Text && this.pending[0] !== LT) this.text(this.pending, 0, this.pending.length);
      else throw malformed('the part ends inside a tag');
    }
    if (this.mode !== Mode.Text) throw malformed('the part ends inside a comment, CDATA or instruction');
    if (this.stack.length > 0) throw malformed(`<${this.stack.at(-1)!.qualified}> is never closed`);
    if (!this.seenRoot) throw malformed('no root element');
  }

  attr(name: string): string | undefined {
    const o = this.offsets;
    const d = this.data;
    for (let a = 0; a < this.count; a++) {
      const s = o[a * 4]!;
      const e = o[a * 4 + 1]!;
      if (e - s !== name.length) continue;
      let same = true;
      for (let i = 0; i < name.length; i++) {
        if (d[s + i] !== name.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      if (same) return this.decode(d, o[a * 4 + 2]!, o[a * 4 + 3]!, true);
    }
    return undefined;
  }

  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    const o = this.offsets;
    for (let a = 0; a < this.count; a++) out[this.data.toString('utf8', o[a * 4]!, o[a * 4 + 1]!)] = this.decode(this.data, o[a * 4 + 2]!, o[a * 4 + 3]!, true);
    return out;
  }

  private carry(data: Buffer, from: number): void {
    if (data.length - from > MAX_TAG_BYTES) throw malformed('a tag longer than 1 MB');
    this.pending = data.subarray(from);
  }

  private scan(data: Buffer): void {
    const len = data.length;
    let pos = 0;
    while (pos < len) {
      if (this.mode === Mode.Comment || this.mode === Mode.Instruction) {
        const end = data.indexOf(this.mode === Mode.Comment ? '-->' : '?>', pos, 'latin1');
        if (end < 0) {
          // Keep only what could begin the terminator.
          this.pending = data.subarray(Math.max(pos, len - 2));
          return;
        }
        pos = end + (this.mode === Mode.Comment ? 3 : 2);
        this.mode = Mode.Text;
        continue;
      }
      if (this.mode === Mode.Cdata) {
        const end = data.indexOf(']]>', pos, 'latin1');
        if (end < 0) {
          let safe = charBoundary(data, pos, Math.max(pos, len - 2));
          if (safe > pos && data[safe - 1] === CR) safe--;
          if (safe > pos) this.emitRaw(data, pos, safe);
          this.pending = data.subarray(safe);
          return;
        }
        if (end > pos) this.emitRaw(data, pos, end);
        pos = end + 3;
        this.mode = Mode.Text;
        continue;
      }
      // Most text between tags is a few bytes (a cell's value): a loop beats a native search.
      let lt = pos;
      while (lt < len && data[lt] !== LT) lt++;
      if (lt >= len) {
        // Text runs past the chunk: give what is whole (no split character or entity).
        let safe = charBoundary(data, pos, len);
        const amp = data.lastIndexOf(AMP, safe - 1);
        if (amp >= pos && data.indexOf(0x3b, amp) < 0) safe = amp;
        if (safe > pos && data[safe - 1] === CR) safe--; // CR LF may be split: keep the CR
        if (safe > pos) this.text(data, pos, safe);
        if (safe < len) this.pending = data.subarray(safe);
        return;
      }
      if (lt > pos) this.text(data, pos, lt);
      if (lt + 1 >= len) return this.carry(data, lt);
      const next = data[lt + 1]!;
      if (next === BANG) {
        if (len - lt < 4) return this.carry(data, lt);
        if (data[lt + 2] === 0x2d && data[lt + 3] === 0x2d) {
          this.mode = Mode.Comment;
          pos = lt + 4;
        } else if (len - lt < 9) {
          return this.carry(data, lt);
        } else if (latin1(data, lt, lt + 9) === '<![CDATA[') {
          if (this.stack.length === 0) throw malformed('CDATA outside the root element');
          this.mode = Mode.Cdata;
          pos = lt + 9;
        } else {
          const word = latin1(data, lt + 2, lt + 9).toUpperCase();
          if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY') || word.startsWith('ELEMENT') || word.startsWith('ATTLIST')) {
            throw fail('document_too_complex', { reason: 'DTD' });
          }
          throw malformed('unexpected <!');
        }
      } else if (next === QUESTION) {
        this.mode = Mode.Instruction;
        pos = lt + 2;
      } else if (next === SLASH) {
        let end = lt + 2;
        while (end < len && data[end] !== GT) end++;
        if (end >= len) return this.carry(data, lt);
        pos = this.closeTag(data, lt + 2, end) + 1;
      } else {
        const end = this.openTag(data, lt + 1, len);
        if (end < 0) return this.carry(data, lt);
        pos = end;
      }
    }
  }

  /** Reads `<name attr="v" …>` from just after `<`; returns the index after `>`, or -1 when the chunk ends first. */
  private openTag(data: Buffer, from: number, len: number): number {
    let i = from;
    while (i < len) {
      const b = data[i]!;
      if (isSpace(b) || b === GT || b === SLASH) break;
      i++;
    }
    if (i >= len) return -1;
    if (i === from) throw malformed('an element without a name');
    const nameEnd = i;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < len && isSpace(data[i]!)) i++;
      if (i >= len) return -1;
      const b = data[i]!;
      if (b === GT) {
        i++;
        break;
      }
      if (b === SLASH) {
        if (i + 1 >= len) return -1;
        if (data[i + 1] !== GT) throw malformed('"/" not followed by ">" in a tag');
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === before) throw malformed('attributes must be separated by white space');
      const attrStart = i;
      while (i < len && data[i] !== EQUALS && !isSpace(data[i]!) && data[i] !== GT && data[i] !== SLASH) i++;
      const attrEnd = i;
      while (i < len && isSpace(data[i]!)) i++;
      if (i >= len) return -1;
      if (data[i] !== EQUALS || attrEnd === attrStart) throw malformed('an attribute without a value');
      i++;
      while (i < len && isSpace(data[i]!)) i++;
      if (i >= len) return -1;
      const quote = data[i]!;
      if (quote !== 0x22 && quote !== 0x27) throw malformed('an unquoted attribute value');
      // Values are short: a loop here is cheaper than two native searches.
      let close = i + 1;
      while (close < len && data[close] !== quote) {
        if (data[close] === LT) throw malformed('"<" in an attribute value');
        close++;
      }
      if (close >= len) return -1;
      if ((count + 1) * 4 > this.offsets.length) {
        const bigger = new Int32Array(this.offsets.length * 2);
        bigger.set(this.offsets);
        this.offsets = bigger;
      }
      this.offsets[count * 4] = attrStart;
      this.offsets[count * 4 + 1] = attrEnd;
      this.offsets[count * 4 + 2] = i + 1;
      this.offsets[count * 4 + 3] = close;
      count++;
      i = close + 1;
    }
    const name = this.name(data, from, nameEnd);
    if (this.stack.length === 0) {
      if (this.seenRoot) throw malformed('a second root element');
      this.seenRoot = true;
    }
    this.data = data;
    this.count = count;
    this.handlers.open(name.local, this);
    this.count = 0;
    if (selfClosing) this.handlers.close(name.local);
    else this.stack.push(name);
    return i;
  }

  /** Reads `name >` of a closing tag; returns the index of `>`. */
  private closeTag(data: Buffer, from: number, end: number): number {
    let nameEnd = end;
    while (nameEnd > from && isSpace(data[nameEnd - 1]!)) nameEnd--;
    const name = this.name(data, from, nameEnd);
    const open = this.stack.pop();
    if (!open || (open !== name && open.qualified !== name.qualified)) throw malformed(open ? `</${name.qualified}> closes <${open.qualified}>` : `</${name.qualified}> closes nothing`);
    this.handlers.close(name.local);
    return end;
  }

  private name(data: Buffer, from: number, to: number): Name {
    const length = to - from;
    if (length === 0) throw malformed('an element without a name');
    if (length <= 6) {
      let key = length;
      for (let i = from; i < to; i++) key = key * 256 + data[i]!;
      let name = this.shortNames.get(key);
      if (!name) {
        name = this.makeName(data.toString('utf8', from, to));
        this.shortNames.set(key, name);
      }
      return name;
    }
    const qualified = data.toString('utf8', from, to);
    let name = this.longNames.get(qualified);
    if (!name) {
      name = this.makeName(qualified);
      if (this.longNames.size < 1000) this.longNames.set(qualified, name);
    }
    return name;
  }

  private makeName(qualified: string): Name {
    for (let i = 0; i < qualified.length; i++) {
      const c = qualified.charCodeAt(i);
      if (c <= 0x20 || c === LT || c === GT || c === AMP || c === 0x22 || c === 0x27 || c === EQUALS) throw malformed(`bad element name ${qualified.slice(0, 40)}`);
    }
    const colon = qualified.indexOf(':');
    return { qualified, local: colon < 0 ? qualified : qualified.slice(colon + 1) };
  }

  private text(data: Buffer, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) if (!isSpace(data[i]!)) throw malformed('text outside the root element');
      return;
    }
    this.handlers.text(this.decode(data, from, to, false));
  }

  private emitRaw(data: Buffer, from: number, to: number): void {
    let text = data.toString('utf8', from, to);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.handlers.text(text);
  }

  private decode(data: Buffer, from: number, to: number, attribute: boolean): string {
    let plain = true;
    let special = false;
    for (let i = from; i < to; i++) {
      const b = data[i]!;
      if (b >= 0x80) plain = false;
      else if (b === AMP || b === CR || (attribute && (b === 0x0a || b === 0x09))) {
        special = true;
        break;
      }
    }
    if (plain && !special) return latin1(data, from, to);
    let text = utf8(data, from, to);
    if (!special) return text;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (attribute) text = text.replace(/[\t\n]/g, ' ');
    return text.includes('&') ? decodeEntities(text) : text;
  }
}

/** The last index ≤ `to` (and ≥ `from`) that does not fall inside a UTF-8 character. */
function charBoundary(data: Buffer, from: number, to: number): number {
  let i = to;
  // Step back over continuation bytes (10xxxxxx), at most three.
  while (i > from && to - i < 4 && (data[i - 1]! & 0xc0) === 0x80) i--;
  if (i > from) {
    const lead = data[i - 1]!;
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (to - (i - 1) < need) return i - 1;
  }
  return to;
}
