import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface TaskRow {
  id: number;
  status: string;
}
interface Sealed {
  report: { id: number; taskId: number; status: string; seal: { signature: string } | null };
  seal: { signature: string; late: boolean };
}

// The demo's open tasks in February 2022: a unit seals its drafts of a new round in one request.
describe.each(DIALECTS)('submitting a unit’s reports of a round at once on %s', (dialect) => {
  const clock = new TestClock(new Date('2022-02-01T02:00:00Z'));
  const planId = 1;
  let t: TestServer;
  let office: Client;
  let fgw: Unit;
  let open: TaskRow[];
  let closed: TaskRow;
  let roundId: number;
  const login = async (name: string) => {
    const c = new Client(t.url);
    expect((await c.login(name, DEMO_PASSWORD)).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
    office = await login('office');
    fgw = (await office.json<{ units: Unit[] }>('GET', '/api/units')).body.units.find((u) => u.code === 'hn-fgw')!;
    const mine = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?unitId=${fgw.id}`)).body;
    open = mine.filter((x) => x.status === 'open');
    closed = mine.find((x) => x.status === 'closed')!;
    const round = await office.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, { title: '2022年1月调度', periodStart: '2022-01-01', periodEnd: '2022-01-31', dueDate: '2022-02-10' });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const reporter = await login('hn-fgw.reporter');
    for (const task of open) {
      const saved = await reporter.json('PUT', `/api/rounds/${roundId}/tasks/${task.id}/report`, { progress: `任务${task.id}：1月按计划推进。`, percent: 90 });
      expect(saved.status).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a reporter, and refuses the whole batch when one task is closed or has no draft', async () => {
    expect(open.length).toBeGreaterThan(0);
    const reporter = await login('hn-fgw.reporter');
    expect((await reporter.json<ErrorBody>('POST', `/api/rounds/${roundId}/reports/submit`, {})).status).toBe(403);
    const signatory = await login('hn-fgw.signatory');
    const withClosed = await signatory.json<ErrorBody>('POST', `/api/rounds/${roundId}/reports/submit`, { taskIds: [...open.map((x) => x.id), closed.id] });
    expect(withClosed.status).toBe(409);
    expect(withClosed.body.error.code).toBe('task_closed');
    // All or nothing: every draft is still a draft.
    const view = (await office.json<{ rows: { unitId: number; status: string }[] }>('GET', `/api/rounds/${roundId}?unitId=${fgw.id}`)).body;
    expect(view.rows.filter((r) => r.status === 'submitted')).toHaveLength(0);
  });

  it("seals each draft as one submission would, verifiable on its own, with the audit chain intact", async () => {
    const signatory = await login('hn-fgw.signatory');
    const done = await signatory.json<{ submitted: Sealed[] }>('POST', `/api/rounds/${roundId}/reports/submit`, {});
    expect(done.status).toBe(200);
    expect(done.body.submitted.map((s) => s.report.taskId).sort((a, b) => a - b)).toEqual(open.map((x) => x.id).sort((a, b) => a - b));
    for (const s of done.body.submitted) {
      expect(s.report.status).toBe('submitted');
      expect(s.report.seal?.signature).toBe(s.seal.signature);
      expect(s.seal.late).toBe(false);
      const verified = await office.json<{ valid: boolean }>('GET', `/api/reports/${s.report.id}/verify`);
      expect(verified.body.valid).toBe(true);
    }
    // Nothing left to seal; sealing one again is refused as a single submission would be.
    expect((await signatory.json<{ submitted: Sealed[] }>('POST', `/api/rounds/${roundId}/reports/submit`, {})).body.submitted).toEqual([]);
    const again = await signatory.json<ErrorBody>('POST', `/api/rounds/${roundId}/reports/submit`, { taskIds: [open[0]!.id] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('report_not_draft');
    const admin = new Client(t.url);
    await admin.login('admin', ADMIN_PASSWORD);
    expect((await admin.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);

    // One signature over a manifest of the reports' digests (批量签发): the same for every report of the batch.
    expect(new Set(done.body.submitted.map((s) => s.seal.signature)).size).toBe(1);
    // Changing one report in the database breaks that report's seal and no other's.
    expect(done.body.submitted.length).toBeGreaterThan(1);
    {
      const [first, second] = done.body.submitted;
      await t.server.handle.db.updateTable('reports').set({ progress: '被篡改的进展' }).where('id', '=', first!.report.id).execute();
      expect((await office.json<{ valid: boolean; reason: string }>('GET', `/api/reports/${first!.report.id}/verify`)).body).toMatchObject({ valid: false, reason: 'signature_mismatch' });
      expect((await office.json<{ valid: boolean }>('GET', `/api/reports/${second!.report.id}/verify`)).body.valid).toBe(true);
      // A manifest altered to match the altered report no longer carries a valid signature.
      const batchId = (await t.server.handle.db.selectFrom('reports').select('seal_batch_id').where('id', '=', second!.report.id).executeTakeFirstOrThrow()).seal_batch_id!;
      const manifest = (await t.server.handle.db.selectFrom('report_seal_batches').select('manifest').where('id', '=', batchId).executeTakeFirstOrThrow()).manifest;
      await t.server.handle.db.updateTable('report_seal_batches').set({ manifest: manifest.replace('"revision":1', '"revision":1 ') }).where('id', '=', batchId).execute();
      expect((await office.json<{ valid: boolean }>('GET', `/api/reports/${second!.report.id}/verify`)).body.valid).toBe(false);
    }
  });
});
