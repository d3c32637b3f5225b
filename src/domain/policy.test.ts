import { describe, expect, it } from 'vitest';
import { ANONYMOUS, CLI_ACTOR, authorize, can } from './policy.js';
import type { Actor } from './policy.js';
import type { Role } from './roles.js';

const user = (role: Role, unitId = 7, userId = 70): Actor => ({ kind: 'user', userId, login: `${role}.x`, unitId, role });

describe('policy', () => {
  it('lets every signed-in user read the registry', () => {
    for (const role of ['admin', 'office', 'reporter', 'signatory', 'viewer'] as const) {
      expect(can(user(role), 'unit.read')).toBe(true);
    }
  });

  it("keeps a unit's accounts private to that unit, the office and admins", () => {
    expect(can(user('reporter', 7), 'unit.users.read', { unitId: 7 })).toBe(true);
    expect(can(user('reporter', 7), 'unit.users.read', { unitId: 8 })).toBe(false);
    expect(can(user('signatory', 7), 'unit.users.read', { unitId: 8 })).toBe(false);
    expect(can(user('office', 1), 'unit.users.read', { unitId: 8 })).toBe(true);
    expect(can(user('admin', 1), 'unit.users.read', { unitId: 8 })).toBe(true);
  });

  it('reserves registry changes, accounts and the audit trail to admins', () => {
    for (const action of ['unit.create', 'unit.update', 'unit.import', 'user.create', 'audit.read'] as const) {
      expect(can(user('admin'), action)).toBe(true);
      for (const role of ['office', 'reporter', 'signatory', 'viewer'] as const) {
        expect(can(user(role), action)).toBe(false);
      }
    }
  });

  it('lets a user change only their own password unless admin', () => {
    expect(can(user('viewer', 7, 70), 'user.password.set', { userId: 70 })).toBe(true);
    expect(can(user('viewer', 7, 70), 'user.password.set', { userId: 71 })).toBe(false);
    expect(can(user('admin', 1, 1), 'user.password.set', { userId: 71 })).toBe(true);
  });

  it("keeps a unit's reply drafts private to it and lets only its signatory seal", () => {
    expect(can(user('reporter', 7), 'reply.draft', { unitId: 7 })).toBe(true);
    expect(can(user('reporter', 7), 'reply.draft', { unitId: 8 })).toBe(false);
    expect(can(user('viewer', 7), 'reply.draft', { unitId: 7 })).toBe(false);
    expect(can(user('reporter', 8), 'reply.read', { unitId: 7, sealed: false })).toBe(false);
    expect(can(user('office', 1), 'reply.read', { unitId: 7, sealed: false })).toBe(false);
    expect(can(user('office', 1), 'reply.read', { unitId: 7, sealed: true })).toBe(true);
    expect(can(user('reporter', 7), 'reply.seal', { unitId: 7 })).toBe(false);
    expect(can(user('signatory', 8), 'reply.seal', { unitId: 7 })).toBe(false);
    expect(can(user('signatory', 7), 'reply.seal', { unitId: 7 })).toBe(true);
    expect(can(user('reporter', 7), 'consultation.manage')).toBe(false);
    expect(can(user('office', 1), 'consultation.manage')).toBe(true);
  });

  it('lets the CLI act as the system', () => {
    expect(can(CLI_ACTOR, 'audit.verify')).toBe(true);
  });

  it('lets an anonymous request do nothing', () => {
    expect(can(ANONYMOUS, 'unit.read')).toBe(false);
    expect(can(ANONYMOUS, 'user.password.set', { userId: 1 })).toBe(false);
  });

  it('throws a forbidden AppError', () => {
    expect(() => authorize(user('viewer'), 'audit.read')).toThrowError(expect.objectContaining({ code: 'forbidden' }));
  });
});
