import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { warningItem, warningKey } from '../../domain/warning-review.js';
import type { ParseWarning } from '../../model/plan.js';
import type { VersionRow } from './plan-rows.js';

export interface ReviewedWarning extends ParseWarning {
  key: string;
  itemOrdinal: number | null;
  checked: { by: string | null; at: string } | null;
}

/** A version's parser warnings with their keys and items, and the checks stored against them. */
export async function reviewedWarnings(db: Kysely<Database>, version: Pick<VersionRow, 'id' | 'parsed'>): Promise<ReviewedWarning[]> {
  const rows = await db
    .selectFrom('plan_warning_checks')
    .leftJoin('users', 'users.id', 'plan_warning_checks.checked_by')
    .select(['plan_warning_checks.warning_key', 'plan_warning_checks.checked_at', 'users.display_name'])
    .where('plan_warning_checks.version_id', '=', version.id)
    .execute();
  const checks = new Map(rows.map((r) => [r.warning_key, { by: r.display_name, at: r.checked_at }]));
  return version.parsed.warnings.map((w) => {
    const key = warningKey(w);
    return { ...w, key, itemOrdinal: warningItem(version.parsed.items, w), checked: checks.get(key) ?? null };
  });
}
