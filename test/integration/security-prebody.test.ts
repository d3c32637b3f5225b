import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ErrorBody } from '../helpers/client.js';
import { draft, loginAs, makeConsultation, makePlan, unitsByCode } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * Routes whose path names another unit's reply, task or notice refuse the request before its
 * body is read (issue 11: "authorise before reading any body"): a broken JSON body sent by an
 * account of the wrong unit gets 403, not the 400 a parse would give, while the same broken
 * body from the right unit reaches the parser (400), so the early check denies nothing the
 * use case would allow. An unknown id is the resource's own 404.
 */
describe('unit-level authorisation before the body', () => {
  let t: TestServer;
  const ids = { replyB: 0, replyA: 0, task: 0, notice: 0 };
  const clients = new Map<string, Client>();
  const as = (login: string) => clients.get(login)!;

  beforeAll(async () => {
    t = await startTestServer({ env: { REMINDER_INTERVAL_MINUTES: '0' } });
    for (const login of ['office', 'hn-gat.reporter', 'hn-gat.signatory', 'hn-mzt.reporter', 'hn-mzt.signatory', '430100.office']) clients.set(login, await loginAs(t, login));
    const units = await unitsByCode(as('office'));
    const planId = await makePlan(as('office'));
    const consultation = await makeConsultation(as('office'), planId, { deadline: '2099-07-21', recipientUnitIds: [units.get('hn-gat')!.id, units.get('hn-mzt')!.id] });
    ids.replyA = await draft(as('hn-gat.reporter'), consultation, { opinions: [{ itemOrdinal: 1, content: '甲单位草稿' }] });
    ids.replyB = await draft(as('hn-mzt.reporter'), consultation, { opinions: [{ itemOrdinal: 1, content: '乙单位草稿' }] });
    expect((await as('office').json('POST', `/api/plans/${planId}/publish`, {})).status).toBeLessThan(300);
    const tasks = (await as('office').json<{ id: number; leadUnitId: number | null }[]>('GET', `/api/plans/${planId}/tasks?unitId=${units.get('hn-gat')!.id}`)).body;
    ids.task = tasks.find((task) => task.leadUnitId === units.get('hn-gat')!.id)!.id;
    const notice = await as('office').json<{ id: number }>('POST', `/api/tasks/${ids.task}/notices`, { level: 'blue', text: '请报送进展', answerBy: '2099-08-30' });
    expect(notice.status).toBe(201);
    ids.notice = notice.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sends a body that is not JSON at all; returns the status and error code. */
  const broken = async (login: string, method: string, url: string): Promise<[number, string]> => {
    const response = await as(login).request(method, url, '{"opinions": [', { 'content-type': 'application/json' });
    const body = (await response.json()) as ErrorBody;
    return [response.status, body.error.code];
  };

  it("refuses another unit's reply, task or notice before parsing the body", async () => {
    const cases: [string, string, string][] = [
      ['hn-gat.reporter', 'PATCH', `/api/replies/${ids.replyB}`],
      ['hn-gat.reporter', 'POST', `/api/replies/${ids.replyB}/submit`],
      ['hn-gat.signatory', 'POST', `/api/replies/${ids.replyB}/seal`],
      ['hn-gat.signatory', 'POST', `/api/replies/${ids.replyB}/return`],
      ['hn-gat.signatory', 'POST', `/api/replies/${ids.replyB}/withdraw`],
      ['430100.office', 'POST', `/api/tasks/${ids.task}/close`],
      ['430100.office', 'POST', `/api/tasks/${ids.task}/reopen`],
      ['430100.office', 'POST', `/api/tasks/${ids.task}/light-override`],
      ['430100.office', 'POST', `/api/tasks/${ids.task}/notices`],
      ['430100.office', 'PATCH', `/api/tasks/${ids.task}`],
      ['430100.office', 'POST', `/api/tasks/${ids.task}/split`],
      ['430100.office', 'POST', `/api/notices/${ids.notice}/close`],
      ['hn-mzt.signatory', 'POST', `/api/notices/${ids.notice}/answer`],
    ];
    for (const [login, method, url] of cases) expect(await broken(login, method, url), `${login} ${method} ${url}`).toEqual([403, 'forbidden']);
  });

  it('lets the right unit through to the parser, which refuses the broken body', async () => {
    const cases: [string, string, string][] = [
      ['hn-gat.reporter', 'PATCH', `/api/replies/${ids.replyA}`],
      ['hn-gat.signatory', 'POST', `/api/replies/${ids.replyA}/seal`],
      ['office', 'POST', `/api/tasks/${ids.task}/close`],
      ['office', 'POST', `/api/notices/${ids.notice}/close`],
      ['hn-gat.signatory', 'POST', `/api/notices/${ids.notice}/answer`],
    ];
    for (const [login, method, url] of cases) expect((await broken(login, method, url))[0], `${login} ${method} ${url}`).toBe(400);
    // Nothing was changed by any of the refused or broken requests.
    const reply = await as('hn-mzt.reporter').json<{ status: string; opinions: { content: string }[] }>('GET', `/api/replies/${ids.replyB}`);
    expect([reply.body.status, reply.body.opinions[0]!.content]).toEqual(['draft', '乙单位草稿']);
  });

  it("answers an unknown id with the resource's own 404", async () => {
    expect(await broken('hn-gat.reporter', 'PATCH', '/api/replies/999999')).toEqual([404, 'reply_not_found']);
    expect(await broken('office', 'POST', '/api/tasks/999999/close')).toEqual([404, 'task_not_found']);
    expect(await broken('hn-gat.signatory', 'POST', '/api/notices/999999/answer')).toEqual([404, 'notice_not_found']);
  });
});
