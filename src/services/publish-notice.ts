import { isUniqueViolation } from '../db/errors.js';
import { sm3 } from '../model/sm3.js';
import { acceptsReplies } from '../domain/consultation.js';
import type { Disposition } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { dispositionLabel } from '../office/consultation-text.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { clauseLabeller, loadVersionById } from './support/plan-rows.js';

export interface PublicNotice {
  consultationId: number;
  planTitle: string;
  title: string;
  deadline: string;
  publishedAt: string;
  /** Which publication this is (1, 2, …): a change after publishing is a new publication. */
  publication: number;
  /** Every publication so far, oldest first. */
  publications: { number: number; publishedAt: string }[];
  consulted: number;
  opinions: { item: string; unit: string; content: string; disposition: string; reason: string | null }[];
}

/**
 * The facts of a notice as they stood when it was published. Labels (clause numbers,
 * disposition words) are derived when read, from the consulted version, which never changes.
 */
interface NoticeSnapshot {
  planTitle: string;
  title: string;
  deadline: string;
  consulted: number;
  opinions: { itemOrdinal: number; unit: string; content: string; disposition: string | null; reason: string | null }[];
}

type Db = Tx | ServiceContext['db'];

async function takeSnapshot(db: Db, consultationId: number, c: { planTitle: string; title: string; deadline: string }): Promise<NoticeSnapshot> {
  const rows = await db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .select(['opinions.item_ordinal', 'units.short_name', 'opinions.content', 'opinions.disposition', 'opinions.decision_reason'])
    .where('replies.consultation_id', '=', consultationId)
    .where('replies.status', '=', 'sealed')
    .orderBy('opinions.item_ordinal')
    .orderBy('units.sort_order')
    .orderBy('opinions.position')
    .orderBy('opinions.id')
    .execute();
  const consulted = await db
    .selectFrom('consultation_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  return {
    planTitle: c.planTitle,
    title: c.title,
    deadline: c.deadline,
    consulted: Number(consulted.n),
    opinions: rows.map((r) => ({ itemOrdinal: r.item_ordinal, unit: r.short_name, content: r.content, disposition: r.disposition, reason: r.decision_reason })),
  };
}

async function latestPublication(db: Db, consultationId: number) {
  return db
    .selectFrom('notice_publications')
    .select(['number', 'published_at', 'snapshot'])
    .where('consultation_id', '=', consultationId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
}

/**
 * Publishes the adoption notice (意见采纳情况): opinions and decisions, without internal
 * notes. Only a closed consultation whose opinions are all decided can be published. What
 * is published is stored as it stands, so later decisions never change the public page; a
 * change needs a new publication (number 2, 3, …), and every one stays listed. Publishing
 * again with nothing changed returns the current publication.
 */
export async function publishNotice(consultationId: number, ctx: ServiceContext): Promise<{ publishedAt: string; publication: number }> {
  authorize(ctx.actor, 'consultation.manage');
  await loadConsultation(ctx.db, consultationId);
  const publish = () =>
    inTransaction(ctx, async (trx) => {
      const c = await loadConsultation(trx, consultationId);
      if (acceptsReplies(c)) throw fail('consultation_open');
      const undecided = await trx
        .selectFrom('opinions')
        .innerJoin('replies', 'replies.id', 'opinions.reply_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('replies.consultation_id', '=', consultationId)
        .where('replies.status', '=', 'sealed')
        .where('opinions.disposition', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(undecided.n) > 0) throw fail('opinions_undecided', { count: Number(undecided.n) });
      const snapshot = JSON.stringify(await takeSnapshot(trx, consultationId, c));
      const latest = await latestPublication(trx, consultationId);
      if (latest && latest.snapshot === snapshot) return { publishedAt: latest.published_at, publication: latest.number };
      const number = (latest?.number ?? 0) + 1;
      const at = nowIso(ctx);
      await trx
        .insertInto('notice_publications')
        .values({
          consultation_id: consultationId,
          number,
          published_at: at,
          published_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          snapshot,
        })
        .execute();
      await trx.updateTable('consultations').set({ published_at: at, updated_at: at }).where('id', '=', consultationId).execute();
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'consultation.publish',
        entity: 'consultation',
        entityId: consultationId,
        detail: { publication: number, publishedAt: at, digest: sm3(snapshot) },
      });
      return { publishedAt: at, publication: number };
    });
  try {
    return await publish();
  } catch (error) {
    if (!isUniqueViolation(error, 'notice_publications')) throw error;
    // Published at the same moment by someone else: the same notice is simply the answer.
    const result = await publish().catch((again: unknown) => {
      throw isUniqueViolation(again, 'notice_publications') ? fail('notice_publish_conflict') : again;
    });
    return result;
  }
}

/** The latest published notice, readable without an account; 404 until it is published. */
export async function getPublicNotice(consultationId: number, ctx: ServiceContext): Promise<PublicNotice> {
  const c = await loadConsultation(ctx.db, consultationId);
  const publications = await ctx.db
    .selectFrom('notice_publications')
    .select(['number', 'published_at', 'snapshot'])
    .where('consultation_id', '=', consultationId)
    .orderBy('number')
    .execute();
  const latest = publications.at(-1);
  if (!latest) throw fail('notice_not_published');
  const snapshot = JSON.parse(latest.snapshot) as NoticeSnapshot;
  const version = await loadVersionById(ctx.db, c.versionId);
  const clauseOf = clauseLabeller(version.parsed);
  return {
    consultationId,
    planTitle: snapshot.planTitle,
    title: snapshot.title,
    deadline: snapshot.deadline,
    publishedAt: latest.published_at,
    publication: latest.number,
    publications: publications.map((p) => ({ number: p.number, publishedAt: p.published_at })),
    consulted: snapshot.consulted,
    opinions: snapshot.opinions.map((o) => ({
      item: clauseOf(o.itemOrdinal),
      unit: o.unit,
      content: o.content,
      disposition: dispositionLabel(o.disposition as Disposition | null),
      reason: o.reason,
    })),
  };
}
