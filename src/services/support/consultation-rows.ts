import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { acceptsReplies, consultationStatus, recipientStatus } from '../../domain/consultation.js';
import type { ConsultationStatus, RecipientStatus } from '../../domain/consultation.js';
import { errors } from '../../domain/errors.js';
import type { Clock } from './context.js';

export const CONSULTATION = { zh: '征求意见', en: 'Consultation' };

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
}

type Db = Kysely<Database>;

export async function loadConsultation(db: Db, id: number): Promise<ConsultationRow> {
  const row = await db
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
    ])
    .where('consultations.id', '=', id)
    .executeTakeFirst();
  if (!row) throw errors.notFound(CONSULTATION);
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

/** The consultation with every recipient's status as of the clock's now. */
export async function loadConsultationState(db: Db, clock: Clock, id: number): Promise<ConsultationState> {
  const c = await loadConsultation(db, id);
  const recipients = await db
    .selectFrom('consultation_recipients')
    .innerJoin('units', 'units.id', 'consultation_recipients.unit_id')
    .select(['units.id', 'units.code', 'units.short_name', 'units.sort_order'])
    .where('consultation_recipients.consultation_id', '=', id)
    .orderBy('units.sort_order')
    .orderBy('units.id')
    .execute();
  const sealed = await db
    .selectFrom('replies')
    .select(['id', 'unit_id', 'no_opinion', 'sealed_at'])
    .where('consultation_id', '=', id)
    .where('status', '=', 'sealed')
    .execute();
  const sealedBy = new Map(sealed.map((r) => [r.unit_id, r]));
  const now = clock.now();
  return {
    ...c,
    status: consultationStatus(c, now),
    acceptingReplies: acceptsReplies(c),
    recipients: recipients.map((u) => {
      const reply = sealedBy.get(u.id);
      return {
        unitId: u.id,
        unitCode: u.code,
        unitName: u.short_name,
        status: recipientStatus(c.deadline, reply ? { noOpinion: reply.no_opinion === 1, sealedAt: reply.sealed_at! } : null, now),
        replyId: reply?.id ?? null,
        sealedAt: reply?.sealed_at ?? null,
      };
    }),
  };
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
