import { fail } from './errors.js';
import type { Role } from './roles.js';

/**
 * Who is acting. The CLI acts as the system (the person at the server's shell already
 * holds the database); HTTP requests act as the logged-in user.
 */
export type Actor =
  | { kind: 'user'; userId: number; login: string; unitId: number; role: Role }
  | { kind: 'system'; login: string }
  | { kind: 'anonymous'; login: 'anonymous' };

export const ANONYMOUS: Actor = { kind: 'anonymous', login: 'anonymous' };

export const SYSTEM_ACTOR: Actor = { kind: 'system', login: 'system' };
export const CLI_ACTOR: Actor = { kind: 'system', login: 'cli' };

export type Action =
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'unit.import'
  | 'unit.export'
  | 'unit.users.read'
  | 'user.list'
  | 'user.create'
  | 'user.update'
  | 'user.password.set'
  | 'user.totp.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'plan.read'
  | 'plan.import'
  | 'plan.edit'
  | 'consultation.manage'
  | 'consultation.read'
  | 'reply.draft'
  | 'reply.read'
  | 'reply.seal'
  | 'reply.withdraw'
  | 'unit.keys.manage'
  | 'database.backup'
  | 'demo.load';

/** What an action concerns: the unit whose data it reads or changes, or the user. */
export interface Resource {
  unitId?: number;
  userId?: number;
  /** For replies: sealed (or withdrawn after sealing) rather than a private draft. */
  sealed?: boolean;
}

/** Decides whether the actor may do the action. Every use case asks this, and only this. */
export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  const { role } = actor;
  switch (action) {
    case 'unit.read':
      // The registry is public within the system: every unit must be able to name others.
      return true;
    case 'plan.read':
      // A plan (and its draft for comment) is circulated to the member units by design.
      return true;
    case 'plan.import':
    case 'plan.edit':
    case 'consultation.manage':
      return role === 'admin' || role === 'office';
    case 'consultation.read':
      // The office runs it; a recipient unit sees the consultation sent to it.
      return role === 'admin' || role === 'office' || (resource.unitId !== undefined && resource.unitId === actor.unitId);
    case 'reply.draft':
      // Reporters draft for their own unit; a signatory may fix a draft before signing it.
      return (role === 'reporter' || role === 'signatory') && resource.unitId === actor.unitId;
    case 'reply.read':
      // Drafts are private to the unit; the office sees a reply once it is sealed.
      return resource.unitId === actor.unitId || (resource.sealed === true && (role === 'admin' || role === 'office'));
    case 'reply.seal':
    case 'reply.withdraw':
      // Only the unit's 签发人 signs for it, and only the signer may take a signed reply back.
      return role === 'signatory' && resource.unitId === actor.unitId;
    case 'unit.keys.manage':
      return role === 'admin';
    case 'unit.create':
    case 'unit.update':
    case 'unit.import':
    case 'user.list':
    case 'user.create':
    case 'user.update':
    case 'audit.read':
    case 'audit.verify':
    case 'database.backup':
    case 'demo.load':
      return role === 'admin';
    case 'unit.export':
      return role === 'admin' || role === 'office';
    case 'unit.users.read':
      // A unit's accounts are its own business; the office needs them to run plans.
      return role === 'admin' || role === 'office' || (resource.unitId !== undefined && resource.unitId === actor.unitId);
    case 'user.totp.manage':
      // A second factor guards the accounts that can change everyone's data.
      return role === 'admin' || role === 'office';
    case 'user.password.set':
      return role === 'admin' || (resource.userId !== undefined && resource.userId === actor.userId);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  if (!can(actor, action, resource)) {
    throw fail('forbidden', {}, { action });
  }
}
