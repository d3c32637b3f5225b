import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { decodeDocument } from './decode.js';
import { makeDocx } from '../../test/fixtures/parse/make-docx.js';

const SAMPLE = '2021年湖南省新型城镇化工作要点\n一、总体要求\n(一)有序放开落户限制。(省公安厅负责)\n';

async function rejection(input: Uint8Array, maxBytes?: number): Promise<AppError> {
  try {
    await decodeDocument(input, maxBytes === undefined ? {} : { maxBytes });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('decodeDocument', () => {
  it('reads UTF-8 without BOM', async () => {
    expect(await decodeDocument(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(await decodeDocument(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('detects GB18030', async () => {
    expect(await decodeDocument(iconv.encode(SAMPLE, 'gb18030'))).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('reads the committed GB18030 fixture as the same text as its UTF-8 twin', async () => {
    const gb = readFileSync(new URL('../../test/fixtures/parse/mixed-width.gb18030.txt', import.meta.url));
    const utf8 = readFileSync(new URL('../../test/fixtures/parse/mixed-width.txt', import.meta.url), 'utf8');
    expect((await decodeDocument(gb)).text).toBe(utf8);
  });

  it('reads UTF-16 with BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect((await decodeDocument(bytes)).text).toBe(SAMPLE);
  });

  it('reads .docx paragraphs as lines', async () => {
    const decoded = await decodeDocument(makeDocx(['标题', '', '一、总体要求', '(一)甲。(省公安厅负责)']));
    expect(decoded.encoding).toBe('docx');
    expect(decoded.text.split('\n').filter((l) => l !== '')).toEqual(['标题', '一、总体要求', '(一)甲。(省公安厅负责)']);
  });

  it('reads a web page saved as .html as the text it shows: a table row a line of tab-separated cells, no tags, scripts or styles', async () => {
    const page = `<!DOCTYPE html>
<html><head><meta charset="gbk"><title>页面标题</title><style>p{color:red}</style><script>var s = "<p>不是正文</p>";</script></head>
<body><div>首页 &gt; 政策文件</div>
<h1>某市2024年重点工作任务分解表</h1>
<p>&nbsp;为推动高质量发展,现将任务
分解如下。</p>
<table border="1"><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td><p>新建城市绿道50公里。</p></td><td>市林业局</td><td>市住建局、<br>市自然资源局</td></tr>
<tr><td>2</td><td>完成老旧小区改造120个</td><td>市住建局</td><td></td></tr>
<tr><td></td><td></td><td></td><td></td></tr></table>
<pre>保留  两个空格</pre>
</body></html>`;
    const expected = [
      '首页 > 政策文件',
      '某市2024年重点工作任务分解表',
      '为推动高质量发展,现将任务分解如下。',
      '序号\t工作任务\t牵头单位\t配合单位',
      '1\t新建城市绿道50公里。\t市林业局\t市住建局、 市自然资源局',
      '2\t完成老旧小区改造120个\t市住建局\t',
      '保留  两个空格',
    ].join('\n');
    expect(await decodeDocument(Buffer.from(page, 'utf8'))).toEqual({ text: expected, encoding: 'html' });
    // The same page in GBK, as a Chinese site serves it.
    expect(await decodeDocument(iconv.encode(page, 'gbk'))).toEqual({ text: expected, encoding: 'html' });
    // A text that only mentions a tag is no page.
    const prose = '说明:网页源代码以 <html> 开头。\n';
    expect((await decodeDocument(Buffer.from(prose, 'utf8'))).encoding).toBe('utf-8');
  });

  it('rejects a page with no text', async () => {
    const e = await rejection(Buffer.from('<html><head><title>空</title></head><body><script>1</script></body></html>', 'utf8'));
    expect(e.code).toBe('bad_request');
  });

  it('rejects an empty file', async () => {
    expect((await rejection(new Uint8Array())).code).toBe('bad_request');
    expect((await rejection(Buffer.from('  \n\n '))).code).toBe('bad_request');
  });

  it('rejects binary data', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const e = await rejection(bytes);
    expect(e.code).toBe('unsupported_media_type');
    expect(e.messages.zh).toContain('不支持');
  });

  it('rejects a PNG image by its header', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const e = await rejection(png);
    expect(e.code).toBe('unsupported_media_type');
    expect(e.details).toEqual({ detected: 'PNG' });
  });

  it('rejects an old binary .doc/.xls, saying how to save it as .docx/.xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 0)]);
    const e = await rejection(ole);
    expect(e.code).toBe('unsupported_media_type');
    expect(e.messages.zh).toContain('另存为 .docx/.xlsx');
    expect(e.messages.en).toContain('save an old .doc/.xls as .docx/.xlsx');
  });

  it('rejects a zip that is not a .docx', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    expect((await rejection(zip)).code).toBe('unsupported_media_type');
  });

  it('rejects oversize input before decoding it', async () => {
    expect((await rejection(Buffer.alloc(2048, 0x41), 1024)).code).toBe('payload_too_large');
    const fifty = Buffer.alloc(50 * 1024 * 1024, 0x41);
    expect((await rejection(fifty)).code).toBe('payload_too_large');
  });
});
