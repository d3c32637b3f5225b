import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { fail } from '../domain/errors.js';
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
    throw fail('backup_use_pg_dump');
  }
  const file = path.resolve(target);
  if (fs.existsSync(file)) {
    throw fail('file_exists', { file });
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
