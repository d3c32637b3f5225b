import type { FastifyRequest } from 'fastify';
import { fail } from '../../domain/errors.js';

/** The uploaded workbook; called only after the caller was authorised. */
export async function uploadedWorkbook(request: FastifyRequest, limit: number): Promise<Buffer> {
  if (!request.isMultipart()) throw fail('xlsx_not_xlsx');
  const file = await request.file();
  if (!file) throw fail('xlsx_not_xlsx');
  try {
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw fail('xlsx_too_large', { limit: Math.round(limit / 1024 / 1024) });
    return bytes;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fail('xlsx_too_large', { limit: Math.round(limit / 1024 / 1024) });
    throw error;
  }
}

