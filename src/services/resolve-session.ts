import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import { tokenId } from '../security/tokens.js';
import type { Clock } from './support/context.js';
import { officeOfUnit } from './support/unit-tree.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';

export interface ActiveSession {
  id: string;
  csrfToken: string;
  expiresAt: string;
  actor: Actor;
  user: User;
}

/** Writing last_seen_at on every request would be a write per read: once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session behind a cookie token, or null when it is unknown, past its absolute expiry
 * (SESSION_TTL_HOURS from login), idle for longer than `idleMinutes` (SESSION_IDLE_MINUTES),
 * or its user is disabled.
 */
export async function resolveSession(db: Kysely<Database>, clock: Clock, token: string, idleMinutes = Number.POSITIVE_INFINITY): Promise<ActiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const id = tokenId(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.created_at', 'sessions.last_seen_at', 'users.id as user_id', 'users.active', 'users.role'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.active !== 1 || !isRole(row.role)) return null;
  const now = clock.now();
  if (row.expires_at <= now.toISOString()) return null;
  const lastSeen = new Date(row.last_seen_at ?? row.created_at).getTime();
  if (now.getTime() - lastSeen > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const [user] = await loadUsers(db, { ids: [row.user_id] });
  if (!user) return null;
  const officeOf = user.role === 'office' ? await officeOfUnit(db, user.unitId) : undefined;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    actor: { kind: 'user', userId: user.id, login: user.login, unitId: user.unitId, role: user.role, ...(officeOf !== undefined && { officeOf }) },
    user,
  };
}
