import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { acceptsReplies, consultationStatus, recipientStatus } from '../../domain/consultation.js';
import type { ConsultationStatus, RecipientStatus } from '../../domain/consultation.js';
import { consultationAllowed } from '../../domain/allowed.js';
import { fail } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { Actor } from '../../domain/policy.js';
import type { Clock } from './context.js';

export interface ConsultationRow {
  id: number;
  planId: number;
  versionId: number;
  versionNumber: number;
  planTitle: string;
  title: string;
  deadline: string;
  contact: string;
  instructions: string;
  reminderDays: number;
  missingAsNoOpinion: boolean;
  closedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface RecipientRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  status: RecipientStatus;
  /** The unit's current sealed reply, if any. */
  replyId: number | null;
  sealedAt: string | null;
}

export interface ConsultationState extends ConsultationRow {
  status: ConsultationStatus;
  acceptingReplies: boolean;
  recipients: RecipientRow[];
  /** Opinions in sealed replies the office has not decided yet (publishing waits for none). */
  undecidedOpinions: number;
}

type Db = Kysely<Database>;

/** The consultation columns every view reads, with the plan's title and the version's number. */
function consultationQuery(db: Db) {
  return db
    .selectFrom('consultations')
    .innerJoin('plan_versions', 'plan_versions.id', 'consultations.version_id')
    .innerJoin('plans', 'plans.id', 'consultations.plan_id')
    .select([
      'consultations.id',
      'consultations.plan_id',
      'consultations.version_id',
      'plan_versions.number',
      'plans.title as plan_title',
      'consultations.title',
      'consultations.deadline',
      'consultations.contact',
      'consultations.instructions',
      'consultations.reminder_days',
      'consultations.missing_as_no_opinion',
      'consultations.closed_at',
      'consultations.published_at',
      'consultations.created_at',
    ]);
}

type ConsultationQueryRow = Awaited<ReturnType<ReturnType<typeof consultationQuery>['executeTakeFirstOrThrow']>>;

