/**
 * Hostile uploads against a server in its own process (npm run hostile), while /api/health is
 * polled every 20 ms from this one: how long does a health check wait while the server reads
 * zip bombs, billion laughs, a million-row sheet…? The figure the README reports. (The
 * integration test security-hostile-files.test.ts checks every answer; its health times are not
 * this figure, since there the server shares one event loop with the test that builds the files.)
 *
 * Baseline, same run: the same polling with the server idle. Reports p50, p99 and max of both,
 * and the answers per status. Exits non-zero if an upload got a 5xx, the server died, or a
 * health check failed.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client, percentile, startServer } from './lib/harness.js';
import { HOSTILE_FILES } from '../test/helpers/hostile-files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ADMIN = 'Hostile-admin-2026-x';
const DEMO = 'Hostile-demo-2026-x';

interface Watch {
  stop(): Promise<number[]>;
}

/** Polls /api/health every 20 ms until stopped; returns each answer's time in ms. */
function watchHealth(url: string, failures: string[]): Watch {
  const times: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const r = await fetch(`${url}/api/health`);
        await r.arrayBuffer();
        if (r.status !== 200) failures.push(`health answered ${r.status}`);
      } catch (error) {
        failures.push(`health failed: ${(error as Error).message}`);
      }
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return times;
    },
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-hostile-'));
  const server = await startServer(
    {
      DATABASE_URL: `sqlite:${path.join(dir, 'luoshi.sqlite')}`,
      LUOSHI_ADMIN_PASSWORD: ADMIN,
      LUOSHI_DEMO_PASSWORD: DEMO,
      LUOSHI_SECRET: 'hostile-secret-0123456789abcdef-0123456789abcdef',
      LUOSHI_AUDIT_KEY_FILE: path.join(dir, 'audit-keys'),
      REMINDER_INTERVAL_MINUTES: '0',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      LOG_LEVEL: 'warn',
    },
    3132,
  );
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  try {
    const office = new Client(server.url);
    const admin = new Client(server.url);
    if ((await office.login('office', DEMO)) !== 200 || (await admin.login('admin', ADMIN)) !== 200) throw new Error('sign-in failed');
    const planId = (await office.call<{ plans: { id: number }[] }>('GET', '/api/plans')).body.plans[0]!.id;

    // Baseline: the server idle, polled the same way for 4 s.
    const idle = watchHealth(server.url, failures);
    await new Promise((r) => setTimeout(r, 4000));
    const idleTimes = await idle.stop();

    // Every hostile file against every upload route, as the roles that may upload there (the
    // others are refused before a byte is read, which costs nothing).
    // The files are built first: building them blocks this process, which would count as the
    // server's slowness.
    const files = [];
    for (const file of HOSTILE_FILES) files.push({ ...file, built: await file.bytes() });
    const busy = watchHealth(server.url, failures);
    for (const file of files) {
      const bytes = file.built;
      const uploads: [string, Client, string, () => { body: FormData | Uint8Array; headers: Record<string, string> }][] = [
        ['POST /api/plans', office, '/api/plans', () => form(bytes, file.filename)],
        ['POST /api/plans/:id/versions', office, `/api/plans/${planId}/versions`, () => form(bytes, file.filename)],
        ['POST /api/units/import', admin, '/api/units/import', () => ({ body: new Uint8Array(bytes), headers: { 'content-type': XLSX } })],
      ];
      for (const [route, client, url, make] of uploads) {
        const { body, headers } = make();
        const h: Record<string, string> = { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrf };
        const started = performance.now();
        const r = await fetch(server.url + url, { method: 'POST', headers: h, body: body as BodyInit });
        const text = await r.text();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500) failures.push(`${file.name} → ${route}: ${r.status} ${text.slice(0, 160)}`);
        console.log(`  ${route.padEnd(30)} ${file.name.slice(0, 60).padEnd(60)} ${r.status} in ${Math.round(performance.now() - started)} ms`);
      }
    }
    const busyTimes = await busy.stop();
    if (server.child.exitCode !== null) failures.push(`the server exited (${server.child.exitCode})`);

    const fmt = (t: number[]) => `p50 ${percentile(t, 50)} ms, p99 ${percentile(t, 99)} ms, max ${percentile(t, 100)} ms (${t.length} checks)`;
    console.log(`\n/api/health, server idle:            ${fmt(idleTimes)}`);
    console.log(`/api/health, while hostile uploads: ${fmt(busyTimes)}`);
    console.log(`ratio busy/idle: p50 ${(percentile(busyTimes, 50) / percentile(idleTimes, 50)).toFixed(2)}×, p99 ${(percentile(busyTimes, 99) / percentile(idleTimes, 99)).toFixed(2)}×`);
    console.log(`answers: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ')}; checks over 200 ms: ${busyTimes.filter((t) => t > 200).length}`);
  } finally {
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`FAIL\n${failures.slice(0, 10).join('\n')}`);
    process.exit(1);
  }
  console.log('PASS');
}

function form(bytes: Buffer, filename: string): { body: FormData; headers: Record<string, string> } {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return { body: f, headers: {} };
}

await main();
