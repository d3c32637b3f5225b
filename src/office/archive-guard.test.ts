import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { HOSTILE_FILES, docx, paragraphs } from '../../test/helpers/hostile-files.js';
import { inspectArchive } from './archive-guard.js';

const codeOf = async (bytes: Buffer): Promise<string | null> => {
  try {
    await inspectArchive(bytes);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.code;
  }
};

const EXPECTED: Record<string, string> = {
  'bomb-size.docx': 'archive_too_large',
  'bomb-ratio.docx': 'archive_ratio',
  'deep.docx': 'document_too_complex',
  'xxe.docx': 'document_too_complex',
  'laughs.docx': 'document_too_complex',
  'laughs.xlsx': 'document_too_complex',
  'million-rows.xlsx': 'document_too_complex',
  'truncated.docx': 'archive_invalid',
};

describe('archive guard', () => {
  it('passes an ordinary docx and reports its unpacked size', async () => {
    const report = await inspectArchive(await docx(paragraphs(['2021年工作要点', '一、总体要求'])));
    expect(report.entries.map((e) => e.name)).toContain('word/document.xml');
    expect(report.unpackedBytes).toBeGreaterThan(100);
  });

  for (const file of HOSTILE_FILES.filter((f) => EXPECTED[f.filename])) {
    it(`refuses ${file.name} with ${EXPECTED[file.filename]}`, async () => {
      expect(await codeOf(await file.bytes())).toBe(EXPECTED[file.filename]);
    });
  }
});
