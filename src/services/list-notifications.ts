import { isNoticeCode, renderNotice } from '../domain/notice-catalogue.js';
import type { NoticeCode, NoticeLocale, NoticeParams } from '../domain/notice-catalogue.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';

export interface NotificationView {
  id: number;
  consultationId: number | null;
  kind: string;
  /** What the notice says, for the reader's language to render; null on rows from before codes were kept. */
  code: NoticeCode | null;
  params: NoticeParams;
  /** The text in the reader's language (as stored, for old rows). */
  message: string;
  createdAt: string;
  read: boolean;
}

/** The signed-in user's unit inbox, newest first, rendered in `locale` where a code is stored. */
export async function listNotifications(
  ctx: ServiceContext,
  options: { unreadOnly?: boolean; locale?: NoticeLocale } = {},
): Promise<NotificationView[]> {
  if (ctx.actor.kind !== 'user') return [];
  let query = ctx.db
    .selectFrom('notifications')
    .select(['id', 'consultation_id', 'kind', 'code', 'params', 'message', 'created_at', 'read_at'])
    .where('unit_id', '=', ctx.actor.unitId)
    .orderBy('id', 'desc')
    .limit(200);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => {
    const code = isNoticeCode(r.code) ? r.code : null;
    const params = code && r.params ? (JSON.parse(r.params) as NoticeParams) : {};
    return {
      id: r.id,
      consultationId: r.consultation_id,
      kind: r.kind,
      code,
      params,
      message: code ? renderNotice(code, params, options.locale ?? 'zh-CN').message : r.message,
      createdAt: r.created_at,
      read: r.read_at !== null,
    };
  });
}

/** Marks notices of the user's own unit read (that a reminder was seen is part of the record). */
export async function markNotificationsRead(ids: number[], ctx: ServiceContext): Promise<number> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || ids.length === 0) return 0;
  return inTransaction(ctx, async (trx) => {
    const result = await trx
      .updateTable('notifications')
      .set({ read_at: nowIso(ctx) })
      .where('unit_id', '=', actor.unitId)
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const marked = Number(result.numUpdatedRows);
    if (marked > 0) {
      await appendAudit(trx, actor, ctx.clock, { action: 'notification.read', entity: 'notification', entityId: null, detail: { ids } });
    }
    return marked;
  });
}
