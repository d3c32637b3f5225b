import type { ServiceContext, Tx } from './context.js';
import { nowIso } from './context.js';

export interface Notice {
  kind: string;
  subject: string;
  message: string;
}

/**
 * Leaves a notice in each unit's inbox, in the caller's transaction. Returns the e-mail to
 * send after commit (to the unit's reporters and signatories who have an address), so that
 * a slow or failing mail server never holds or rolls back the change itself.
 */
export async function notifyUnits(
  trx: Tx,
  ctx: ServiceContext,
  unitIds: number[],
  consultationId: number | null,
  notice: Notice,
): Promise<() => Promise<number>> {
  if (unitIds.length === 0) return async () => 0;
  const emailed = ctx.mailer ? 1 : 0;
  await trx
    .insertInto('notifications')
    .values(
      unitIds.map((unitId) => ({
        unit_id: unitId,
        consultation_id: consultationId,
        kind: notice.kind,
        message: notice.message,
        emailed,
        created_at: nowIso(ctx),
      })),
    )
    .execute();
  const mailer = ctx.mailer;
  if (!mailer) return async () => 0;
  const users = await trx
    .selectFrom('users')
    .select(['email', 'unit_id'])
    .where('unit_id', 'in', unitIds)
    .where('role', 'in', ['reporter', 'signatory'])
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .execute();
  const byUnit = new Map<number, string[]>();
  for (const u of users) byUnit.set(u.unit_id, [...(byUnit.get(u.unit_id) ?? []), u.email!]);
  return async () => {
    let sent = 0;
    for (const to of byUnit.values()) {
      try {
        await mailer.send({ to, subject: notice.subject, text: notice.message });
        sent += 1;
      } catch (error) {
        ctx.log.warn({ err: error, to }, 'reminder e-mail failed; the in-app notice stands');
      }
    }
    return sent;
  };
}
