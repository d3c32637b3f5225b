import { fail } from '../../domain/errors.js';
import type { Criterion, Grade, Thresholds } from '../../domain/register-definition.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Tx } from './context.js';

export interface EvaluationScoreView {
  rowId: number;
  /** The row's name (its first unique-key field). */
  name: string;
  scores: Record<string, number>;
  total: number;
  grade: Grade;
  statusBefore: string | null;
  proposedStatus: string | null;
}

export interface EvaluationView {
  id: number;
  registerId: number;
  year: number;
  criteria: Criterion[];
  thresholds: Thresholds;
  /** open (scores may change) → confirmed (statuses applied) → published (snapshot frozen) */
  status: 'open' | 'confirmed' | 'published';
  createdAt: string;
  confirmedAt: string | null;
  publishedAt: string | null;
  snapshotId: number | null;
  scores: EvaluationScoreView[];
}

type Db = Kysely<Database> | Tx;

export async function loadEvaluation(db: Db, id: number): Promise<EvaluationView> {
  const e = await db.selectFrom('register_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw fail('evaluation_not_found');
  const register = await db.selectFrom('registers').select('definition').where('id', '=', e.register_id).executeTakeFirstOrThrow();
  const nameField = (JSON.parse(register.definition) as { uniqueKey: string[] }).uniqueKey[0]!;
  const scores = await db
    .selectFrom('register_scores')
    .innerJoin('register_rows', 'register_rows.id', 'register_scores.row_id')
    .select(['register_scores.row_id', 'register_scores.scores', 'register_scores.total', 'register_scores.grade', 'register_scores.status_before', 'register_scores.proposed_status', 'register_rows.data'])
    .where('register_scores.evaluation_id', '=', id)
    .orderBy('register_scores.total', 'desc')
    .orderBy('register_scores.row_id')
    .execute();
  return {
    id: e.id,
    registerId: e.register_id,
    year: e.year,
    criteria: JSON.parse(e.criteria) as Criterion[],
    thresholds: JSON.parse(e.thresholds) as Thresholds,
    status: e.status as EvaluationView['status'],
    createdAt: e.created_at,
    confirmedAt: e.confirmed_at,
    publishedAt: e.published_at,
    snapshotId: e.snapshot_id,
    scores: scores.map((s) => {
      const data = (typeof s.data === 'string' ? JSON.parse(s.data) : s.data) as Record<string, unknown>;
      return {
        rowId: s.row_id,
        name: String(data[nameField] ?? ''),
        scores: JSON.parse(s.scores) as Record<string, number>,
        total: Number(s.total),
        grade: s.grade as Grade,
        statusBefore: s.status_before,
        proposedStatus: s.proposed_status,
      };
    }),
  };
}
