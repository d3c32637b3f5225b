import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Dialog, type Page } from 'playwright-core';
import { dragSelect, screenshot, settle } from './browser.js';
import { browserSession } from './session.js';

const SEED_TITLE = '2021年湖南省新型城镇化工作要点';
/** A passage of item (十五) in both versions of the seed. */
const PASSAGE = '新开工改造老旧小区1500个';
const OPINION = '建议将老旧小区改造任务分解到各市州，并明确年底前开工的时间节点。';
const HOSTILE = '<script>alert(1)</script>';
const REASON = '各市州任务已在年度目标责任书中分解，工作要点不再逐一列出。';
/** Another unit's opinion on the same item, close enough to be grouped with OPINION. */
const SIMILAR = '建议把老旧小区改造任务分解到各市州，明确开工时间节点。';

const apiContexts: APIRequestContext[] = [];
/** Every JavaScript dialog any page opened: a hostile opinion must never open one. */
const dialogs: string[] = [];

const session = browserSession({
  onPage: (page) =>
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    }),
});
const { openPage, signIn } = session;

// Registered after the session's, so it runs first: the HTTP contexts go before the server.
afterAll(async () => {
  await Promise.all(apiContexts.map((context) => context.dispose()));
});

/** Signs in over HTTP (no browser) and returns a POST that sends the session's CSRF token. */
async function apiAs(login: string): Promise<(path: string, data?: unknown) => Promise<Record<string, unknown>>> {
  const context = await request.newContext({ baseURL: session.server.url });
  apiContexts.push(context);
  const signedIn = await context.post('/api/session', { data: { login, password: session.server.demoPassword } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return async (path, data) => {
    const response = await context.post(path, { data: data ?? {}, headers: { 'X-CSRF-Token': csrfToken } });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

/** Picks an option of an antd Select by the text it shows. */
async function choose(page: Page, select: ReturnType<Page['getByTestId']>, text: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('consultation (征求意见) in the browser', () => {
  let consultationId = 0;

  it('runs a whole cycle: the office opens it, a unit quotes a passage, the signatory seals, the office decides, exports and publishes', async () => {
    // The office opens a new consultation on the seed plan, the deadline far ahead.
    const office = await openPage();
    await signIn(office, 'office');
    await office.getByTestId('main-nav').getByRole('menuitem', { name: '征求意见' }).click();
    await office.getByTestId('consultation-table').getByText('关于征求').first().waitFor();
    await office.getByTestId('consultation-open').click();
    const form = office.getByRole('dialog', { name: '发起征求意见' });
    await choose(office, form.getByTestId('open-plan'), SEED_TITLE);
    // The cover letter fills in the deadline (2021-07-21) and the contact.
    const deadline = form.getByTestId('open-deadline');
    await expect.poll(() => deadline.inputValue()).toBe('2021-07-21');
    expect(await form.getByLabel('联系人及联系方式').inputValue()).toContain('晁阳');
    expect(await form.getByTestId('open-members').locator('input:checked').count()).toBe(22);
    await deadline.click();
    await deadline.fill('2099-12-31');
    await deadline.press('Enter');
    await form.getByTestId('open-submit').click();
    await office.waitForURL(/\/consultations\/\d+$/);
    consultationId = Number(new URL(office.url()).pathname.split('/').pop());
    expect(await office.getByTestId('consultation-deadline').innerText()).toContain('2099-12-31');
    expect(await office.getByTestId('count-pending').innerText()).toContain('22');

    // A reporter of 省公安厅 finds it in the unit's inbox, selects a passage and comments on it.
    const reporter = await openPage();
    await signIn(reporter, 'hn-gat.reporter');
    await reporter.getByTestId('main-nav').getByRole('menuitem', { name: '征求意见' }).click();
    const inboxRow = reporter.getByTestId('consultation-inbox').locator(`[data-row-key="${consultationId}"]`);
    expect(await inboxRow.getByTestId('recipient-status').innerText()).toBe('待反馈');
    // The unit was told in the app.
    expect(await reporter.getByTestId('notices').innerText()).toContain('请于 2099-12-31 前反馈意见');
    await inboxRow.getByRole('button', { name: '填写意见' }).click();
    await reporter.getByTestId('plan-text').waitFor();
    await dragSelect(reporter, PASSAGE);
    await reporter.getByTestId('selection-actions').getByText('所在条目：(十五)').waitFor();
    await reporter.getByTestId('quote-selection').click();
    const first = reporter.getByTestId('opinion-card').first();
    expect(await first.getByTestId('opinion-quote').innerText()).toBe(PASSAGE);
    expect(await first.getByTestId('opinion-item').innerText()).toContain('(十五)实施城市更新行动');
    expect(await reporter.locator('.plan-mark-selection').allTextContents().then((parts) => parts.join(''))).toBe(PASSAGE);
    await first.getByTestId('opinion-content-input').fill(OPINION);
    await first.getByTestId('opinion-suggestion-input').fill('2021年新开工改造老旧小区1500个，分解到各市州。');
    await first.getByTestId('opinion-reason-input').fill('便于各市州对照执行。');

    // A second opinion on item (三), picked from the list without a quote: hostile text.
    await choose(reporter, reporter.getByTestId('add-item'), '(三)提升农村转移人口就业技能');
    await reporter.getByTestId('add-opinion').click();
    const second = reporter.getByTestId('opinion-card').nth(1);
    await second.getByTestId('opinion-content-input').fill(HOSTILE);
    expect(await second.getByTestId('opinion-quote').count()).toBe(0);
    await reporter.getByTestId('save-draft').click();
    await reporter.getByTestId('reply-waiting').getByText('核对无误后请提交签发').waitFor();
    // A reporter cannot seal.
    expect(await reporter.getByTestId('seal').count()).toBe(0);
    await settle(reporter);
    await screenshot(reporter, 'consultation-unit');

    // The office sees no draft: the unit is still pending.
    await office.reload();
    expect(await office.getByTestId('count-pending').innerText()).toContain('22');

    // The unit's signatory seals the reply with SM2, after a confirmation.
    const signatory = await openPage();
    await signIn(signatory, 'hn-gat.signatory');
    await signatory.goto(`/consultations/${consultationId}`);
    const cards = signatory.getByTestId('opinion-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(1).getByTestId('opinion-content-input').inputValue()).toBe(HOSTILE);
    await signatory.getByTestId('seal').click();
    const sealModal = signatory.getByTestId('seal-modal');
    await sealModal.getByText('签发后不能再修改').waitFor();
    await sealModal.getByTestId('seal-algorithm-sm2').click();
    await signatory.getByTestId('seal-confirm').click();
    const seal = signatory.getByTestId('seal');
    await seal.waitFor();
    expect(await seal.getByTestId('seal-algorithm-value').innerText()).toContain('SM2');
    await seal.locator('[data-testid=seal-check][data-valid=true]').waitFor();
    expect(await seal.getByTestId('seal-late').count()).toBe(0);
    expect(await signatory.getByTestId('withdraw').isVisible()).toBe(true);
    // The sealed reply reads back as text: the hostile opinion stays inert.
    expect(await signatory.getByTestId('sealed-opinion').nth(1).getByTestId('opinion-content').innerText()).toBe(HOSTILE);
    await settle(signatory);
    await screenshot(signatory, 'consultation-unit-sealed');

    // 省发改委 replies too (over the API, to save time), with an opinion close to 省公安厅's.
    const fgwReporter = await apiAs('hn-fgw.reporter');
    const draft = await fgwReporter(`/api/consultations/${consultationId}/replies`, { opinions: [{ itemOrdinal: 15, content: SIMILAR }] });
    await (await apiAs('hn-fgw.signatory'))(`/api/replies/${String(draft.id)}/seal`);

    // The office: 省公安厅 has replied with a valid seal; the others are reminded.
    await office.reload();
    const gat = office.getByTestId('recipient-table').locator('tr').filter({ hasText: '省公安厅' });
    expect(await gat.getByTestId('recipient-status').innerText()).toBe('已反馈');
    await gat.locator('[data-testid=seal-check][data-valid=true]').waitFor();
    await office.getByTestId('remind-all').click();
    expect(await office.getByTestId('remind-result').innerText()).toContain('已向 20 个单位发出催办通知，发送邮件 0 封');

    // The opinions: the quoted one and the hostile one, both as literal text.
    await office.getByTestId('tab-opinions').click();
    const table = office.getByTestId('opinion-table');
    const quoted = table.locator('tr').filter({ hasText: OPINION });
    const hostile = table.locator('tr').filter({ hasText: HOSTILE });
    await quoted.waitFor();
    expect(await quoted.getByTestId('opinion-quote').innerText()).toBe(PASSAGE);
    expect(await hostile.getByTestId('opinion-content').innerText()).toBe(HOSTILE);
    expect(await office.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    // The two similar opinions on (十五) share a group, drawn as one coloured band.
    const similar = table.locator('tr').filter({ hasText: SIMILAR });
    const groupTag = await quoted.getByTestId('group-tag').innerText();
    expect(groupTag).toMatch(/^第\d+组$/);
    expect(await similar.getByTestId('group-tag').innerText()).toBe(groupTag);
    expect(await hostile.getByTestId('group-tag').count()).toBe(0);
    const band = (row: typeof quoted) => row.getByTestId('group-band').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await band(similar)).toBe(await band(quoted));

    // Rejecting needs a reason: the form says so before anything is sent.
    await quoted.getByTestId('decide-one').click();
    const decide = office.getByTestId('decide-modal');
    await decide.getByText('不采纳', { exact: true }).click();
    await office.getByTestId('decide-submit').click();
    await decide.getByText('部分采纳或不采纳时须说明理由').waitFor();
    await decide.getByTestId('decide-reason').fill(REASON);
    await office.getByTestId('decide-submit').click();
    await decide.waitFor({ state: 'detached' });
    await quoted.getByTestId('decision-reason').getByText(REASON).waitFor();
    expect(await quoted.getByTestId('disposition').innerText()).toBe('不采纳');

    // The other two are adopted through the bulk bar, with no reason.
    await hostile.locator('.ant-checkbox-input').check();
    // A click on the group's tag selects the whole group (the rejected one is left out again).
    await similar.getByTestId('group-tag').click();
    expect(await office.getByTestId('bulk-bar').innerText()).toContain('已选 3 条');
    await quoted.locator('.ant-checkbox-input').uncheck();
    expect(await office.getByTestId('bulk-bar').innerText()).toContain('已选 2 条');
    await office.getByTestId('bulk-bar').getByTestId('bulk-adopted').click();
    await office.getByTestId('decide-submit').click();
    await office.getByTestId('decide-modal').waitFor({ state: 'detached' });
    await hostile.locator('[data-disposition=adopted]').waitFor();
    await similar.locator('[data-disposition=adopted]').waitFor();

    // The filter by state: nothing is left undecided.
    await choose(office, office.getByTestId('filter-state'), '未处理');
    await table.getByText('没有符合条件的意见').waitFor();
    await choose(office, office.getByTestId('filter-state'), '不采纳');
    await quoted.waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await office.getByTestId('filter-state').locator('.ant-select-clear').click();
    await hostile.waitFor();
    await settle(office);
    await screenshot(office, 'consultation-office');

    // 意见汇总表 as xlsx: a real workbook holding the opinion, the hostile text as plain text.
    await office.getByTestId('exports').hover();
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('download-summary-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/意见汇总表\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain(OPINION);
    expect(cells).toContain(HOSTILE);
    expect(cells).toContain(REASON);
    expect(cells).toContain('不采纳');

    // 情况说明: counts and text.
    await office.getByTestId('tab-situation').click();
    expect(await office.getByTestId('situation-body').inputValue()).toContain('征求');

    // Close (only a closed consultation can be published), publish, then read the notice
    // without signing in.
    await office.getByTestId('close').click();
    await office.locator('.ant-modal-confirm').getByRole('button', { name: /结\s*束/ }).click();
    await expect.poll(() => office.getByTestId('publish').isEnabled()).toBe(true);
    await office.getByTestId('publish').click();
    await office.locator('.ant-modal-confirm').getByRole('button', { name: /公\s*开/ }).click();
    await office.getByTestId('public-link').waitFor();
    const visitor = await openPage();
    await visitor.goto(`/public/consultations/${consultationId}`);
    await visitor.getByTestId('public-title').waitFor();
    expect(await visitor.getByTestId('public-title').innerText()).toContain(SEED_TITLE);
    const publicTable = visitor.getByTestId('public-table');
    expect(await publicTable.locator('tr').filter({ hasText: OPINION }).innerText()).toContain(REASON);
    expect(await publicTable.getByText(HOSTILE, { exact: true }).count()).toBe(1);
    expect(await visitor.getByTestId('current-user').count()).toBe(0);
    await screenshot(visitor, 'public-notice');

    expect(dialogs).toEqual([]);
  });

  it('shows the demo revision as a redline with its linked opinion and flags, and links a change', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    await office.goto('/consultations');
    const demo = office.getByTestId('consultation-table').locator('tr').filter({ hasText: '2021-07-21' });
    expect(await demo.getByTestId('consultation-status').innerText()).toBe('已截止');
    await demo.getByRole('link').first().click();
    await office.getByTestId('tab-revision').click();
    const redline = office.getByTestId('redline');
    await redline.waitFor();
    // The adopted opinion of 省公安厅 quoted 4.35万套, which version 2 replaced: flagged, not moved.
    expect(await office.getByTestId('flag-quote-gone').innerText()).toContain('省公安厅');
    expect(await office.getByTestId('flag-adopted-without-change').innerText()).toContain('省住房城乡建设厅');
    const change = redline.getByTestId('redline-change').first();
    expect(await change.getAttribute('data-kind')).toBe('modify');
    expect(await change.locator('del.consult-del').allInnerTexts()).toContain('4.35万套');
    expect(await change.getByTestId('change-links').innerText()).toContain('省公安厅');

    // Linking the partly adopted opinion of 省住房城乡建设厅 to the change clears that flag.
    await change.getByTestId('change-links').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '省住房城乡建设厅' }).filter({ hasText: '新市民' }).click();
    await office.keyboard.press('Escape');
    await office.getByTestId('flag-adopted-without-change').waitFor({ state: 'detached' });
    await settle(office);
    await screenshot(office, 'consultation-redline');

    // The plan page offers the office to consult on the plan: the form opens with the plan chosen.
    await office.goto('/plans/1');
    await office.getByTestId('plan-open-consultation').click();
    const form = office.getByRole('dialog', { name: '发起征求意见' });
    await expect.poll(() => form.getByTestId('open-plan').innerText()).toContain(SEED_TITLE);
    await form.getByRole('button', { name: /取\s*消/ }).click();
    await form.waitFor({ state: 'hidden' });
    expect(new URL(office.url()).search).toBe('');
    expect(dialogs).toEqual([]);
  });

  // Issue 12, item 7: review that can be finished.
  it('finishes the review: marks a parser warning checked on the plan page and resolves the redline’s lost quote', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    const noSideScroll = () => office.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

    // Each parser warning names its item; marking one checked shows who, and it survives a reload.
    await office.goto('/plans/1?version=1');
    await office.getByTestId('item-1').waitFor();
    await office.getByTestId('tab-warnings').click();
    const warnings = office.getByTestId('plan-warning');
    const total = await warnings.count();
    expect(total).toBeGreaterThan(1);
    const summary = office.getByTestId('warning-summary');
    expect(await summary.innerText()).toBe(`共 ${total} 处提示，已核对 0 处`);
    const wjw = warnings.filter({ hasText: '省卫建委' }).first();
    expect(await wjw.getByTestId('warning-item').innerText()).toContain('(六)');
    await wjw.getByTestId('warning-check').click();
    await wjw.getByTestId('warning-checked').waitFor();
    expect(await wjw.getByTestId('warning-checked').innerText()).toContain('省城镇化办工作人员');
    expect(await summary.innerText()).toBe(`共 ${total} 处提示，已核对 1 处`);
    await settle(office);
    await screenshot(office, 'plan-warnings-checked');
    await office.setViewportSize({ width: 390, height: 844 });
    await expect.poll(noSideScroll, { timeout: 15_000 }).toBe(true);
    await screenshot(office, 'plan-warnings-checked-390');
    await office.setViewportSize({ width: 1440, height: 900 });

    // Only the unchecked ones; the item link shows the item in the structure.
    await office.getByTestId('warning-filter').getByText('未核对').click();
    await expect.poll(() => warnings.count()).toBe(total - 1);
    expect(await office.locator('[data-testid=plan-warning][data-checked=true]').count()).toBe(0);
    await office.reload();
    await office.getByTestId('tab-warnings').click();
    await expect.poll(() => office.locator('[data-testid=plan-warning][data-checked=true]').count()).toBe(1);
    await office.locator('[data-testid=plan-warning][data-checked=true]').getByTestId('warning-item').click();
    await office.getByTestId('item-6').waitFor({ state: 'visible' });
    expect(await office.getByRole('tab', { name: '结构' }).getAttribute('aria-selected')).toBe('true');
    await office.getByTestId('tab-warnings').click();
    await office.locator('[data-testid=plan-warning][data-checked=true]').getByTestId('warning-uncheck').click();
    await expect.poll(() => summary.innerText()).toBe(`共 ${total} 处提示，已核对 0 处`);

    // The demo's lost quote (省公安厅 quoted 4.35万套) is resolved by its link to the change that replaced it.
    await office.goto('/consultations');
    await office.getByTestId('consultation-table').locator('tr').filter({ hasText: '2021-07-21' }).getByRole('link').first().click();
    await office.getByTestId('tab-revision').click();
    const lost = office.getByTestId('flag-quote-gone');
    await lost.waitFor();
    expect(await lost.getAttribute('data-resolved')).toBe('true');
    expect(await lost.getByTestId('lost-quote-resolved').getAttribute('data-how')).toBe('linked');

    // Taken off the change, it is open again; the office acknowledges it with a note.
    const change = office.getByTestId('redline-change').first();
    await change.getByTestId('change-links').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '省公安厅' }).click();
    await office.keyboard.press('Escape');
    await expect.poll(() => lost.getAttribute('data-resolved')).toBe('false');
    await lost.getByTestId('lost-quote-acknowledge').click();
    await office.getByTestId('lost-quote-note-input').fill('已按国家下达任务表述，原数字删除');
    await office.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => lost.getAttribute('data-resolved')).toBe('true');
    expect(await lost.getByTestId('lost-quote-resolved').getAttribute('data-how')).toBe('acknowledged');
    expect(await lost.getByTestId('lost-quote-resolved').innerText()).toContain('省城镇化办工作人员');
    expect(await lost.getByTestId('lost-quote-note').innerText()).toContain('已按国家下达任务表述');
    await settle(office);
    await screenshot(office, 'redline-lost-quote-resolved');
    await office.setViewportSize({ width: 390, height: 844 });
    await settle(office);
    await screenshot(office, 'redline-lost-quote-resolved-390');
    await expect.poll(noSideScroll, { timeout: 15_000 }).toBe(true);
    await office.setViewportSize({ width: 1440, height: 900 });

    // Undone, the office resolves it by linking it again, from the alert.
    await lost.getByTestId('lost-quote-reopen').click();
    await expect.poll(() => lost.getAttribute('data-resolved')).toBe('false');
    await lost.getByTestId('lost-quote-link').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '国家下达' }).first().click();
    await expect.poll(() => lost.getAttribute('data-resolved')).toBe('true');
    expect(await lost.getByTestId('lost-quote-resolved').getAttribute('data-how')).toBe('linked');
    expect(await change.getByTestId('change-links').innerText()).toContain('省公安厅');
    expect(dialogs).toEqual([]);
  });
});
