import { describe, expect, it } from 'vitest';
import { ANONYMOUS, CLI_ACTOR, authorize, can, officeJurisdiction, ownRegion, unitPath } from './policy.js';
import type { Actor, UnitTree } from './policy.js';
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

  it("keeps register schemas, evaluation, publication and statistics to the provincial office; a 市州's office writes its region's rows", () => {
    const province: Actor = { kind: 'user', userId: 1, login: 'office', unitId: 2, role: 'office' };
    // 长沙市 (100) with 芙蓉区 (101); 岳阳市 (200) with 岳阳楼区 (201)
    const changsha: Actor = { kind: 'user', userId: 3, login: '430100.office', unitId: 150, role: 'office', officeOf: 100 };
    const furong: Actor = { kind: 'user', userId: 4, login: '430102.office', unitId: 160, role: 'office', officeOf: 101 };
    for (const action of ['register.define', 'register.evaluate', 'register.publish', 'indicator.manage'] as const) {
      expect(can(province, action)).toBe(true);
      expect(can(user('admin'), action)).toBe(true);
      expect(can(changsha, action)).toBe(false);
      expect(can(furong, action)).toBe(false);
    }
    expect(can(province, 'register.row.write', { regionIds: [200, 201] })).toBe(true);
    expect(can(changsha, 'register.row.write', { regionIds: [100, 101] })).toBe(true);
    expect(can(changsha, 'register.row.write', { regionIds: [100, null] })).toBe(true);
    expect(can(changsha, 'register.row.write', { regionIds: [200, 201] })).toBe(false);
    expect(can(changsha, 'register.row.write', { regionIds: [null, null] })).toBe(false);
    expect(can(furong, 'register.row.write', { regionIds: [100, 101] })).toBe(true);
    expect(can(furong, 'register.row.write', { regionIds: [100, null] })).toBe(false);
    expect(ownRegion(changsha)).toBe(100);
    expect(ownRegion(province)).toBeUndefined();
    expect(ownRegion(user('reporter', 201))).toBe(201);
    expect(ownRegion(user('viewer', 201))).toBeUndefined();
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

describe('jurisdiction (市州负总责、县区抓落实)', () => {
  // 1 province; 2 the leading-group office (under a department 3); 10 长沙市 with 11 芙蓉区; 20 株洲市 with 21.
  const tree: UnitTree = new Map([
    [1, { parentId: null, kind: 'province' }],
    [3, { parentId: 1, kind: 'department' }],
    [2, { parentId: 3, kind: 'office' }],
    [10, { parentId: 1, kind: 'prefecture' }],
    [11, { parentId: 10, kind: 'county' }],
    [20, { parentId: 1, kind: 'prefecture' }],
    [21, { parentId: 20, kind: 'county' }],
  ]);
  const provincial = user('office', 2);
  const changsha: Actor = { ...(user('office', 10) as Extract<Actor, { kind: 'user' }>), officeOf: officeJurisdiction(10, tree)! };

  it('places an office in the nearest local government above it, or at the provincial level', () => {
    expect(officeJurisdiction(2, tree)).toBeUndefined();
    expect(officeJurisdiction(10, tree)).toBe(10);
    expect(officeJurisdiction(11, tree)).toBe(11);
    expect(unitPath(11, tree)).toEqual([11, 10, 1]);
  });

  it('lets the provincial office run everything and a 市州 office only its own subtree', () => {
    for (const action of ['task.manage', 'round.manage', 'report.review', 'notice.manage', 'indicator.allocate'] as const) {
      expect(can(provincial, action, { scopePath: unitPath(2, tree) })).toBe(true);
      expect(can(provincial, action, { scopePath: unitPath(21, tree) })).toBe(true);
      expect(can(changsha, action, { scopePath: unitPath(10, tree) })).toBe(true);
      expect(can(changsha, action, { scopePath: unitPath(11, tree) })).toBe(true);
      expect(can(changsha, action, { scopePath: unitPath(21, tree) })).toBe(false);
      expect(can(changsha, action, { scopePath: unitPath(2, tree) })).toBe(false);
      expect(can(user('signatory', 10), action, { scopePath: unitPath(10, tree) })).toBe(false);
    }
  });

  it('keeps the provincial plans and consultations to the provincial office', () => {
    expect(can(provincial, 'consultation.manage')).toBe(true);
    expect(can(changsha, 'consultation.manage')).toBe(false);
    expect(can(changsha, 'plan.import')).toBe(false);
    // Nor does a 市州 office read a provincial consultation or other units' sealed replies,
    // unless its own unit is a recipient (authorisation matrix: the redline and reply leaks).
    expect(can(provincial, 'consultation.read', {})).toBe(true);
    expect(can(changsha, 'consultation.read', {})).toBe(false);
    expect(can(changsha, 'consultation.read', { unitId: 10 })).toBe(true);
    expect(can(provincial, 'reply.read', { unitId: 3, sealed: true })).toBe(true);
    expect(can(changsha, 'reply.read', { unitId: 3, sealed: true })).toBe(false);
    expect(can(changsha, 'reply.read', { unitId: 10, sealed: false })).toBe(true);
  });

  it("keeps a unit's report drafts private; sealed ones go to the governing office and the lead unit", () => {
    expect(can(user('reporter', 11), 'report.read', { unitId: 11, sealed: false })).toBe(true);
    expect(can(provincial, 'report.read', { unitId: 11, sealed: false, scopePath: unitPath(11, tree) })).toBe(false);
    expect(can(changsha, 'report.read', { unitId: 11, sealed: true, scopePath: unitPath(11, tree) })).toBe(true);
    expect(can(changsha, 'report.read', { unitId: 21, sealed: true, scopePath: unitPath(21, tree) })).toBe(false);
    expect(can(user('reporter', 3), 'report.read', { unitId: 21, sealed: true, scopePath: unitPath(21, tree), leadUnitId: 3 })).toBe(true);
    expect(can(user('reporter', 3), 'report.read', { unitId: 21, sealed: false, scopePath: unitPath(21, tree), leadUnitId: 3 })).toBe(false);
  });

  it('lets reporters draft and only the signatory submit or answer, for their own unit', () => {
    expect(can(user('reporter', 11), 'report.draft', { unitId: 11 })).toBe(true);
    expect(can(user('reporter', 11), 'report.submit', { unitId: 11 })).toBe(false);
    expect(can(user('signatory', 11), 'report.submit', { unitId: 11 })).toBe(true);
    expect(can(user('signatory', 11), 'report.submit', { unitId: 21 })).toBe(false);
    expect(can(user('signatory', 11), 'notice.answer', { unitId: 11 })).toBe(true);
    expect(can(user('office', 11), 'report.draft', { unitId: 11 })).toBe(false);
  });
});
