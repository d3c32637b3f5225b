import { AppError } from './errors.js';
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
  | 'audit.read'
  | 'audit.verify'
  | 'plan.read'
  | 'plan.import'
  | 'plan.edit'
  | 'database.backup'
  | 'demo.load';

/** What an action concerns: the unit whose data it reads or changes, or the user. */
export interface Resource {
  unitId?: number;
  userId?: number;
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
      return role === 'admin' || role === 'office';
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
    throw new AppError('forbidden', {
      zh: '无权执行此操作',
      en: 'You are not allowed to do this',
    }, { action });
  }
}
