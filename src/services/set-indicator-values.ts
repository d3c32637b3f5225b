import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getIndicator } from './list-indicators.js';
import type { IndicatorView } from './list-indicators.js';

export interface ManualIndicatorInput {
  key?: string | undefined;
  name: string;
  unit: string;
  target?: number | undefined;
  year?: number | undefined;
  public?: boolean | undefined;
}

/** Adds an indicator for statistics entered by hand (source 'manual'), e.g. 户籍人口城镇化率. */
export async function createIndicator(input: ManualIndicatorInput, ctx: ServiceContext): Promise<IndicatorView> {
  authorize(ctx.actor, 'indicator.manage');
  const id = await inTransaction(ctx, async (trx) => {
    if (input.key) {
      const clash = await trx.selectFrom('indicators').select('id').where('key', '=', input.key).executeTakeFirst();
      if (clash) throw fail('conflict');
    }
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('indicators')
      .values({
        key: input.key ?? null,
        name: input.name,
        unit: input.unit,
        comparator: input.target === undefined ? null : '>=',
        target: input.target ?? null,
        year: input.year ?? null,
        source: 'manual',
        plan_id: null,
        task_id: null,
        register_id: null,
        span_start: null,
        span_end: null,
        raw: null,
        rule: null,
        public: input.public ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'indicator.create', entity: 'indicator', entityId: row.id, detail: { ...input } });
    return row.id;
  });
  return getIndicator(id, ctx);
}

/**
 * Enters or replaces figures (source 'manual') by unit and period; the rest stay. One
 * audited transaction with each value's before and after.
 */
export async function setIndicatorValues(id: number, values: { unitId: number; period: string; value: number }[], ctx: ServiceContext): Promise<number> {
  authorize(ctx.actor, 'indicator.manage');
  await getIndicator(id, ctx);
  return writeIndicatorValues(id, values, ctx, { action: 'indicator.values.set', detail: {} });
}

/** The writing part of setIndicatorValues, shared with the sheet import (its own audit action). */
export async function writeIndicatorValues(
  id: number,
  values: { unitId: number; period: string; value: number }[],
  ctx: ServiceContext,
  audit: { action: 'indicator.values.set' | 'indicator.values.import'; detail: Record<string, unknown> },
): Promise<number> {
  authorize(ctx.actor, 'indicator.manage');
  return inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const changes: { unitId: number; period: string; before: number | null; after: number }[] = [];
    for (const v of values) {
      const existing = await trx
        .selectFrom('indicator_values')
        .select(['id', 'value'])
        .where('indicator_id', '=', id)
        .where('unit_id', '=', v.unitId)
        .where('period', '=', v.period)
        .where('source', '=', 'manual')
        .executeTakeFirst();
      if (existing && Number(existing.value) === v.value) continue;
      if (existing) await trx.updateTable('indicator_values').set({ value: v.value, updated_at: at }).where('id', '=', existing.id).execute();
      else await trx.insertInto('indicator_values').values({ indicator_id: id, unit_id: v.unitId, period: v.period, value: v.value, source: 'manual', report_id: null, updated_at: at }).execute();
      changes.push({ unitId: v.unitId, period: v.period, before: existing ? Number(existing.value) : null, after: v.value });
    }
    if (changes.length > 0) {
      await trx.updateTable('indicators').set({ updated_at: at }).where('id', '=', id).execute();
      await appendAudit(trx, ctx.actor, ctx.clock, { action: audit.action, entity: 'indicator', entityId: id, detail: { ...audit.detail, changes } });
    }
    return changes.length;
  });
}

/** Publishes or withdraws an indicator from the public pages. */
export async function setIndicatorPublic(id: number, published: boolean, ctx: ServiceContext): Promise<IndicatorView> {
  authorize(ctx.actor, 'indicator.manage');
  await getIndicator(id, ctx);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('indicators').set({ public: published ? 1 : 0, updated_at: nowIso(ctx) }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: published ? 'indicator.publish' : 'indicator.unpublish', entity: 'indicator', entityId: id, detail: {} });
  });
  return getIndicator(id, ctx);
}
