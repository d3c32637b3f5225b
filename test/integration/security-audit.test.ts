import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { GENESIS, eventHash } from '../../src/domain/audit-chain.js';
import { canonicalJson } from '../../src/model/canonical-json.js';
import { sm3 } from '../../src/model/sm3.js';
import { SYSTEM_ACTOR } from '../../src/domain/policy.js';
import { appendAudit } from '../../src/services/support/audit-trail.js';
import { silentLogger, systemClock } from '../../src/services/support/context.js';
import type { ServiceContext } from '../../src/services/support/context.js';
import { rotateAuditKey } from '../../src/services/rotate-audit-key.js';
import { verifyAudit } from '../../src/services/verify-audit.js';
import type { AuditVerification } from '../../src/services/verify-audit.js';
import { Client } from '../helpers/client.js';
import { DIALECTS, createTestDatabase } from '../helpers/databases.js';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

describe.each(DIALECTS)('the keyed audit chain on %s', (dialect) => {
  let t: TestServer;
  let admin: Client;
  let keyDir: string;
  const verify = async () => (await admin.json<AuditVerification>('GET', '/api/audit/verify')).body;
  const db = () => t.server.handle.db;

  beforeAll(async () => {
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-keys-'));
    t = await startTestServer({ dialect, env: { LUOSHI_AUDIT_KEY_FILE: path.join(keyDir, 'audit-keys') } });
    admin = new Client(t.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('keys every event of a new database and checks every decision against the trail', async () => {
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.legacy).toBe(0);
    expect(v.keyed).toBe(v.checked);
    expect(v.keyIds).toHaveLength(1);
    // Every decision the demo made (it decides all its opinions, to publish the adoption notice) is checked.
    const decided = await t.server.handle.db.selectFrom('opinions').select((eb) => eb.fn.countAll<number>().as('n')).where('decided_at', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(decided.n)).toBeGreaterThan(0);
    expect(v.decisions.checked).toBe(Number(decided.n));
  });

  it('catches a rewrite by someone with the database but not the key: recomputed plain hashes fail', async () => {
    const rows = await db().selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const target = rows[Math.floor(rows.length / 2)]!;
    // The attacker edits one event and recomputes every later hash the old (unkeyed) way.
    const saved = rows.filter((r) => r.seq >= target.seq);
    let prev = rows.find((r) => r.seq === target.seq - 1)?.hash ?? GENESIS;
    for (const r of saved) {
      const detail = r.seq === target.seq ? canonicalJson({ forged: true }) : r.detail;
      const fields = { seq: r.seq, at: r.at, actorLogin: r.actor_login, action: r.action, entity: r.entity, entityId: r.entity_id, digest: sm3(detail), prevHash: prev };
      const hash = eventHash(fields);
      await db().updateTable('audit_events').set({ detail, digest: fields.digest, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    await db().updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ seq: target.seq, reason: 'hash_mismatch' });
    for (const r of saved) {
      await db().updateTable('audit_events').set({ detail: r.detail, digest: r.digest, prev_hash: r.prev_hash, hash: r.hash }).where('seq', '=', r.seq).execute();
    }
    await db().updateTable('audit_head').set({ hash: saved.at(-1)!.hash }).where('id', '=', 1).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('hashes actor_id: changing who did it breaks the chain', async () => {
    const row = await db().selectFrom('audit_events').select(['seq', 'actor_id']).where('actor_id', 'is not', null).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await db().updateTable('audit_events').set({ actor_id: Number(row.actor_id) + 1 }).where('seq', '=', row.seq).execute();
    expect((await verify()).firstBroken).toMatchObject({ seq: row.seq, reason: 'hash_mismatch' });
    await db().updateTable('audit_events').set({ actor_id: row.actor_id }).where('seq', '=', row.seq).execute();
  });

  it('catches a decision changed in the table behind the app', async () => {
    const decided = await db().selectFrom('opinions').select(['id', 'disposition']).where('disposition', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    await db().updateTable('opinions').set({ disposition: decided.disposition === 'rejected' ? 'adopted' : 'rejected' }).where('id', '=', decided.id).execute();
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toBeNull();
    expect(v.decisions.mismatches).toEqual([{ opinionId: decided.id, reason: 'changed' }]);
    await db().updateTable('opinions').set({ disposition: decided.disposition }).where('id', '=', decided.id).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('catches events cut off the end: the head carries a MAC', async () => {
    const last = await db().selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const before = await db().selectFrom('audit_events').select(['seq', 'hash']).where('seq', '=', last.seq - 1).executeTakeFirstOrThrow();
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await db().deleteFrom('audit_events').where('seq', '=', last.seq).execute();
    await db().updateTable('audit_head').set({ seq: before.seq, hash: before.hash }).where('id', '=', 1).execute();
    expect((await verify()).firstBroken).toMatchObject({ reason: 'head_mac_invalid' });
    await db().insertInto('audit_events').values(last).execute();
    await db().updateTable('audit_head').set({ seq: head.seq, hash: head.hash }).where('id', '=', 1).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('rotates the key with an audited event; events under both keys verify', async () => {
    const ctx: ServiceContext = { db: db(), dialect, config: t.config, clock: systemClock, actor: SYSTEM_ACTOR, log: silentLogger };
    const { from, to } = await rotateAuditKey(ctx);
    expect(from).not.toBe(to);
    expect(fs.readFileSync(path.join(keyDir, 'audit-keys'), 'utf8')).toContain(to);
    expect((await admin.json('PATCH', '/api/session/preferences', { locale: 'en' })).status).toBe(200);
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.keyIds.sort()).toEqual([from, to].sort());
    const rotation = await db().selectFrom('audit_events').selectAll().where('action', '=', 'audit.key_rotated').executeTakeFirstOrThrow();
    expect(rotation.key_id).toBe(to);
  });
});

describe('upgrading an unkeyed chain (migration 0006)', () => {
  it('keeps old events as they were, keys every new one, and the keyed events pin the old prefix', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ DATABASE_URL: database.url, LUOSHI_SCRYPT_COST: '1024', LOG_LEVEL: 'silent' });
    const handle = openDatabase(config.database);
    try {
      await migrateTo(handle.db, '0004-indicators');
      // Three events the way the code before 0006 wrote them.
      let prev = GENESIS;
      for (let seq = 1; seq <= 3; seq++) {
        const detail = canonicalJson({ n: seq });
        const fields = { seq, at: `2021-07-0${seq}T00:00:00.000Z`, actorLogin: 'cli', action: 'unit.update', entity: 'unit', entityId: String(seq), digest: sm3(detail), prevHash: prev };
        prev = eventHash(fields);
        await sql`INSERT INTO audit_events (seq, at, actor_id, actor_login, action, entity, entity_id, detail, digest, prev_hash, hash)
          VALUES (${seq}, ${fields.at}, ${null}, 'cli', 'unit.update', 'unit', ${String(seq)}, ${detail}, ${fields.digest}, ${fields.prevHash}, ${prev})`.execute(handle.db);
      }
      await sql`UPDATE audit_head SET seq = 3, hash = ${prev} WHERE id = 1`.execute(handle.db);
      await migrateToLatest(handle.db);
      await handle.db.transaction().execute((trx) => appendAudit(trx, SYSTEM_ACTOR, systemClock, { action: 'demo.load', entity: 'unit', entityId: null, detail: {} }));
      const ctx: ServiceContext = { db: handle.db, dialect: 'sqlite', config, clock: systemClock, actor: SYSTEM_ACTOR, log: silentLogger };
      const v = await verifyAudit(ctx);
      expect(v).toMatchObject({ ok: true, checked: 4, keyed: 1, legacy: 3, keyedFromSeq: 4 });

      // Rewriting the old prefix consistently (plain hashes) still breaks at the first keyed event.
      let p2 = GENESIS;
      for (let seq = 1; seq <= 3; seq++) {
        const detail = canonicalJson({ n: seq, forged: true });
        const fields = { seq, at: `2021-07-0${seq}T00:00:00.000Z`, actorLogin: 'cli', action: 'unit.update', entity: 'unit', entityId: String(seq), digest: sm3(detail), prevHash: p2 };
        p2 = eventHash(fields);
        await handle.db.updateTable('audit_events').set({ detail, digest: fields.digest, prev_hash: fields.prevHash, hash: p2 }).where('seq', '=', seq).execute();
      }
      expect((await verifyAudit(ctx)).firstBroken).toMatchObject({ seq: 4, reason: 'prev_hash_mismatch' });

      // An event in the keyed epoch stripped of its key is refused.
      await handle.db.updateTable('audit_events').set({ key_id: null }).where('seq', '=', 4).execute();
      await handle.db.updateTable('audit_events').set({ prev_hash: p2 }).where('seq', '=', 4).execute();
      expect((await verifyAudit(ctx)).firstBroken).toMatchObject({ seq: 4, reason: 'key_missing' });
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});
