import { fail } from './errors.js';
import type { Role } from './roles.js';

/**
 * Who is acting. The CLI acts as the system (the person at the server's shell already
 * holds the database); HTTP requests act as the logged-in user.
 */
export type Actor =
  | {
      kind: 'user';
      userId: number;
      login: string;
      unitId: number;
      role: Role;
      /**
       * For an office of a 市州 or 县市区 (the role `office` on a unit inside a local
       * government): that government's unit id, whose subtree is its jurisdiction. Absent for
       * the provincial office, admins and everyone else (see `officeJurisdiction`).
       */
      officeOf?: number;
    }
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
  | 'plan.review'
  | 'consultation.manage'
  | 'consultation.read'
  | 'reply.draft'
  | 'reply.read'
  | 'reply.seal'
  | 'reply.submit'
  | 'reply.return'
  | 'reply.withdraw'
  | 'unit.keys.manage'
  | 'database.backup'
  | 'demo.load'
  | 'register.read'
  | 'register.define'
  | 'register.import'
  | 'register.row.write'
  | 'register.evaluate'
  | 'register.publish'
  | 'progress.publish'
  | 'indicator.read'
  | 'indicator.manage'
  | 'task.read'
  | 'task.manage'
  | 'task.acknowledge'
  | 'round.manage'
  | 'round.read'
  | 'report.draft'
  | 'report.read'
  | 'report.submit'
  | 'report.review'
  | 'notice.manage'
  | 'notice.read'
  | 'notice.answer'
  | 'indicator.allocate';

/** What an action concerns: the unit whose data it reads or changes, or the user. */
export interface Resource {
  unitId?: number;
  userId?: number;
  /** For replies and reports: sealed (submitted) rather than a private draft. */
  sealed?: boolean;
  /** For register rows: the row's region (its 市州 and 县市区 unit ids). */
  regionIds?: readonly (number | null)[];
  /**
   * The unit whose office has jurisdiction over the resource and its ancestors, nearest
   * first (from `unitPath`): the plan's or local measure's owner for managing, the reporting
   * unit for reading reports. An office acts on it only inside its jurisdiction.
   */
  scopePath?: readonly number[];
  /** For reports: the lead unit of the task, which reads its cooperating units' sealed reports. */
  leadUnitId?: number;
}

/** The unit tree as the policy needs it: parents and kinds. */
export interface UnitNode {
  parentId: number | null;
  kind: string;
}
export type UnitTree = ReadonlyMap<number, UnitNode>;

const LOCAL_GOVERNMENTS = new Set(['prefecture', 'county']);

/** The unit and its ancestors, nearest first (cycles in bad data stop the walk). */
export function unitPath(unitId: number, tree: UnitTree): number[] {
  const path: number[] = [];
  let current: number | null = unitId;
  while (current !== null && !path.includes(current)) {
    path.push(current);
    current = tree.get(current)?.parentId ?? null;
  }
  return path;
}

/**
 * The jurisdiction of an office placed on a unit: the nearest 市州 or 县市区 government at or
 * above it, or undefined for the provincial level (the leading-group office, the province,
 * departments), whose office governs the whole registry.
 */
export function officeJurisdiction(unitId: number, tree: UnitTree): number | undefined {
  return unitPath(unitId, tree).find((id) => LOCAL_GOVERNMENTS.has(tree.get(id)?.kind ?? ''));
}

/** Whether an office-role actor governs a resource whose scope path is given. */
function governs(actor: Extract<Actor, { kind: 'user' }>, scopePath: readonly number[] | undefined): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'office') return false;
  if (actor.officeOf === undefined) return true;
  return scopePath !== undefined && scopePath.includes(actor.officeOf);
}

