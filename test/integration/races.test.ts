import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { draft, loginAs, makeConsultation, makePlan, recipientCodes, seal, seedPlanText } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';


// Many rounds of HTTP requests on a shared, loaded machine: give each test room.
vi.setConfig({ testTimeout: 240_000 });
/**
 * Rules that must hold when two requests come at once. Each test fires the conflicting
 * requests together (Promise.all), many rounds, and then checks the invariant — never the
 * timing: any interleaving may win, but none may break the rule. Losers must get a 409 with
 * a specific code. `broken` counts violations before asserting, so a run against older code
 * reports how often it failed.
 */
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);

type Reply = { id: number; unitId: number; status: string; opinions: { id: number; content: string; disposition: string | null }[] };

function expectConflict(r: { status: number; body: unknown }, codes: string[]): void {
  if (r.status === 409) expect(codes).toContain((r.body as ErrorBody).error.code);
}

describe.each(DIALECTS)('races over HTTP on %s', (dialect) => {
  let t: TestServer;
  let office: Client;
  const clients = new Map<string, Client>();
  const as = async (login: string) => {
    if (!clients.has(login)) clients.set(login, await loginAs(t, login));
    return clients.get(login)!;
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { REMINDER_INTERVAL_MINUTES: '0' } });
    office = await as('office');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('editing a draft while it is sealed: the seal always verifies against what is stored', async () => {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const codes = (await recipientCodes(office, consultationId)).slice(0, ROUNDS);
    let broken = 0;
    for (const [round, code] of codes.entries()) {
      const reporter = await as(`${code}.reporter`);
      const signatory = await as(`${code}.signatory`);
      const replyId = await draft(reporter, consultationId, { opinions: [{ itemOrdinal: 2, content: `第一稿 ${round}` }] });
      const edit = (n: number) => reporter.json('PATCH', `/api/replies/${replyId}`, { opinions: [{ itemOrdinal: 3, content: `改稿 ${round}-${n}` }] });
      const results = await Promise.all([edit(1), signatory.json('POST', `/api/replies/${replyId}/seal`), edit(2), edit(3)]);
      for (const r of results) {
        expect([200, 409]).toContain(r.status);
        expectConflict(r, ['reply_already_sealed', 'reply_not_draft']);
      }
      expect(results[1]!.status).toBe(200);
      const verified = await office.json<{ valid: boolean }>('GET', `/api/replies/${replyId}/verify`);
      if (!verified.body.valid) broken++;
    }
    console.log(`[${dialect}] edit vs seal: ${broken}/${codes.length} seals no longer verify`);
    expect(broken).toBe(0);
  });

  it('two drafts for one unit at once: at most one current reply, the others get draft_exists', async () => {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const codes = (await recipientCodes(office, consultationId)).slice(0, ROUNDS);
    let broken = 0;
    for (const code of codes) {
      const reporter = await as(`${code}.reporter`);
      const start = () => reporter.json('POST', `/api/consultations/${consultationId}/replies`, { noOpinion: true });
      const results = await Promise.all([start(), start(), start()]);
      for (const r of results) {
        expect([201, 409]).toContain(r.status);
        expectConflict(r, ['draft_exists']);
      }
      const mine = await reporter.json<{ replies: Reply[] }>('GET', `/api/consultations/${consultationId}/replies`);
      const current = mine.body.replies.filter((r) => r.status !== 'withdrawn');
      if (current.length !== 1) broken++;
      expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    }
    console.log(`[${dialect}] draft vs draft: ${broken}/${codes.length} units ended with more than one draft`);
    expect(broken).toBe(0);
  });

  it('withdrawing while the office decides: never withdrawn once decided', async () => {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const codes = (await recipientCodes(office, consultationId)).slice(0, ROUNDS);
    let broken = 0;
    for (const [round, code] of codes.entries()) {
      const signatory = await as(`${code}.signatory`);
      const replyId = await draft(await as(`${code}.reporter`), consultationId, { opinions: [{ itemOrdinal: 2, content: `意见 ${round}` }] });
      await seal(signatory, replyId);
      const opinionId = (await signatory.json<Reply>('GET', `/api/replies/${replyId}`)).body.opinions[0]!.id;
      const [withdrawn, decided, batch] = await Promise.all([
        signatory.json('POST', `/api/replies/${replyId}/withdraw`),
        office.json('POST', `/api/opinions/${opinionId}/decision`, { disposition: 'adopted' }),
        office.json('POST', `/api/consultations/${consultationId}/decisions`, { opinionIds: [opinionId], disposition: 'rejected', reason: '理由' }),
      ]);
      expectConflict(withdrawn, ['opinion_decided', 'reply_withdrawn']);
      expectConflict(decided, ['reply_withdrawn', 'opinion_not_sealed']);
      expectConflict(batch, ['reply_withdrawn', 'opinion_not_sealed']);
      const after = await signatory.json<Reply>('GET', `/api/replies/${replyId}`);
      if (after.body.status === 'withdrawn' && after.body.opinions.some((o) => o.disposition !== null)) broken++;
      // Whatever the order, one side won: the reply is withdrawn or its opinion decided.
      expect(after.body.status === 'withdrawn' || after.body.opinions[0]!.disposition !== null).toBe(true);
    }
    console.log(`[${dialect}] withdraw vs decide: ${broken}/${codes.length} replies withdrawn with a decided opinion`);
    expect(broken).toBe(0);
  });

  it('revisions saved at once: version numbers stay unique and dense', async () => {
    const rounds = Math.max(1, Math.floor(ROUNDS / 4));
    let broken = 0;
    let conflicts = 0;
    for (let round = 0; round < rounds; round++) {
      const planId = await makePlan(office);
      const base = seedPlanText(`r${round}`);
      const revise = (n: number) =>
        office.json('POST', `/api/plans/${planId}/versions`, { text: base.replace('保障性租赁住房', `保障性租赁住房（修改 ${n}）`), filename: `v${n}.txt` });
      const results = await Promise.all([revise(1), revise(2), revise(3), revise(4)]);
      for (const r of results) {
        expect([201, 409]).toContain(r.status);
        expectConflict(r, ['version_conflict']);
        if (r.status === 409) conflicts++;
      }
      const plan = await office.json<{ versions: { number: number }[] }>('GET', `/api/plans/${planId}`);
      const numbers = plan.body.versions.map((v) => v.number).sort((a, b) => a - b);
      const created = results.filter((r) => r.status === 201).length;
      if (numbers.join() !== Array.from({ length: created + 1 }, (_, i) => i + 1).join()) broken++;
    }
    console.log(`[${dialect}] revision vs revision: ${broken}/${rounds} plans with duplicate or missing numbers; ${conflicts} answered 409`);
    expect(broken).toBe(0);
  });

  it('closing twice at once, and extending while closing: one close, and no deadline moved on a closed consultation', async () => {
    let broken = 0;
    const rounds = Math.max(1, Math.floor(ROUNDS / 4));
    const planId = await makePlan(office);
    for (let round = 0; round < rounds; round++) {
      const consultationId = await makeConsultation(office, planId, { deadline: '2099-01-10' });
      const results = await Promise.all([
        office.json('POST', `/api/consultations/${consultationId}/close`),
        office.json('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2099-02-10' }),
        office.json('POST', `/api/consultations/${consultationId}/close`),
      ]);
      expect([results[0]!.status, results[2]!.status].sort()).toEqual([200, 409]);
      expectConflict(results[0]!, ['consultation_already_closed']);
      expectConflict(results[1]!, ['consultation_closed']);
      const audit = await t.server.handle.db
        .selectFrom('audit_events')
        .select(['action', 'seq'])
        .where('entity', '=', 'consultation')
        .where('entity_id', '=', String(consultationId))
        .orderBy('seq')
        .execute();
      const actions = audit.map((a) => a.action);
      if (actions.filter((a) => a === 'consultation.close').length !== 1) broken++;
      const closeAt = actions.indexOf('consultation.close');
      if (actions.lastIndexOf('consultation.extend') > closeAt) broken++;
    }
    console.log(`[${dialect}] close vs close/extend: ${broken} violations in ${rounds} rounds`);
    expect(broken).toBe(0);
  });
});
