import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Hostile uploads, generated at test time (no binaries in the repository): zip bombs by
 * total size and by ratio, deep nesting, XXE and billion laughs, wrong types, truncated
 * archives, a huge single paragraph and a 1,000,000-row sheet. Large contents are produced
 * in chunks and deflated as a stream, so a 200 MB bomb costs a few hundred KB of memory.
 */
type Content = Buffer | { chunks: () => Iterable<Buffer> };

interface Entry {
  name: string;
  content: Content;
}

async function deflated(content: Content): Promise<{ data: Buffer; size: number; crc: number }> {
  if (Buffer.isBuffer(content)) return { data: deflateRawSync(content), size: content.length, crc: crc32(content) };
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let size = 0;
  let crc = 0;
  for (const chunk of content.chunks()) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  await new Promise<void>((resolve) => deflate.end(resolve));
  return { data: Buffer.concat(out), size, crc };
}

/** A plain zip (deflate, no zip64) of the entries. */
export async function zip(entries: Entry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, size, crc } = await deflated(e.content);
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxRels = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);
const docxTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

export function docx(document: Content, extra: Entry[] = []): Promise<Buffer> {
  return zip([{ name: '[Content_Types].xml', content: docxTypes }, { name: '_rels/.rels', content: docxRels }, { name: 'word/document.xml', content: document }, ...extra]);
}

export function paragraphs(texts: string[]): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${texts.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
}

const XL_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
);
const XL_RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
);
const XL_WORKBOOK = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const XL_WORKBOOK_RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
);
const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

export function xlsx(sheet: Content, sharedStrings: Content = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>')): Promise<Buffer> {
  return zip([
    { name: '[Content_Types].xml', content: XL_TYPES },
    { name: '_rels/.rels', content: XL_RELS },
    { name: 'xl/workbook.xml', content: XL_WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', content: XL_WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
    { name: 'xl/sharedStrings.xml', content: sharedStrings },
  ]);
}

function* repeat(chunk: Buffer, totalBytes: number, head = '', tail = ''): Iterable<Buffer> {
  if (head) yield Buffer.from(head);
  for (let n = 0; n < totalBytes; n += chunk.length) yield chunk;
  if (tail) yield Buffer.from(tail);
}

const MB = 1024 * 1024;
const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;

export interface HostileFile {
  name: string;
  filename: string;
  kind: 'docx' | 'xlsx' | 'other';
  bytes: () => Promise<Buffer>;
}

/** The whole set; each `bytes()` builds its file when called. */
export const HOSTILE_FILES: HostileFile[] = [
  {
    name: 'zip bomb by size (160 entries of 1 MB, each under the ratio floor)',
    filename: 'bomb-size.docx',
    kind: 'docx',
    bytes: () => docx(paragraphs(['一、总体要求']), Array.from({ length: 160 }, (_, i) => ({ name: `word/media/pad${i}.xml`, content: Buffer.alloc(MB - 1024, 0x20) }))),
  },
  {
    name: 'zip bomb by ratio (document.xml unpacks to 300 MB)',
    filename: 'bomb-ratio.docx',
    kind: 'docx',
    bytes: () => docx({ chunks: () => repeat(Buffer.alloc(MB, 0x20), 300 * MB, `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`, '</w:t></w:r></w:p></w:body></w:document>') }),
  },
  {
    name: 'deep nesting (100,000 levels)',
    filename: 'deep.docx',
    kind: 'docx',
    bytes: () => docx(Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>${'<w:p>'.repeat(100_000)}${'</w:p>'.repeat(100_000)}</w:body></w:document>`)),
  },
  {
    name: 'XXE in document.xml',
    filename: 'xxe.docx',
    kind: 'docx',
    bytes: () => docx(Buffer.from(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`)),
  },
  {
    name: 'billion laughs in document.xml',
    filename: 'laughs.docx',
    kind: 'docx',
    bytes: () => docx(Buffer.from(`${billionLaughs}<w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`)),
  },
  {
    name: 'billion laughs in sharedStrings.xml',
    filename: 'laughs.xlsx',
    kind: 'xlsx',
    bytes: () => xlsx(Buffer.from(`${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}`), Buffer.from(`${billionLaughs}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`)),
  },
  {
    name: 'a 1,000,000-row sheet (a few MB packed)',
    filename: 'million-rows.xlsx',
    kind: 'xlsx',
    bytes: () =>
      xlsx({
        chunks: function* () {
          yield Buffer.from(SHEET_OPEN);
          for (let r = 1; r <= 1_000_000; r += 1000) {
            let block = '';
            for (let i = r; i < r + 1000; i++) block += `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>u${i}</t></is></c></row>`;
            yield Buffer.from(block);
          }
          yield Buffer.from(SHEET_CLOSE);
        },
      }),
  },
  {
    name: 'a huge single paragraph (8 MB of varied text in one <w:p>)',
    filename: 'huge-paragraph.docx',
    kind: 'docx',
    bytes: () => {
      const chars = '落实推进新型城镇化建设农业转移人口市民化户籍制度改革住房保障公共服务';
      let seed = 7;
      const text = Array.from({ length: 8 * MB / 3 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return chars[seed % chars.length];
      }).join('');
      return docx(paragraphs([text]));
    },
  },
  { name: 'wrong type: a PNG named .docx', filename: 'image.docx', kind: 'other', bytes: async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]) },
  { name: 'wrong type: an ELF executable named .xlsx', filename: 'program.xlsx', kind: 'other', bytes: async () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8192, 0)]) },
  { name: 'wrong type: a zip that is neither docx nor xlsx', filename: 'archive.docx', kind: 'other', bytes: () => zip([{ name: 'readme.txt', content: Buffer.from('not an office file') }]) },
  {
    name: 'truncated archive (a valid docx cut in half)',
    filename: 'truncated.docx',
    kind: 'docx',
    bytes: async () => {
      const whole = await docx(paragraphs(['2021年工作要点', '一、总体要求', '（一）推进城镇化。']));
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
];
