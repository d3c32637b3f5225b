import { describe, expect, it } from 'vitest';
import { base32Decode, totpCode, TOTP_STEP_SECONDS } from '../../src/security/totp.js';
import { Client } from '../helpers/client.js';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

const session = browserSession();
const { openPage } = session;

describe('second factor (TOTP) at the login page', () => {
  it('asks an enrolled office account for its code, refuses a wrong one, and signs in with the right one', async () => {
    // Enrol through the API, as the office would from its account page.
    const api = new Client(session.server.url);
    expect((await api.login('office', session.server.demoPassword)).status).toBe(200);
    const enrol = await api.json<{ secret: string; uri: string }>('POST', '/api/session/totp/enrol');
    expect(enrol.status).toBe(200);
    const secret = base32Decode(enrol.body.secret);
    // Confirm with the previous step's code, so the current step's code is still unspent for the login.
    const now = new Date();
    const previous = new Date(now.getTime() - TOTP_STEP_SECONDS * 1000);
    expect((await api.request('POST', '/api/session/totp/confirm', { code: totpCode(secret, previous) })).status).toBe(204);

    const page = await openPage();
    await page.goto('/login');
    await page.getByLabel('账号').fill('office');
    await page.getByLabel('密码').fill(session.server.demoPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    // The password was right: the page now asks for the code, and the app stays closed.
    const code = page.getByTestId('totp-code');
    await code.waitFor();
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    await screenshot(page, 'login-totp');

    const right = totpCode(secret, new Date());
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('main-nav').count()).toBe(0);

    await code.fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });
});
