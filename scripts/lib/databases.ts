import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const POSTGRES_URL = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find((u) => u !== undefined && /^postgres(ql)?:\/\//.test(u));

export interface ScratchDatabase {
  url: string;
  dir: string;
  drop(): Promise<void>;
}

/** A throw-away database (SQLite file in a temp dir, or a new PostgreSQL database) plus a temp dir. */
export async function scratchDatabase(dialect: 'sqlite' | 'postgres', label: string): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `luoshi-${label}-`));
  if (dialect === 'sqlite') {
    return { url: `sqlite:${path.join(dir, 'luoshi.sqlite')}`, dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!POSTGRES_URL) throw new Error('no PostgreSQL: set TEST_DATABASE_URL');
  const name = `luoshi_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dir,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
