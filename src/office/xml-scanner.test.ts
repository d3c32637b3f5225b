import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from './xml-scanner.js';

/**
 * The scanner against saxes (the general parser it replaced; kept as a devDependency for this
 * test): on generated worksheets and shared strings, cut into chunks at every kind of place,
 * both must report the same elements, attributes and text; on hostile or broken parts, both
 * must refuse, and the scanner with the error the upload answers with.
 */
type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out.at(-1);
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

function withScanner(chunks: Buffer[]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    open: (name, tag) => events.push(['open', name, tag.attributes()]),
    text: (text) => events.push(['text', text]),
    close: (name) => events.push(['close', name]),
  });
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return merged(events);
}

function withSaxes(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => (failure ??= e));
  parser.on('opentag', (node) => {
    depth++;
    events.push(['open', local(node.name), { ...(node.attributes as Record<string, string>) }]);
  });
  parser.on('text', (t) => depth > 0 && events.push(['text', t]));
  parser.on('cdata', (t) => events.push(['text', t]));
  parser.on('closetag', (node) => {
    depth--;
    events.push(['close', local(node.name)]);
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return merged(events);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunked(bytes: Buffer, next: () => number, max: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(next() * max);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

const TEXTS = ['在建', '湘西土家族苗族自治州', 'a &amp; b', '&lt;tag&gt;', '&quot;引号&quot; &apos;x&apos;', '&#20013;&#x6587;', '😀 emoji', 'line\r\nbreak', '  spaced  ', '1.5E-3', '𠮷野家'];

function generatedSheet(next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- made by a test -->'];
  parts.push('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="urn:x"><dimension ref="A1:C40"/><sheetData>');
  for (let r = 1; r <= 40; r++) {
    parts.push(`<row r="${r}" spans="1:3" x14ac:dyDescent='0.25'>`);
    for (let c = 0; c < 3; c++) {
      const ref = `${'ABC'[c]}${r}`;
      const kind = Math.floor(next() * 6);
      if (kind === 0) parts.push(`<c r="${ref}" s="${c}"><v>${Math.floor(next() * 1e6) / 100}</v></c>`);
      else if (kind === 1) parts.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${pick(TEXTS)}</t></is></c>`);
      else if (kind === 2) parts.push(`<c r="${ref}" t="str"><f>SUM(A1:A2)&amp;"x"</f><v>${pick(TEXTS)}</v></c>`);
      else if (kind === 3) parts.push(`<c r="${ref}" t="s"\n\tattr = "a&#9;b\r\nc"><v>${r}</v></c>`);
      else if (kind === 4) parts.push(`<c r="${ref}"/>`);
      else parts.push(`<c r="${ref}" t="inlineStr"><is><t><![CDATA[<b>raw & ${pick(TEXTS)}</b>]]></t></is></c>`);
    }
    parts.push('</row>\n');
  }
  parts.push('</sheetData><?pi inside?><mergeCells count="0"/></worksheet>\n');
  return parts.join('');
}

describe('xml scanner (against saxes)', () => {
  it('reports the same elements, attributes and text as saxes on generated sheets, however the bytes are cut', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const xml = generatedSheet(next);
      const bytes = Buffer.from(xml, 'utf8');
      const expected = withSaxes(xml);
      expect(withScanner([bytes])).toEqual(expected);
      // 1-byte chunks split every character, entity and tag; larger ones split them less often.
      expect(withScanner(chunked(bytes, next, seed % 4 === 0 ? 1 : 64))).toEqual(expected);
    }
  });

  it('reads a byte-order mark, shared strings with phonetic runs, and an 8 MB text in one cell without splitting a character', () => {
    const sst = '\uFEFF<sst xmlns="urn:s"><si><t>甲</t></si><si><r><t>乙</t></r><rPh sb="0" eb="1"><t>yi</t></rPh></si></sst>';
    expect(withScanner([Buffer.from(sst, 'utf8')])).toEqual(withSaxes(sst.slice(1)));
    const long = `<a>${'湖南省住房和城乡建设厅&amp;'.repeat(400_000)}</a>`;
    const events = withScanner(chunked(Buffer.from(long, 'utf8'), random(7), 65_536));
    expect(events).toEqual([['open', 'a', {}], ['text', '湖南省住房和城乡建设厅&'.repeat(400_000)], ['close', 'a']]);
  });

  const hostile: [string, string, string][] = [
    ['XXE', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d>&xxe;</d>', 'document_too_complex'],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><sst><si><t>&lol1;</t></si></sst>', 'document_too_complex'],
    ['a document cut mid-tag', '<worksheet><sheetData><row r="1"><c r="A', 'xlsx_unreadable'],
    ['a document cut mid-way', '<worksheet><sheetData><row r="1">', 'xlsx_unreadable'],
    ['mismatched tags', '<worksheet><row></worksheet></row>', 'xlsx_unreadable'],
    ['an unknown entity', '<t>&nbsp;</t>', 'xlsx_unreadable'],
    ['an unterminated entity', '<t>a &amp b</t>', 'xlsx_unreadable'],
    ['a reference to a forbidden character', '<t>&#0;</t>', 'xlsx_unreadable'],
    ['an unquoted attribute', '<c r=A1></c>', 'xlsx_unreadable'],
    ['"<" in an attribute', '<c r="<A1"></c>', 'xlsx_unreadable'],
    ['text outside the root', '<a></a>text', 'xlsx_unreadable'],
    ['two roots', '<a></a><b></b>', 'xlsx_unreadable'],
    ['no root', '<?xml version="1.0"?>', 'xlsx_unreadable'],
  ];
  for (const [name, xml, code] of hostile) {
    it(`refuses ${name}, as saxes does`, () => {
      expect(() => withSaxes(xml)).toThrow();
      expect(() => withScanner([Buffer.from(xml)])).toThrow(expect.objectContaining({ code }));
      expect(() => withScanner(chunked(Buffer.from(xml), random(3), 2))).toThrow(expect.objectContaining({ code }));
    });
  }
});