function toConsultationRow(row: ConsultationQueryRow): ConsultationRow {
  return {
    id: row.id,
    planId: row.plan_id,
    versionId: row.version_id,
    versionNumber: row.number,
    planTitle: row.plan_title,
    title: row.title,
    deadline: row.deadline,
    contact: row.contact,
    instructions: row.instructions,
    reminderDays: row.reminder_days,
    missingAsNoOpinion: row.missing_as_no_opinion === 1,
    closedAt: row.closed_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

export async function loadConsultation(db: Db, id: number): Promise<ConsultationRow> {
  const row = await consultationQuery(db).where('consultations.id', '=', id).executeTakeFirst();
  if (!row) throw fail('consultation_not_found');
  return toConsultationRow(row);
}

/** The consultation with every recipient's status as of the clock's now. */
export async function loadConsultationState(db: Db, clock: Clock, id: number): Promise<ConsultationState> {
  const [state] = await loadConsultationStates(db, clock, { ids: [id] });
  if (!state) throw fail('consultation_not_found');
  return state;
}

export interface ConsultationFilter {
  /** Only these consultations. */
  ids?: number[];
  planId?: number;
  /** Only consultations sent to this unit, and only this unit's recipient row. */
  recipientUnitId?: number;
}

/**
 * Consultations with their recipients' statuses, newest first, in three queries whatever
 * their number: the consultations, all their recipients, all their sealed replies.
 */
export async function loadConsultationStates(db: Db, clock: Clock, filter: ConsultationFilter = {}): Promise<ConsultationState[]> {
  let query = consultationQuery(db).orderBy('consultations.id', 'desc');
  if (filter.ids !== undefined) query = query.where('consultations.id', 'in', filter.ids.length > 0 ? filter.ids : [-1]);
  if (filter.planId !== undefined) query = query.where('consultations.plan_id', '=', filter.planId);
  if (filter.recipientUnitId !== undefined) {
    const unitId = filter.recipientUnitId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultation_recipients')
          .select('consultation_recipients.unit_id')
          .whereRef('consultation_recipients.consultation_id', '=', 'consultations.id')
          .where('consultation_recipients.unit_id', '=', unitId),
      ),
    );
  }
  const rows = (await query.execute()).map(toConsultationRow);
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  let recipientQuery = db
    .selectFrom('consultation_recipients')
    .innerJoin('units', 'units.id', 'consultation_recipients.unit_id')
    .select(['consultation_recipients.consultation_id', 'units.id', 'units.code', 'units.short_name'])
    .where('consultation_recipients.consultation_id', 'in', ids)
    .orderBy('units.sort_order')
    .orderBy('units.id');
  let sealedQuery = db
    .selectFrom('replies')
    .select(['id', 'consultation_id', 'unit_id', 'no_opinion', 'sealed_at'])
    .where('consultation_id', 'in', ids)
    .where('status', '=', 'sealed');
  if (filter.recipientUnitId !== undefined) {
    recipientQuery = recipientQuery.where('consultation_recipients.unit_id', '=', filter.recipientUnitId);
    sealedQuery = sealedQuery.where('unit_id', '=', filter.recipientUnitId);
  }
  const undecidedQuery = db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .select(['replies.consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('replies.consultation_id', 'in', ids)
    .where('replies.status', '=', 'sealed')
    .where('opinions.disposition', 'is', null)
    .groupBy('replies.consultation_id');
  const [recipients, sealed, undecided] = await Promise.all([recipientQuery.execute(), sealedQuery.execute(), undecidedQuery.execute()]);
  const undecidedOf = new Map(undecided.map((r) => [r.consultation_id, Number(r.n)]));
  const sealedBy = new Map(sealed.map((r) => [`${r.consultation_id}:${r.unit_id}`, r]));
  const recipientsOf = new Map<number, typeof recipients>();
  for (const r of recipients) {
    const list = recipientsOf.get(r.consultation_id);
    if (list) list.push(r);
    else recipientsOf.set(r.consultation_id, [r]);
  }
  const now = clock.now();
  return rows.map((c) => ({
    ...c,
    status: consultationStatus(c, now),
    acceptingReplies: acceptsReplies(c),
    undecidedOpinions: undecidedOf.get(c.id) ?? 0,
    recipients: (recipientsOf.get(c.id) ?? []).map((u) => {
      const reply = sealedBy.get(`${c.id}:${u.id}`);
      return {
        unitId: u.id,
        unitCode: u.code,
        unitName: u.short_name,
        status: recipientStatus(c.deadline, reply ? { noOpinion: reply.no_opinion === 1, sealedAt: reply.sealed_at! } : null, now),
        replyId: reply?.id ?? null,
        sealedAt: reply?.sealed_at ?? null,
      };
    }),
  }));
}

export async function isRecipient(db: Db, consultationId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('consultation_recipients')
    .select('unit_id')
    .where('consultation_id', '=', consultationId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export type ConsultationView = Omit<ConsultationState, 'undecidedOpinions'> & { undecidedOpinions: number | null; allowed: ReturnType<typeof consultationAllowed> };

/**
 * The consultation as the actor may see it: the office sees every recipient, a unit only its
 * own entry (whether others have replied is the office's business); with what it may do.
 */
export function presentConsultation(state: ConsultationState, actor: Actor): ConsultationView {
  const ownUnit = actor.kind === 'user' ? actor.unitId : undefined;
  const recipient = state.recipients.some((r) => r.unitId === ownUnit);
  const manage = can(actor, 'consultation.manage');
  const recipients = manage ? state.recipients : state.recipients.filter((r) => r.unitId === ownUnit);
  // How many opinions wait for a decision is the office's business, like who has replied.
  return { ...state, recipients, undecidedOpinions: manage ? state.undecidedOpinions : null, allowed: consultationAllowed(actor, state, recipient, state.undecidedOpinions) };
}
