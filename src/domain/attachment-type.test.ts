import { describe, expect, it } from 'vitest';
import { cleanFilename, sniffAttachment } from './attachment-type.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('attachment type sniffing', () => {
  it('recognises PDF, images and office files by their first bytes', () => {
    expect(sniffAttachment(bytes('%PDF-1.7\n...'), 'x.bin')?.mediaType).toBe('application/pdf');
    expect(sniffAttachment(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'a.pdf')?.mediaType).toBe('image/png');
    expect(sniffAttachment(bytes([0xff, 0xd8, 0xff, 0xe0]), 'a')?.mediaType).toBe('image/jpeg');
    expect(sniffAttachment(bytes('GIF89a....'), 'a')?.mediaType).toBe('image/gif');
    expect(sniffAttachment(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'a')?.mediaType).toBe('image/webp');
    expect(sniffAttachment(bytes('PK', [3, 4], '....word/document.xml'), 'a.zip')?.extension).toBe('docx');
    expect(sniffAttachment(bytes('PK', [3, 4], '....xl/workbook.xml'), 'a')?.extension).toBe('xlsx');
    expect(sniffAttachment(bytes('PK', [3, 4], '....ppt/presentation.xml'), 'a')?.extension).toBe('pptx');
    expect(sniffAttachment(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '报告.wps')?.extension).toBe('wps');
  });

  it('refuses anything else, whatever its name says', () => {
    expect(sniffAttachment(bytes('MZ\x90\x00'), 'report.pdf')).toBeNull();
    expect(sniffAttachment(bytes('<html><script>'), 'photo.png')).toBeNull();
    expect(sniffAttachment(bytes('PK', [3, 4], '....evil.exe'), 'a.docx')).toBeNull();
    expect(sniffAttachment(Buffer.alloc(0), 'empty.pdf')).toBeNull();
  });

  it('keeps only a safe file name', () => {
    expect(cleanFilename('C:\\temp\\..\\进展.pdf', 'pdf')).toBe('进展.pdf');
    expect(cleanFilename('../../etc/passwd', 'pdf')).toBe('passwd');
    expect(cleanFilename('a"\u0000b.pdf', 'pdf')).toBe('ab.pdf');
    expect(cleanFilename('', 'png')).toBe('attachment.png');
  });
});
