/**
 * The contract's closed lists, without zod, so the web bundle can use them at run time
 * (the schemas beside them are imported by the web app as types only).
 */
export { ROLES } from '../domain/roles.js';
export { UNIT_KINDS } from '../domain/unit.js';
export { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/audit-actions.js';
export type { AuditAction, AuditEntity } from '../domain/audit-actions.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const RESPONSIBLE_ROLES = ['lead', 'cooperate', 'localities'] as const;
export const COMPARATORS = ['=', '>=', '<=', '≈', 'range'] as const;
export const FACT_KINDS = ['responsible', 'target'] as const;
export const INLINE_OPS = ['equal', 'insert', 'delete'] as const;
export const CHANGE_KINDS = ['equal', 'insert', 'delete', 'modify'] as const;

export const RECIPIENT_STATUSES = ['replied', 'no_opinion', 'late', 'pending', 'not_replied'] as const;
export const DISPOSITIONS = ['adopted', 'partly_adopted', 'rejected'] as const;
export const OPINION_STATES = ['undecided', 'decided', ...DISPOSITIONS] as const;
export const SEAL_ALGORITHMS = ['ed25519', 'sm2'] as const;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The light thresholds a plan has until its office changes them (the web app shows them in words). */
export { DEFAULT_LIGHT_RULES } from '../domain/lights.js';
