import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { draft, loginAs, makeConsultation, makePlan, seal } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';


// Many rounds of HTTP requests on a shared, loaded machine: give each test room.
vi.setConfig({ testTimeout: 240_000 });
type Reply = { id: number; opinions: { id: number }[] };
type Notice = { publication: number; publications: { number: number }[]; opinions: { content: string; disposition: string }[] };
type State = { deadline: string; status: string; closedAt: string | null };

/** Each test builds its own plan and consultation on a shared server. */
describe.each(DIALECTS)('consultation rules on %s', (dialect) => {
  let t: TestServer;
  let office: Client;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { REMINDER_INTERVAL_MINUTES: '0' } });
    office = await loginAs(t, 'office');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A consultation with one sealed opinion from 省公安厅. */
  async function withOneOpinion(): Promise<{ consultationId: number; opinionId: number }> {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const replyId = await draft(await loginAs(t, 'hn-gat.reporter'), consultationId, { opinions: [{ itemOrdinal: 2, content: '建议细化。' }] });
    const signatory = await loginAs(t, 'hn-gat.signatory');
    await seal(signatory, replyId);
    const reply = await signatory.json<Reply>('GET', `/api/replies/${replyId}`);
    return { consultationId, opinionId: reply.body.opinions[0]!.id };
  }

  it('publishes only a closed consultation with every opinion decided, as a snapshot; a change needs a new publication', async () => {
    const { consultationId, opinionId } = await withOneOpinion();
    const publish = () => office.json<ErrorBody & { publication: number }>('POST', `/api/consultations/${consultationId}/publish`);
    // The API says when 公开 would be accepted (the web app makes it the main button then).
    const may = async (c: Client = office) => (await c.json<{ allowed: { publish: boolean }; undecidedOpinions: number | null }>('GET', `/api/consultations/${consultationId}`)).body;
    expect(await may()).toMatchObject({ allowed: { publish: false }, undecidedOpinions: 1 });
    const open = await publish();
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('consultation_open');
    expect((await office.json('POST', `/api/consultations/${consultationId}/close`)).status).toBe(200);
    expect(await may()).toMatchObject({ allowed: { publish: false }, undecidedOpinions: 1 });
    const undecided = await publish();
    expect(undecided.status).toBe(409);
    expect(undecided.body.error.code).toBe('opinions_undecided');
    expect((await office.json('POST', `/api/opinions/${opinionId}/decision`, { disposition: 'adopted' })).status).toBe(200);
    expect(await may()).toMatchObject({ allowed: { publish: true }, undecidedOpinions: 0 });
    // A consulted unit is not told how many opinions wait, nor may it publish.
    expect(await may(await loginAs(t, 'hn-gat.reporter'))).toMatchObject({ allowed: { publish: false }, undecidedOpinions: null });
    const first = await publish();
    expect(first.status).toBe(200);
    expect(first.body.publication).toBe(1);
    // Publishing again with nothing changed is the same publication.
    expect((await publish()).body.publication).toBe(1);

    const visitor = new Client(t.url);
    const before = await visitor.json<Notice>('GET', `/api/public/consultations/${consultationId}`);
    expect(before.body.opinions.map((o) => o.disposition)).toEqual(['采纳']);
    // A later decision does not touch what was published…
    expect((await office.json('POST', `/api/opinions/${opinionId}/decision`, { disposition: 'rejected', reason: '另行研究' })).status).toBe(200);
    const still = await visitor.json<Notice>('GET', `/api/public/consultations/${consultationId}`);
    expect(still.body).toEqual(before.body);
    // …until it is published again, visibly, with the first publication kept in the history.
    const second = await publish();
    expect(second.body.publication).toBe(2);
    const after = await visitor.json<Notice>('GET', `/api/public/consultations/${consultationId}`);
    expect(after.body.opinions.map((o) => o.disposition)).toEqual(['不采纳']);
    expect(after.body.publication).toBe(2);
    expect(after.body.publications.map((p) => p.number)).toEqual([1, 2]);
  });

  it('decides through /consultations/:id/decisions only opinions of that consultation, writing nothing otherwise', async () => {
    const a = await withOneOpinion();
    const b = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const replyId = await draft(await loginAs(t, 'hn-jyt.reporter'), b, { opinions: [{ itemOrdinal: 3, content: '另一次征求意见的意见' }] });
    const signatory = await loginAs(t, 'hn-jyt.signatory');
    await seal(signatory, replyId);
    const other = (await signatory.json<Reply>('GET', `/api/replies/${replyId}`)).body.opinions[0]!.id;
    const mixed = await office.json<ErrorBody>('POST', `/api/consultations/${a.consultationId}/decisions`, {
      opinionIds: [a.opinionId, other],
      disposition: 'adopted',
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('opinion_not_in_consultation');
    const undecided = async (id: number) => (await office.json<{ id: number }[]>('GET', `/api/consultations/${id}/opinions?state=undecided`)).body.map((o) => o.id);
    expect(await undecided(a.consultationId)).toEqual([a.opinionId]);
    expect(await undecided(b)).toEqual([other]);
    expect((await office.json('POST', `/api/consultations/${b}/decisions`, { opinionIds: [other], disposition: 'adopted' })).status).toBe(200);
  });

  it('accepts only real calendar dates as deadlines', async () => {
    const planId = await makePlan(office);
    const bad = await office.json<ErrorBody>('POST', `/api/plans/${planId}/consultations`, { deadline: '2100-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const consultationId = await makeConsultation(office, planId, { deadline: '2099-12-01' });
    const extend = await office.json<ErrorBody>('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2100-02-30' });
    expect(extend.status).toBe(400);
    expect(extend.body.error.code).toBe('validation_failed');
    const leap = await office.json<State>('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2100-02-28' });
    expect(leap.body.deadline).toBe('2100-02-28');
  });

  it('extends a deadline: later only, audited, and every recipient is told in their own language', async () => {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-06-01', title: '延期测试' });
    const earlier = await office.json<ErrorBody>('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2099-05-01' });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.code).toBe('deadline_not_later');
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2099-07-01' })).status).toBe(403);
    const moved = await office.json<State>('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2099-07-01' });
    expect(moved.status).toBe(200);
    expect(moved.body.deadline).toBe('2099-07-01');
    type Notices = { notifications: { consultationId: number; code: string; params: Record<string, string>; message: string }[] };
    const zh = (await reporter.json<Notices>('GET', '/api/notifications')).body.notifications.find((n) => n.consultationId === consultationId && n.code === 'consultation.extended')!;
    expect(zh.params).toEqual({ title: '延期测试', from: '2099-06-01', to: '2099-07-01' });
    expect(zh.message).toBe('延期测试：反馈截止日期由 2099-06-01 延至 2099-07-01。');
    const english = new Client(t.url, 'en');
    await english.login('hn-gat.reporter', t.demoPassword);
    const en = (await english.json<Notices>('GET', '/api/notifications')).body.notifications.find((n) => n.consultationId === consultationId && n.code === 'consultation.extended')!;
    expect(en.message).toBe('延期测试: the deadline for replies moves from 2099-06-01 to 2099-07-01.');
    const admin = new Client(t.url);
    await admin.login('admin', t.adminPassword);
    const audit = await admin.json<{ events: { action: string; entityId: string }[] }>('GET', `/api/audit?action=consultation.extend`);
    expect(audit.body.events.some((e) => e.entityId === String(consultationId))).toBe(true);
  });

  it('closes a consultation: no more drafts, edits or seals, and a second close is refused', async () => {
    const consultationId = await makeConsultation(office, await makePlan(office), { deadline: '2099-12-31' });
    const reporter = await loginAs(t, 'hn-gat.reporter');
    const replyId = await draft(reporter, consultationId, { noOpinion: true });
    const closed = await office.json<State>('POST', `/api/consultations/${consultationId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
    const code = async (r: Promise<{ status: number; body: ErrorBody }>) => {
      const { status, body } = await r;
      return `${status} ${body.error?.code}`;
    };
    expect(await code(office.json<ErrorBody>('POST', `/api/consultations/${consultationId}/close`))).toBe('409 consultation_already_closed');
    expect(await code(reporter.json<ErrorBody>('PATCH', `/api/replies/${replyId}`, { noOpinion: true }))).toBe('409 consultation_closed');
    expect(await code((await loginAs(t, 'hn-gat.signatory')).json<ErrorBody>('POST', `/api/replies/${replyId}/seal`))).toBe('409 consultation_closed');
    expect(await code((await loginAs(t, 'hn-jyt.reporter')).json<ErrorBody>('POST', `/api/consultations/${consultationId}/replies`, { noOpinion: true }))).toBe(
      '409 consultation_closed',
    );
    expect(await code(office.json<ErrorBody>('POST', `/api/consultations/${consultationId}/extend`, { deadline: '2100-01-01' }))).toBe('409 consultation_closed');
  });
});
