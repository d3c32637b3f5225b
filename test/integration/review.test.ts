import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/contract/audit.js';
import type { PlanView, Redline } from '../../src/contract/plans.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { importPlan, loginAdmin, loginAs, makeConsultation, makePlan, sealedReply, seedPlanText } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * Review that can be finished (issue 12, item 7): parser warnings marked as checked, and the
 * redline's lost quotes resolved by a link or an acknowledgement — by the office only, audited,
 * stored where a re-parse or a second request cannot undo them by accident.
 */
describe.each(DIALECTS)('finishing a review over HTTP on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => t?.close());

  async function auditOf(planId: number, action: string) {
    const admin = await loginAdmin(t);
    const page = await admin.json<AuditPage>('GET', `/api/audit?entity=plan&entityId=${planId}&action=${action}`);
    expect(page.status).toBe(200);
    return page.body.events;
  }

  describe('parser warnings', () => {
    it('names each warning’s item and lets the office mark it checked and take the mark back, audited', async () => {
      const office = await loginAs(t, 'office');
      const planId = await makePlan(office);
      const plan = (await office.json<PlanView>('GET', `/api/plans/${planId}`)).body;
      expect(plan.allowed.checkWarnings).toBe(true);
      expect(plan.warnings.every((w) => w.checked === null)).toBe(true);
      const warning = plan.warnings.find((w) => w.code === 'unit_corrected' && w.params?.raw === '省卫建委')!;
      expect(plan.items.find((i) => i.ordinal === warning.itemOrdinal)?.number).toBe('(六)');
      const url = `/api/plans/${planId}/versions/1/warnings/${warning.key}/check`;

      const checked = await office.json<PlanView>('POST', url);
      expect(checked.status).toBe(200);
      const mark = checked.body.warnings.find((w) => w.key === warning.key)!.checked;
      expect(mark).toMatchObject({ by: '省城镇化办工作人员' });
      expect(checked.body.warnings.filter((w) => w.checked !== null)).toHaveLength(1);
      expect((await office.json<ErrorBody>('POST', url)).body.error.code).toBe('warning_already_checked');

      // A re-parse of the same text gives the same warning: the mark stays.
      const reparsed = await office.json<PlanView>('POST', `/api/plans/${planId}/reparse`);
      expect(reparsed.status).toBe(200);
      expect(reparsed.body.warnings.find((w) => w.key === warning.key)!.checked).toEqual(mark);

      const unchecked = await office.json<PlanView>('DELETE', url);
      expect(unchecked.status).toBe(200);
      expect(unchecked.body.warnings.find((w) => w.key === warning.key)!.checked).toBeNull();
      const again = await office.json<ErrorBody>('DELETE', url);
      expect([again.status, again.body.error.code]).toEqual([409, 'warning_not_checked']);

      const checks = await auditOf(planId, 'plan.warning.check');
      const unchecks = await auditOf(planId, 'plan.warning.uncheck');
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ actorLogin: 'office', detail: { version: 1, key: warning.key, code: 'unit_corrected', itemOrdinal: warning.itemOrdinal } });
      expect(unchecks).toHaveLength(1);
      expect(unchecks[0]!.detail).toMatchObject({ key: warning.key, was: mark });
    });

    it('refuses a reporter, a signatory and a 市州 office (403), and answers 404 for a warning the version does not have', async () => {
      const office = await loginAs(t, 'office');
      const planId = await makePlan(office);
      const warning = (await office.json<PlanView>('GET', `/api/plans/${planId}`)).body.warnings[0]!;
      const url = `/api/plans/${planId}/versions/1/warnings/${warning.key}/check`;
      for (const login of ['hn-gat.reporter', 'hn-gat.signatory', '430100.office']) {
        const client = await loginAs(t, login);
        expect((await client.json<PlanView>('GET', `/api/plans/${planId}`)).body.allowed.checkWarnings).toBe(false);
        const refused = await client.json<ErrorBody>('POST', url);
        expect([login, refused.status, refused.body.error.code]).toEqual([login, 403, 'forbidden']);
        expect((await client.json('DELETE', url)).status).toBe(403);
      }
      expect((await office.json<ErrorBody>('POST', `/api/plans/${planId}/versions/1/warnings/unit_unknown.1.2.000000000000/check`)).body.error.code).toBe('warning_not_found');
      expect((await office.json('POST', `/api/plans/${planId}/versions/1/warnings/not-a-key/check`)).status).toBe(400);
      expect((await office.json<ErrorBody>('POST', `/api/plans/${planId}/versions/9/warnings/${warning.key}/check`)).body.error.code).toBe('plan_version_not_found');
      expect(await auditOf(planId, 'plan.warning.check')).toEqual([]);
    });

    it('keeps one check when two people mark the same warning at the same moment', async () => {
      const office = await loginAs(t, 'office');
      const admin = await loginAdmin(t);
      const planId = await makePlan(office);
      const warning = (await office.json<PlanView>('GET', `/api/plans/${planId}`)).body.warnings[0]!;
      const url = `/api/plans/${planId}/versions/1/warnings/${warning.key}/check`;
      const answers = await Promise.all([office, admin, office, admin].map((c) => c.json<ErrorBody>('POST', url)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
      expect(await auditOf(planId, 'plan.warning.check')).toHaveLength(1);
      const rows = await t.server.handle.db.selectFrom('plan_warning_checks').selectAll().where('warning_key', '=', warning.key).execute();
      expect(rows.filter((r) => r.code === warning.code)).toHaveLength(1);
    });
  });

  describe('lost quotes in the redline', () => {
    /** A plan whose 省公安厅 opinion quotes 4.35万套, and a version 2 without that passage. */
    async function revisedPlan() {
      const office = await loginAs(t, 'office');
      const text = seedPlanText();
      const planId = await importPlan(office, text);
      const consultationId = await makeConsultation(office, planId, { deadline: '2099-12-31' });
      await sealedReply(t, 'hn-gat', consultationId, {
        opinions: [
          { itemOrdinal: 2, quote: '4.35万套', content: '建议与国家下达计划保持一致。' },
          { itemOrdinal: 9, quote: '特色小镇', content: '建议补充特色小镇动态调整的具体标准。' },
        ],
      });
      const v2 = text.replace('指导长沙市完成4.35万套保障性租赁住房开工任务', '指导长沙市完成国家下达的保障性租赁住房开工任务');
      expect((await office.json('POST', `/api/plans/${planId}/versions`, { text: v2, filename: 'v2.txt' })).status).toBe(201);
      const view = (await office.json<Redline>('GET', `/api/plans/${planId}/redline`)).body;
      const lost = view.opinions.find((o) => o.quote === '4.35万套')!;
      const kept = view.opinions.find((o) => o.quote === '特色小镇')!;
      expect(view.quoteGone).toEqual([lost.id]);
      expect(view.quoteResolutions).toEqual([]);
      expect(view.allowed).toEqual({ link: true, resolveQuotes: true });
      const change = view.changes.find((c) => c.kind === 'modify')!;
      return { office, planId, lost: lost.id, kept: kept.id, change, url: `/api/plans/${planId}/versions/2/lost-quotes/${lost.id}` };
    }

    it('resolves by acknowledging with a note, shows who and when, and can be reopened; audited', async () => {
      const { office, planId, lost, url } = await revisedPlan();
      const resolved = await office.json<Redline>('POST', url, { how: 'acknowledge', note: '数字改为国家下达，原文已删除' });
      expect(resolved.status).toBe(200);
      expect(resolved.body.quoteGone).toEqual([lost]);
      expect(resolved.body.quoteResolutions).toEqual([
        { opinionId: lost, how: 'acknowledged', changeKeys: [], note: '数字改为国家下达，原文已删除', by: '省城镇化办工作人员', at: expect.any(String) },
      ]);
      expect((await office.json<ErrorBody>('POST', url, { how: 'acknowledge' })).body.error.code).toBe('quote_already_resolved');

      const reopened = await office.json<Redline>('DELETE', url);
      expect(reopened.status).toBe(200);
      expect(reopened.body.quoteResolutions).toEqual([]);
      expect((await office.json<ErrorBody>('DELETE', url)).body.error.code).toBe('quote_not_acknowledged');

      const resolves = await auditOf(planId, 'plan.quote.resolve');
      expect(resolves).toHaveLength(1);
      expect(resolves[0]).toMatchObject({ actorLogin: 'office', detail: { version: 2, from: 1, opinionId: lost, how: 'acknowledge', note: '数字改为国家下达，原文已删除' } });
      expect((await auditOf(planId, 'plan.quote.reopen'))[0]?.detail).toMatchObject({ opinionId: lost, was: { note: '数字改为国家下达，原文已删除' } });
    });

    it('resolves by linking the opinion to the change that replaced the passage (the change’s own links)', async () => {
      const { office, planId, lost, kept, change, url } = await revisedPlan();
      expect((await office.json<ErrorBody>('POST', url, { how: 'link', changeKey: 'no-such-change' })).body.error.code).toBe('change_not_found');
      const linked = await office.json<Redline>('POST', url, { how: 'link', changeKey: change.key });
      expect(linked.status).toBe(200);
      expect(linked.body.changes.find((c) => c.key === change.key)!.opinionIds).toEqual([lost]);
      expect(linked.body.quoteResolutions).toEqual([{ opinionId: lost, how: 'linked', changeKeys: [change.key], note: null, by: '省城镇化办工作人员', at: expect.any(String) }]);
      // Unlinking it from the change (the existing link editor) opens the alert again.
      const unlinked = await office.json<Redline>('PUT', `/api/plans/${planId}/versions/2/links`, { changeKey: change.key, opinionIds: [] });
      expect(unlinked.body.quoteResolutions).toEqual([]);
      // An opinion whose passage is still there has nothing to resolve.
      expect((await office.json<ErrorBody>('POST', `/api/plans/${planId}/versions/2/lost-quotes/${kept}`, { how: 'acknowledge' })).body.error.code).toBe('quote_not_lost');
      expect(await auditOf(planId, 'plan.quote.resolve')).toHaveLength(1);
      expect((await auditOf(planId, 'plan.quote.resolve'))[0]?.detail).toMatchObject({ how: 'link', changeKey: change.key });
    });

    it('refuses the opinion’s own unit, another unit and a 市州 office (403), and shows them no resolutions', async () => {
      const { office, planId, lost, url } = await revisedPlan();
      expect((await office.json('POST', url, { how: 'acknowledge', note: '内部备注' })).status).toBe(200);
      for (const login of ['hn-gat.reporter', 'hn-gat.signatory', 'hn-fgw.reporter', '430100.office']) {
        const client = await loginAs(t, login);
        const refused = await client.json<ErrorBody>('POST', url, { how: 'acknowledge' });
        expect([login, refused.status, refused.body.error.code]).toEqual([login, 403, 'forbidden']);
        expect((await client.json('DELETE', url)).status).toBe(403);
        const view = (await client.json<Redline>('GET', `/api/plans/${planId}/redline`)).body;
        expect(view.quoteResolutions).toEqual([]);
        expect(view.allowed.resolveQuotes).toBe(false);
        expect(JSON.stringify(view)).not.toContain('内部备注');
      }
      // The unit still sees its own lost quote, as before.
      expect((await (await loginAs(t, 'hn-gat.reporter')).json<Redline>('GET', `/api/plans/${planId}/redline`)).body.quoteGone).toEqual([lost]);
      expect(await auditOf(planId, 'plan.quote.resolve')).toHaveLength(1);
    });
  });
});
