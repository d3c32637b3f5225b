import { z } from 'zod';
import { isoDateOrInstant } from '../domain/iso-date.js';

export const auditEvent = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actorLogin: z.string(),
  /** The person's name now (the login for the system, the CLI or a removed account). */
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  digest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  detail: z.unknown(),
  /** The object's name (a unit's, an account's, a plan's or a task's title …) where it has one. */
  entityName: z.string().nullable(),
  /** Names for ids in the detail, by key (`unitId` → 省公安厅). */
  names: z.record(z.string(), z.string()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = z.object({
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  from: isoDateOrInstant.optional(),
  to: isoDateOrInstant.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const auditPage = z.strictObject({ events: z.array(auditEvent), total: z.number().int() });
export type AuditPage = z.infer<typeof auditPage>;

export const auditVerification = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).loose().nullable(),
  /** Events under a key (HMAC-SM3) and events from before keys, still only hash-chained. */
  keyed: z.number().int(),
  legacy: z.number().int(),
  /** The first keyed event's sequence number. */
  keyedFromSeq: z.number().int(),
  keyIds: z.array(z.string()),
  /** Every opinion decision compared with what the audit trail recorded for it. */
  decisions: z.strictObject({
    checked: z.number().int(),
    mismatches: z.array(z.strictObject({ opinionId: z.number().int(), reason: z.enum(['unaudited', 'changed', 'cleared']) })),
  }),
});
export type AuditVerification = z.infer<typeof auditVerification>;
