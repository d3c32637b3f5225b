import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function luoshi(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/luoshi.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LUOSHI_SCRYPT_COST: '1024', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function tamper(db: TestDatabase, sqlText: string): Promise<void> {
  if (db.url.startsWith('sqlite:')) {
    const conn = new Database(db.url.slice('sqlite:'.length));
    conn.exec(sqlText);
    conn.close();
    return;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(sqlText);
  await client.end();
}

describe('luoshi CLI', () => {
  it('prints help for every command and exits 0', () => {
    const top = luoshi(['--help'], {});
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'verify-audit', 'backup', 'units']) expect(top.out).toContain(command);
    expect(top.out).toContain('Exit codes');
    const sub = luoshi(['user', 'add', '--help'], {});
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('--unit');
  });

  it('parses a city’s plan without --place in the registry of the city its title names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-parse-'));
    const file = path.join(dir, 'changsha.txt');
    fs.writeFileSync(file, '长沙市2024年重点工作任务分工方案\n一、重点任务\n1.推进城市更新。(市发改委牵头,市住建局配合)\n');
    const parsed = luoshi(['parse', file, '--json'], {});
    expect(parsed.code).toBe(0);
    const plan = JSON.parse(parsed.out) as { items: { responsible: { raw: string; unit: string | null }[] }[] };
    expect(plan.items[0]?.responsible.map((r) => `${r.raw}=${r.unit}`)).toEqual(['市发改委=市发展改革委', '市住建局=市住房城乡建设局']);
  });

  it('exits 2 on a usage error', () => {
    expect(luoshi(['no-such-command'], {}).code).toBe(2);
    expect(luoshi(['user', 'add'], {}).code).toBe(2);
  });

  it('refuses an invalid configuration with a message that names the variable (exit 6)', () => {
    const bad = luoshi(['migrate'], { PORT: 'abc', DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(6);
    expect(bad.err).toContain('PORT');
    expect(bad.err).toContain('DATABASE_URL');
    const serve = luoshi(['serve'], { LOG_LEVEL: 'loud' });
    expect(serve.code).toBe(6);
    expect(serve.err).toContain('LOG_LEVEL');
  });
});