/** The administrator or the provincial office (an office with no 市州 or 县市区 above it). */
export function provincialOffice(actor: Extract<Actor, { kind: 'user' }>): boolean {
  return actor.role === 'admin' || (actor.role === 'office' && actor.officeOf === undefined);
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
      // The provincial plans and their consultations: not a 市州's office.
      return provincialOffice(actor);
    case 'progress.publish':
      // What the public reads of the provincial plans' progress: the provincial office decides.
      return provincialOffice(actor);
    case 'plan.review':
      // Finishing the review (parser warnings checked, lost quotes resolved) is part of
      // correcting the plan: whoever may correct it, and nobody the opinions are not shown to.
      return provincialOffice(actor);
    case 'task.read':
    case 'round.read':
      // The ledger of a published plan is circulated like the plan; reports are not (report.read).
      return true;
    case 'task.manage':
    case 'round.manage':
    case 'notice.manage':
    case 'report.review':
    case 'indicator.allocate':
      // 市州负总责: an office runs what is inside its jurisdiction — the province everything,
      // a 市州 its local measures and its 县市区. Units never review or close their own work.
      return governs(actor, resource.scopePath);
    case 'task.acknowledge':
    case 'report.draft':
      // Reporters write for their own unit; a signatory may fix a draft before signing it.
      return (role === 'reporter' || role === 'signatory') && resource.unitId === actor.unitId;
    case 'report.submit':
    case 'notice.answer':
      // Only the unit's 签发人 signs for it.
      return role === 'signatory' && resource.unitId === actor.unitId;
    case 'report.read':
      // Drafts are private to the unit; once sealed, the governing office and the task's
      // lead unit (which weighs its cooperating units' reports before its own) see it.
      if (resource.unitId === actor.unitId) return true;
      if (resource.sealed !== true) return false;
      return governs(actor, resource.scopePath) || (resource.leadUnitId !== undefined && resource.leadUnitId === actor.unitId);
    case 'notice.read':
      return resource.unitId === actor.unitId || governs(actor, resource.scopePath);
    case 'consultation.read':
      // The provincial office runs it; a recipient unit (a 市州 among them) sees the one sent to it.
      return provincialOffice(actor) || (resource.unitId !== undefined && resource.unitId === actor.unitId);
    case 'reply.draft':
      // Reporters draft for their own unit; a signatory may fix a draft before signing it.
      return (role === 'reporter' || role === 'signatory') && resource.unitId === actor.unitId;
    case 'reply.read':
      // Drafts are private to the unit; the office sees a reply once it is sealed.
      return resource.unitId === actor.unitId || (resource.sealed === true && provincialOffice(actor));
    case 'reply.submit':
      // 提交签发: the unit's reporter hands its draft to the unit's signatory.
      return role === 'reporter' && resource.unitId === actor.unitId;
    case 'reply.seal':
    case 'reply.return':
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
    case 'register.read':
    case 'indicator.read':
      // Registers and statistics are shared working data across the government.
      return true;
    case 'register.define':
    case 'register.evaluate':
    case 'register.publish':
    case 'indicator.manage':
      // Schemas, the annual evaluation, publication and the statistics are the province's:
      // not a 市州's or 县市区's office (which keeps the rows of its own region below).
      return provincialOffice(actor);
    case 'register.import':
      // Anyone who may write some rows may send a file; each row is then checked on its own.
      return role === 'admin' || role === 'office' || role === 'reporter' || role === 'signatory';
    case 'register.row.write':
      // 市州 keep the rows of their region, 县市区 their own rows; the provincial office keeps
      // them all, a 市州's office those of its 市州 and its 县市区, a 县市区's office its own.
      if (provincialOffice(actor)) return true;
      if (role === 'office') return governs(actor, (resource.regionIds ?? []).filter((id): id is number => id !== null));
      return (role === 'reporter' || role === 'signatory') && (resource.regionIds ?? []).includes(actor.unitId);
    case 'user.password.set':
      return role === 'admin' || (resource.userId !== undefined && resource.userId === actor.userId);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * The region a user's register rights are tied to, as a row's region ids would name it: the
 * jurisdiction of a 市州's or 县市区's office, the unit of a reporter or signatory; undefined
 * for the provincial office and admins (all rows) and for roles that keep no rows.
 */
export function ownRegion(actor: Actor): number | undefined {
  if (actor.kind !== 'user') return undefined;
  if (actor.role === 'office') return actor.officeOf;
  if (actor.role === 'reporter' || actor.role === 'signatory') return actor.unitId;
  return undefined;
}

export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  if (!can(actor, action, resource)) {
    throw fail('forbidden', {}, { action });
  }
}
