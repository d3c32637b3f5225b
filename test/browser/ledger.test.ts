import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

const { openPage, signIn } = browserSession();

/** Item (十九), led by 省自然资源厅: in the demo it is past its due date at 30%, so red. */
const TASK_TITLE = '(十九)深化改革农村土地制度';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function statCount(page: Page, light: 'red' | 'yellow' | 'green'): Promise<number> {
  const text = await page.getByTestId(`stat-${light}`).locator('.ant-statistic-content').innerText();
  return Number(text.replace(/\D/g, ''));
}

async function taskLight(page: Page, taskId: number): Promise<string | null> {
  await page.goto(`/ledger/tasks/${taskId}`);
  return page.getByTestId('task-light').getByTestId('light-tag').getAttribute('data-light');
}

async function reportStatus(page: Page): Promise<string | null> {
  return page.getByTestId('report-status').getAttribute('data-status');
}

describe('the task ledger in the browser', () => {
  it('a unit reports with evidence, its signatory seals, the office returns, the unit resubmits, the office accepts, and the light turns green', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    // Right after signing in, the office's home page shows the seed plan's lights (no click needed).
    await office.getByTestId('ledger-glance').waitFor();
    await expect.poll(async () => Number((await office.getByTestId('glance-red').locator('.ant-statistic-content').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(office, 'home-office');
    // The office lands on the seed plan's overview from the navigation, with no choice to make.
    await office.getByTestId('main-nav').getByRole('menuitem', { name: '任务台账' }).click();
    await office.getByTestId('ledger-overview').waitFor();
    const redBefore = await statCount(office, 'red');
    expect(redBefore).toBeGreaterThan(0);
    await expect.poll(() => office.getByTestId('red-list').innerText()).toContain(TASK_TITLE);
    // Every number links to its rows: the red count opens the task list filtered to red.
    await office.getByTestId('stat-red').click();
    await expect.poll(() => office.getByTestId('task-count').innerText()).toContain(String(redBefore));
    expect(office.url()).toContain('light=red');
    const taskHref = await office.getByTestId('task-table').getByRole('link', { name: TASK_TITLE }).getAttribute('href');
    const taskId = Number(taskHref!.split('/').pop());
    expect(await taskLight(office, taskId)).toBe('red');

    // The office opens a round for the current quarter.
    await office.getByTestId('main-nav').getByRole('menuitem', { name: '调度' }).click();
    await office.getByTestId('open-round').click();
    await office.getByTestId('round-title').fill('浏览器测试调度');
    await office.getByTestId('round-period-start').fill(day(-30));
    await office.getByTestId('round-period-end').fill(day(0));
    await office.getByTestId('round-due-date').fill(day(10));
    await office.getByTestId('open-round-ok').click();
    await office.getByTestId('round-list').getByRole('link', { name: '浏览器测试调度' }).click();
    await office.getByTestId('round-title').waitFor();
    const roundId = Number(/\/rounds\/(\d+)/.exec(office.url())![1]);

    // The lead unit's reporter finds the report due on its own page and writes it, with evidence.
    const reporter = await openPage();
    await signIn(reporter, 'hn-zrzyt.reporter');
    await reporter.goto('/ledger');
    await reporter.getByTestId('reports-due').getByRole('link', { name: TASK_TITLE }).first().waitFor();
    await reporter.goto(`/rounds/${roundId}/tasks/${taskId}`);
    await reporter.getByTestId('report-from-last').click();
    await reporter.getByTestId('report-progress-input').fill('农村土地制度改革试点任务全面完成，已报省政府验收。');
    await reporter.locator('input[data-testid=report-percent-input], [data-testid=report-percent-input] input').first().fill('100');
    await reporter.getByTestId('report-save').click();
    await expect.poll(() => reportStatus(reporter)).toBe('draft');
    const evidence = path.join(os.tmpdir(), `luoshi-evidence-${process.pid}.pdf`);
    await writeFile(evidence, '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await reporter.locator('.ant-upload input[type=file]').setInputFiles(evidence);
    await expect.poll(() => reporter.getByTestId('report-attachment').count()).toBe(1);
    expect(await reporter.getByTestId('report-attachment').innerText()).toContain('.pdf');
    await screenshot(reporter, 'ledger-report-draft');

    // Its signatory seals and submits it.
    const signatory = await openPage();
    await signIn(signatory, 'hn-zrzyt.signatory');
    await signatory.goto(`/rounds/${roundId}/tasks/${taskId}`);
    await signatory.getByTestId('report-submit').click();
    await signatory.getByTestId('submit-confirm').click();
    await expect.poll(() => reportStatus(signatory)).toBe('submitted');
    await signatory.getByTestId('report-seal').waitFor();

    // The office finds it in the round's matrix and returns it with a comment.
    await office.goto(`/rounds/${roundId}`);
    await office.getByTestId(`cell-${taskId}-${await unitOf(office, taskId)}`).click();
    await office.getByTestId('report-return').click();
    await office.getByTestId('return-modal-text').fill('请补充试点县验收材料。');
    await office.getByTestId('return-modal-ok').click();
    await expect.poll(() => reportStatus(office)).toBe('returned');

    // The unit revises, the signatory submits again, the office accepts.
    await reporter.reload();
    expect(await reporter.getByTestId('review-comment').innerText()).toContain('请补充试点县验收材料');
    await reporter.getByTestId('report-next-input').fill('已补充 5 个试点县验收材料。');
    await reporter.getByTestId('report-save').click();
    await expect.poll(() => reporter.getByTestId('report-next-input').inputValue()).toContain('试点县验收材料');
    await signatory.reload();
    await signatory.getByTestId('report-submit').click();
    await signatory.getByTestId('submit-confirm').click();
    await expect.poll(() => reportStatus(signatory)).toBe('submitted');
    await office.reload();
    await office.getByTestId('report-accept').click();
    await expect.poll(() => reportStatus(office)).toBe('accepted');

    // The light changes: the task is green, and the overview counts one red fewer.
    expect(await taskLight(office, taskId)).toBe('green');
    await screenshot(office, 'ledger-task-after');
    await office.goto('/ledger');
    await office.getByTestId('ledger-overview').waitFor();
    await expect.poll(() => statCount(office, 'red')).toBe(redBefore - 1);
    expect(await office.getByTestId('red-list').innerText()).not.toContain(TASK_TITLE);
  });

  it('runs a 督办 by role: the office issues it, the unit’s signatory answers, the office closes it', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    // Item (十三), led by 省发改委 (hn-fgw), is open in the demo.
    await office.goto('/ledger?tab=tasks&status=open');
    const href = await office.getByTestId('task-table').getByRole('link', { name: '(十三)增强城市发展韧性' }).getAttribute('href');
    await office.goto(href!);
    await office.getByTestId('task-notice').click();
    await office.getByTestId('notice-text').fill('请于本月内报送城市韧性项目推进计划。');
    await office.getByTestId('notice-answer-by').fill(day(7));
    await office.getByTestId('notice-ok').click();
    await office.getByTestId('notice-modal').waitFor({ state: 'hidden' });
    const notice = office.locator('[data-testid^=notice-]').filter({ hasText: '请于本月内报送城市韧性项目推进计划' });
    await notice.waitFor();
    const noticeId = Number((await notice.getAttribute('data-testid'))!.replace('notice-', ''));
    // The office may not answer, and the unit's reporter may not either: only its signatory.
    expect(await office.getByTestId(`notice-answer-${noticeId}`).count()).toBe(0);
    const reporter = await openPage();
    await signIn(reporter, 'hn-fgw.reporter');
    await reporter.goto(href!);
    await reporter.getByTestId(`notice-${noticeId}`).waitFor();
    expect(await reporter.getByTestId(`notice-answer-${noticeId}`).count()).toBe(0);
    expect(await reporter.getByTestId(`notice-close-${noticeId}`).count()).toBe(0);

    const signatory = await openPage();
    await signIn(signatory, 'hn-fgw.signatory');
    await signatory.goto(href!);
    await signatory.getByTestId(`notice-answer-${noticeId}`).click();
    await signatory.getByTestId('answer-modal-text').fill('已制定推进计划，正在按月调度。');
    await signatory.getByTestId('answer-modal-ok').click();
    await expect.poll(() => signatory.getByTestId(`notice-${noticeId}`).innerText()).toContain('已答复');

    await office.reload();
    await office.getByTestId(`notice-close-${noticeId}`).click();
    await expect.poll(() => office.getByTestId(`notice-${noticeId}`).innerText()).toContain('已办结');
  });

  it('shows the allocated total and the remainder while a target is divided, and will not save more than is held', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    await office.goto('/ledger?tab=tasks');
    await office.getByTestId('task-table').getByRole('link', { name: '(十五)实施城市更新行动' }).click();
    await office.locator('[data-testid^=allocate-]').first().click();
    await office.getByTestId('allocation-modal').locator('input').first().waitFor();
    const changsha = office.getByTestId('allocation-modal').locator('input').first();
    const before = await changsha.inputValue();
    await changsha.fill(String(Number(before) + 40));
    await expect.poll(() => office.getByTestId('allocation-over').innerText()).toContain('超出可分解总量 40');
    expect(await office.getByTestId('allocation-remainder').innerText()).toContain('-40');
    expect(await office.getByTestId('allocation-save').isDisabled()).toBe(true);
    await changsha.fill(before);
    await expect.poll(() => office.getByTestId('allocation-remainder').innerText()).toContain('0');
    await office.getByTestId('allocation-save').click();
    await office.getByTestId('allocation-modal').waitFor({ state: 'detached' });
  });

  it('fits a 390 px phone: no ledger page scrolls sideways', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'office');
    for (const url of ['/ledger', '/ledger?tab=tasks', '/ledger?tab=city', '/ledger/tasks/15', '/rounds', '/rounds/3', '/rounds/3/tasks/19?unitId=11']) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, url).toBeLessThanOrEqual(client);
    }
  });

  // Runs last: it publishes a second plan, which becomes the newest the ledger opens on.
  it('印发 a fresh plan from its page, then shapes its ledger: due date and milestone, evidence with progress, split by clause, 催办, rules, and an export that carries the filters', async () => {
    const office = await openPage();
    await signIn(office, 'office');
    const session = (await (await office.request.get('/api/session')).json()) as { csrfToken: string };
    const text =
      '湖南省2022年城镇化试点工作要点\n一、重点任务\n(一)推进城市更新试点。完成老旧小区改造200个；建设口袋公园30个。(省住房城乡建设厅牵头,省财政厅配合)\n(二)推动县城建设。完成县城补短板项目50个。(省发改委牵头)\n';
    const imported = await office.request.post('/api/plans', { data: { text, filename: '试点要点.txt' }, headers: { 'X-CSRF-Token': session.csrfToken } });
    expect(imported.status()).toBe(201);
    const planId = ((await imported.json()) as { id: number }).id;

    // 印发 from the plan page: the answer says how many tasks the ledger now holds.
    await office.goto(`/plans/${planId}`);
    await office.getByTestId('plan-publish').click();
    await office.getByTestId('publish-due').fill('2099-11-30');
    await office.getByTestId('publish-ok').click();
    await office.getByTestId('publish-result').waitFor();
    expect(await office.getByTestId('publish-result').innerText()).toContain('台账共 2 项任务');
    await screenshot(office, 'ledger-publish-result');
    await office.getByTestId('publish-open-ledger').click();
    await office.getByTestId('ledger-overview').waitFor();
    expect(office.url()).toContain(`plan=${planId}`);

    const tasks = (await (await office.request.get(`/api/plans/${planId}/tasks`)).json()) as { id: number; dueDate: string }[];
    expect(tasks.map((t) => t.dueDate)).toEqual(['2099-11-30', '2099-11-30']);
    const taskId = tasks[0]!.id;

    // Due date and a milestone.
    await office.goto(`/ledger/tasks/${taskId}`);
    await office.getByTestId('task-schedule').click();
    await office.getByTestId('schedule-due').fill('2099-10-31');
    await office.getByTestId('milestone-add').click();
    await office.getByTestId('milestone-date-0').fill('2099-06-30');
    await office.getByTestId('milestone-title-0').fill('完成改造过半');
    await office.getByTestId('schedule-ok').click();
    await expect.poll(() => office.getByTestId('task-milestones').innerText()).toContain('完成改造过半');
    expect(await office.getByTestId('task-page').innerText()).toContain('2099-10-31');

    // 销号 evidence, with a progress bar while it uploads.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2_000_000, 32), Buffer.from('\n%%EOF\n')]);
    // The server may answer faster than the bar can be seen: the upload is held until it has been.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await office.route('**/api/tasks/*/attachments', async (route) => {
      await held;
      await route.continue();
    });
    await office.getByTestId('task-evidence').locator('input[type=file]').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: bytes });
    await office.getByTestId('task-evidence-progress').waitFor();
    release();
    await expect.poll(() => office.getByTestId('task-evidence-file').count()).toBe(1);
    await office.unroute('**/api/tasks/*/attachments');
    await expect.poll(() => office.getByTestId('task-evidence-progress').count()).toBe(0);
    expect(await office.getByTestId('task-evidence-file').innerText()).toContain('验收报告.pdf');
    await screenshot(office, 'ledger-task-shaped');

    // Split by clause: the task gives way to one task per clause.
    await office.getByTestId('task-split').click();
    await office.getByTestId('split-ok').click();
    await office.waitForURL((url) => /\/ledger\/tasks\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${taskId}`));
    await expect.poll(() => office.getByTestId('task-title').innerText()).toContain('1.');
    const after = (await (await office.request.get(`/api/plans/${planId}/tasks`)).json()) as { id: number }[];
    expect(after.length).toBeGreaterThan(2);
    expect(after.some((t) => t.id === taskId)).toBe(false);

    // Nobody has acknowledged yet: the office reminds them all.
    await office.goto(`/ledger?plan=${planId}&tab=acks`);
    await office.getByTestId('acknowledgements').waitFor();
    await expect.poll(() => office.getByTestId('pending-acks').locator('tr[data-row-key]').count()).toBe(3);
    await office.getByTestId('remind-all').click();
    await expect.poll(() => office.locator('.ant-message-notice').first().innerText()).toContain('已提醒 3 个单位');

    // The light rules in words, with the default thresholds.
    await office.goto(`/ledger?plan=${planId}&tab=rules`);
    await expect.poll(() => office.getByTestId('light-rule-words').innerText()).toContain('落后超过 25 个百分点');

    // The export carries the list's filters, and the server answers it.
    await office.goto(`/ledger?plan=${planId}&tab=tasks&light=green&status=open&section=1`);
    await office.getByTestId('task-table').waitFor();
    const href = await office.getByTestId('ledger-download').getAttribute('href');
    expect(href).toBe(`/api/plans/${planId}/ledger.xlsx?light=green&status=open&section=1`);
    const workbook = await office.request.get(href!);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');
    await office.getByTestId('filter-clear').click();
    await expect.poll(() => office.getByTestId('ledger-download').getAttribute('href')).toBe(`/api/plans/${planId}/ledger.xlsx`);
  });
});

/** The lead unit of a task, as its page lists it (the first unit tag). */
async function unitOf(page: Page, taskId: number): Promise<number> {
  const response = await page.request.get(`/api/tasks/${taskId}`);
  return ((await response.json()) as { leadUnitId: number }).leadUnitId;
}
