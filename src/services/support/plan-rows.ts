import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fail } from '../../domain/errors.js';
import type { PlanEdit } from '../../domain/plan-edits.js';
import type { ParsedPlan } from '../../model/plan.js';


export interface VersionRow {
  id: number;
  planId: number;
  number: number;
  status: string;
  filename: string;
  encoding: string;
  sha256: string;
  byteSize: number;
  text: string;
  parsed: ParsedPlan;
  parserVersion: string;
  createdAt: string;
}

/** One version of a plan (the current one unless a number is given), parse included. */
export async function loadVersion(db: Kysely<Database>, planId: number, number?: number): Promise<VersionRow> {
  const plan = await db.selectFrom('plans').select(['id', 'current_version']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw fail('plan_not_found');
  const row = await db
    .selectFrom('plan_versions')
    .select(['id', 'plan_id', 'number', 'status', 'filename', 'encoding', 'sha256', 'byte_size', 'text', 'parsed', 'parser_version', 'created_at'])
    .where('plan_id', '=', planId)
    .where('number', '=', number ?? plan.current_version)
    .executeTakeFirst();
  if (!row) throw fail('plan_version_not_found');
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    status: row.status,
    filename: row.filename,
    encoding: row.encoding,
    sha256: row.sha256,
    byteSize: row.byte_size,
    text: row.text,
    parsed: JSON.parse(row.parsed) as ParsedPlan,
    parserVersion: row.parser_version,
    createdAt: row.created_at,
  };
}

/** How an item is named in reports and notices: its number and title, e.g. (二)推动城镇…. */
export function clauseLabeller(plan: ParsedPlan): (itemOrdinal: number) => string {
  const labels = new Map(plan.items.map((i) => [i.ordinal, `${i.number}${i.title}`]));
  return (itemOrdinal) => labels.get(itemOrdinal) ?? `第${itemOrdinal}条`;
}

export async function loadVersionById(db: Kysely<Database>, versionId: number): Promise<VersionRow> {
  const row = await db.selectFrom('plan_versions').select(['plan_id', 'number']).where('id', '=', versionId).executeTakeFirst();
  if (!row) throw fail('plan_version_not_found');
  return loadVersion(db, row.plan_id, row.number);
}

export interface StoredEdit {
  edit: PlanEdit;
  createdBy: string | null;
  createdAt: string;
}

/** The edits of a version, oldest first, as the domain's PlanEdit values. */
export async function loadEdits(db: Kysely<Database>, versionId: number): Promise<StoredEdit[]> {
  const rows = await db
    .selectFrom('plan_edits')
    .leftJoin('users', 'users.id', 'plan_edits.created_by')
    .select([
      'plan_edits.id',
      'plan_edits.op',
      'plan_edits.item_ordinal',
      'plan_edits.kind',
      'plan_edits.span_start',
      'plan_edits.span_end',
      'plan_edits.data',
      'plan_edits.created_at',
      'users.login',
    ])
    .where('plan_edits.version_id', '=', versionId)
    .orderBy('plan_edits.id')
    .execute();
  return rows.map((r) => {
    const ref = { itemOrdinal: r.item_ordinal, kind: r.kind, span: [r.span_start, r.span_end] };
    const data = JSON.parse(r.data) as Record<string, unknown>;
    const edit = (r.op === 'update' ? { id: r.id, op: 'update', ref, patch: data } : r.op === 'add' ? { id: r.id, op: 'add', ref, fact: data } : { id: r.id, op: 'remove', ref }) as PlanEdit;
    return { edit, createdBy: r.login, createdAt: r.created_at };
  });
}
