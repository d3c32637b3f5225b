import { renderNotice } from '../../domain/notice-catalogue.js';
import type { NoticeCode, NoticeLocale, NoticeParams } from '../../domain/notice-catalogue.js';
import type { ServiceContext, Tx } from './context.js';
import { nowIso } from './context.js';

export interface Notice {
  code: NoticeCode;
  params: NoticeParams;
}

/**
 * Leaves a notice in each unit's inbox, in the caller's transaction, stored as a code with
 * its parameters (and the Chinese text, for older readers of the table). Returns the e-mail
 * to send after commit — to the unit's reporters and signatories who have an address, each
 * in their own saved language — so that a slow or failing mail server never holds or rolls
 * back the change itself.
 */
export async function notifyUnits(
  trx: Tx,
  ctx: ServiceContext,
  unitIds: number[],
  consultationId: number | null,
  notice: Notice,
  /** Who of each unit gets the e-mail: by default its reporters and signatories. */
  roles: readonly string[] = ['reporter', 'signatory'],
): Promise<() => Promise<number>> {
  if (unitIds.length === 0) return async () => 0;
  const emailed = ctx.mailer ? 1 : 0;
  await trx
    .insertInto('notifications')
    .values(
      unitIds.map((unitId) => ({
        unit_id: unitId,
        consultation_id: consultationId,
        kind: notice.code,
        code: notice.code,
        params: JSON.stringify(notice.params),
        message: renderNotice(notice.code, notice.params, 'zh-CN').message,
        emailed,
        created_at: nowIso(ctx),
      })),
    )
    .execute();
  const mailer = ctx.mailer;
  if (!mailer) return async () => 0;
  const users = await trx
    .selectFrom('users')
    .select(['email', 'unit_id', 'locale'])
    .where('unit_id', 'in', unitIds)
    .where('role', 'in', [...roles])
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .execute();
  // One message per unit and language, so each reader gets it in the language they chose.
  const batches = new Map<string, { locale: NoticeLocale; to: string[] }>();
  for (const u of users) {
    const locale: NoticeLocale = u.locale === 'en' ? 'en' : 'zh-CN';
    const key = `${u.unit_id}:${locale}`;
    const batch = batches.get(key) ?? { locale, to: [] };
    batch.to.push(u.email!);
    batches.set(key, batch);
  }
  return async () => {
    let sent = 0;
    for (const { locale, to } of batches.values()) {
      const text = renderNotice(notice.code, notice.params, locale);
      try {
        await mailer.send({ to, subject: text.subject, text: text.message });
        sent += 1;
      } catch (error) {
        ctx.log.warn({ err: error, to }, 'notice e-mail failed; the in-app notice stands');
      }
    }
    return sent;
  };
}
