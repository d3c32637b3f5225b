import { authorize } from '../domain/policy.js';
import { appendAuditKey, installKeyring, keyring, loadKeyring } from '../security/keyring.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';

/**
 * Rotates the audit key: a new random key is appended to the key file (outside the
 * database), this process switches to it, and the rotation itself is the first event the
 * new key signs ({from, to} key ids). Other running servers keep the old key until they
 * restart; every key stays in the file, so old events keep verifying.
 */
export async function rotateAuditKey(ctx: ServiceContext): Promise<{ from: string; to: string }> {
  authorize(ctx.actor, 'audit.verify');
  const from = keyring().audit.current.id;
  const added = appendAuditKey(ctx.config.auditKeyFile);
  installKeyring(loadKeyring(ctx.config));
  await inTransaction(ctx, (trx) =>
    appendAudit(trx, ctx.actor, ctx.clock, { action: 'audit.key_rotated', entity: 'audit_key', entityId: added.id, detail: { from, to: added.id } }),
  );
  return { from, to: added.id };
}
