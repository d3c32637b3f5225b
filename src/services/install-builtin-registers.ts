import builtinJson from '../catalog/data/hunan-registers.json' with { type: 'json' };
import { syncAllSortIndexes } from '../db/register-indexes.js';
import { checkDefinition } from '../domain/register-definition.js';
import type { RegisterDefinition } from '../domain/register-definition.js';
import { appendAudit } from './support/audit-trail.js';
import { ensureRollupIndicators } from './support/compute-register-rollups.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';

/** The seed's four registers (catalog/data/hunan-registers.json), checked like any other definition. */
export function builtinRegisterDefinitions(): RegisterDefinition[] {
  return builtinJson.registers.map((input) => {
    const { definition, issues } = checkDefinition(input);
    if (!definition) throw new Error(`built-in register ${input.key}: ${issues.map((i) => i.en).join('; ')}`);
    return definition;
  });
}

/**
 * Adds the built-in registers that the database does not have yet (by key). A register the
 * office has since changed is left as it is: its definition is the office's now. Run at
 * start-up, it also brings every register's sort indexes in line with its fields.
 */
export async function installBuiltinRegisters(ctx: ServiceContext): Promise<number> {
  const definitions = builtinRegisterDefinitions();
  const added = await inTransaction(ctx, async (trx) => {
    const existing = new Set((await trx.selectFrom('registers').select('key').execute()).map((r) => r.key));
    const at = nowIso(ctx);
    let added = 0;
    for (const d of definitions) {
      if (existing.has(d.key)) continue;
      const row = await trx
        .insertInto('registers')
        .values({ key: d.key, name: d.name, definition: JSON.stringify(d), builtin: 1, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ensureRollupIndicators(trx, row.id, d, at);
      await appendAudit(trx, ctx.actor, ctx.clock, { action: 'register.create', entity: 'register', entityId: row.id, detail: { key: d.key, name: d.name, builtin: true } });
      added++;
    }
    return added;
  });
  // Every register's sort indexes in line with its fields (ADR 0004): built here for a new
  // register, for a database from before the indexes, and if their expression changed. A
  // transaction of its own, which takes no lock but the index one.
  await inTransaction(ctx, (trx) =>
    syncAllSortIndexes(trx, ctx.dialect, async () =>
      (await trx.selectFrom('registers').select(['id', 'definition']).execute()).map((r) => ({
        id: r.id,
        fields: (JSON.parse(r.definition) as RegisterDefinition).fields.map((f) => f.name),
      })),
    ),
  );
  return added;
}
