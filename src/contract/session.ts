import { z } from 'zod';
import { allowedOf, locale } from './common.js';
import { user } from './users.js';

/** The areas of the app the signed-in user may use (the navigation shows only these). */
export const sessionAllowed = allowedOf('manageUsers', 'readAudit', 'importPlans', 'manageConsultations', 'exportUnits', 'manageUnits', 'defineRegisters', 'manageIndicators');
export type SessionAllowed = z.infer<typeof sessionAllowed>;

export const session = z.strictObject({
  user,
  csrfToken: z.string(),
  expiresAt: z.string(),
  allowed: sessionAllowed,
  /** Every write but changing the password answers 403 `password_change_required` until it is changed. */
  mustChangePassword: z.boolean(),
});
export type Session = z.infer<typeof session>;

/**
 * The session if there is one, else null, always with 200: for a page that must know whether
 * anyone is signed in (the web app's first load) without a 401 in the browser's console.
 * GET /api/session keeps answering 401 when nobody is.
 */
export const currentSession = z.strictObject({ session: session.nullable() });
export type CurrentSession = z.infer<typeof currentSession>;
export type SessionUser = Session['user'];

export const logInInput = z.object({
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The second factor, for accounts that enrolled one (RFC 6238, six digits). */
  totpCode: z.string().max(10).optional(),
});
export const preferences = z.strictObject({ locale });
export const passwordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) });
