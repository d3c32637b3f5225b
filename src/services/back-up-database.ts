import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

/**
 * An online backup of the SQLite database (consistent while the server keeps running).
 * PostgreSQL has its own tool for this: pg_dump.
 */
export async function backUpDatabase(
  target: string,
  sqlite: SQLite.Database | null,
  ctx: ServiceContext,
  onProgress?: (done: number, total: number) => void,
): Promise<{ file: string; bytes: number }> {
  authorize(ctx.actor, 'database.backup');
  if (ctx.dialect === 'postgres' || sqlite === null) {
    throw new AppError('bad_request', {
      zh: 'PostgreSQL 数据库请使用 pg_dump 备份，例如：pg_dump "$DATABASE_URL" > luoshi.sql',
      en: 'Back up PostgreSQL with pg_dump, e.g. pg_dump "$DATABASE_URL" > luoshi.sql',
    });
  }
  const file = path.resolve(target);
  if (fs.existsSync(file)) {
    throw new AppError('conflict', { zh: `文件已存在：${file}`, en: `File already exists: ${file}` });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sqlite.backup(file, {
    progress({ totalPages, remainingPages }) {
      onProgress?.(totalPages - remainingPages, totalPages);
      return 200;
    },
  });
  return { file, bytes: fs.statSync(file).size };
}