describe.each(DIALECTS)('luoshi CLI on %s', { timeout: 300_000 }, (dialect) => {
  // A database with the demo loaded, shared by the tests that only read it or add records of
  // their own; the tests that need an empty database or break the audit chain get their own.
  let db: TestDatabase;
  let env: Record<string, string>;
  const databases: TestDatabase[] = [];
  async function freshDatabase(withDemo: boolean): Promise<{ db: TestDatabase; env: Record<string, string> }> {
    const db = await createTestDatabase(dialect);
    databases.push(db);
    const env = { DATABASE_URL: db.url, LUOSHI_ADMIN_PASSWORD: 'admin-pass-2021' };
    if (withDemo) expect(luoshi(['demo'], env).code).toBe(0);
    return { db, env };
  }
  beforeAll(async () => {
    ({ db, env } = await freshDatabase(true));
  }, 300_000);
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it('loads the demo once, printing the generated demo password', async () => {
    const { env } = await freshDatabase(false);
    const first = luoshi(['demo'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/demo accounts password: \S{19}/);
    expect(first.out).not.toContain('admin password');
    const again = luoshi(['demo'], env);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already has accounts');
  });

  it('adds, lists and resets accounts', () => {
    const added = luoshi(['user', 'add', 'zhang.san', '--unit', 'hn-gat', '--role', 'viewer', '--name', '张三'], env);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/password: \S+/);
    const list = luoshi(['user', 'list', '--unit', 'hn-gat', '--json'], env);
    expect(JSON.parse(list.out).map((u: { login: string }) => u.login)).toContain('zhang.san');
    expect(luoshi(['user', 'add', 'zhang.san', '--unit', 'hn-gat', '--role', 'viewer'], env).code).toBe(5);
    expect(luoshi(['user', 'add', 'li.si', '--unit', 'nowhere', '--role', 'viewer'], env).code).toBe(4);
    expect(luoshi(['user', 'passwd', 'zhang.san', '--password', 'short'], env).code).toBe(5);
    expect(luoshi(['user', 'passwd', 'zhang.san', '--password', 'long-enough-1'], env).code).toBe(0);
    expect(luoshi(['user', 'passwd', 'nobody'], env).code).toBe(4);
  });

  it('verifies the audit chain, and names the first broken link after a row is changed by hand (exit 3)', async () => {
    const { db, env } = await freshDatabase(true);
    const ok = luoshi(['verify-audit'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit chain intact: \d+ events/);
    await tamper(db, "UPDATE audit_events SET actor_login = 'mallory' WHERE seq = 2");
    const broken = luoshi(['verify-audit'], env);
    expect(broken.code).toBe(3);
    expect(broken.err).toContain('event #2');
  });

  it('backs up SQLite online, and points PostgreSQL to pg_dump', () => {
    const target = path.join(path.dirname(db.url.replace(/^sqlite:/, '')), 'backup', 'copy.sqlite');
    const result = luoshi(['backup', dialect === 'sqlite' ? target : '/tmp/never-written.sqlite'], env);
    if (dialect === 'postgres') {
      expect(result.code).toBe(5);
      expect(result.err).toContain('pg_dump');
      return;
    }
    expect(result.code).toBe(0);
    const copy = new Database(target, { readonly: true });
    const users = copy.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    copy.close();
    expect(users.n).toBeGreaterThan(70);
    expect(luoshi(['backup', target], env).code).toBe(5);
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });
});

/** Each test gets a database of its own, loaded with the demo, so none depends on another. */
describe.each(DIALECTS)('luoshi CLI import and units on %s', { timeout: 300_000 }, (dialect) => {
  const databases: TestDatabase[] = [];
  async function freshDemo(): Promise<{ env: Record<string, string>; dir: string }> {
    const db = await createTestDatabase(dialect);
    databases.push(db);
    const env = { DATABASE_URL: db.url, LUOSHI_ADMIN_PASSWORD: 'admin-pass-2021' };
    expect(luoshi(['demo'], env).code).toBe(0);
    return { env, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-cli-')) };
  }
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('imports a plan file as a new plan, and refuses the same bytes twice (exit 5)', async () => {
    const { env, dir } = await freshDemo();
    const seed = path.join(ROOT, 'fixtures', 'hunan-2021-urbanization-workplan-draft.txt');
    const copy = path.join(dir, 'plan.txt');
    fs.writeFileSync(copy, fs.readFileSync(seed, 'utf8').replace('2021年湖南省新型城镇化工作要点', '2021年湖南省新型城镇化工作要点（CLI）'));
    const imported = luoshi(['import', copy], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported plan \d+: 《.+》 — 22 items/);
    const again = luoshi(['import', copy], env);
    expect(again.code).toBe(5);
    expect(again.err).toContain('已导入过');
    const notAPlan = path.join(dir, 'note.txt');
    fs.writeFileSync(notAPlan, '这只是一段说明文字，没有章节也没有条目。');
    const refused = luoshi(['import', notAPlan], env);
    expect(refused.code).toBe(5);
    expect(refused.err).toContain('工作方案');
  });

  it('imports a 分工表 as .xlsx with --place: the city’s names resolve; an unknown place is refused', async () => {
    const { env, dir } = await freshDemo();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('分工表');
    sheet.addRow(['2023年重点工作任务分工表（CLI）']);
    sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow([1, '编制城市更新专项规划。', '市发改委', '市财政局', '2023年底前']);
    sheet.addRow([2, '落实减税降费政策。', '市财政局', '', '每季度']);
    const file = path.join(dir, '分工表.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const unknown = luoshi(['import', file, '--place', '999900'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('999900');
    const imported = luoshi(['import', file, '--place', '430100'], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported plan \d+: 《2023年重点工作任务分工表（CLI）》 — 2 items, 0 warnings/);
  });

  it('exports the registry to JSON and xlsx and imports it back: unchanged, then one unit renamed', async () => {
    const { env, dir } = await freshDemo();
    const json = path.join(dir, 'units.json');
    const exported = luoshi(['units', 'export', json], env);
    expect(exported.code).toBe(0);
    const file = JSON.parse(fs.readFileSync(json, 'utf8')) as { units: { code: string; name: string }[] };
    const count = file.units.length;
    expect(exported.out).toContain(`${count} units written`);
    expect(luoshi(['units', 'import', json], env).out).toContain(`created 0, updated 0, unchanged ${count}`);
    const gat = file.units.find((u) => u.code === 'hn-gat')!;
    gat.name = `${gat.name}（更名）`;
    fs.writeFileSync(json, JSON.stringify(file));
    expect(luoshi(['units', 'import', json], env).out).toContain(`created 0, updated 1, unchanged ${count - 1}`);
    const xlsx = path.join(dir, 'units.xlsx');
    expect(luoshi(['units', 'export', xlsx], env).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(luoshi(['units', 'import', xlsx], env).out).toContain(`created 0, updated 0, unchanged ${count}`);
    fs.writeFileSync(json, '{ not json');
    const bad = luoshi(['units', 'import', json], env);
    expect(bad.code).toBe(5);
    expect(bad.err).toContain('JSON');
  });
});
