import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../contract/enums';
import { AUDIT_ACTION_WORDS, AUDIT_ENTITY_WORDS, auditAction, auditDetailLines, auditEntity } from './audit-words';

const HAN = /[\u4e00-\u9fff]/;

/** The server's sources as text (Vite reads them for the test): where the audit codes are written. */
const SOURCES = import.meta.glob<string>(['../**/*.ts', '!../**/*.test.ts', '!./**'], { query: '?raw', import: 'default', eager: true });

/** The `action:` expressions of every appendAudit call in src/ (literals, ternaries, templates). */
function writtenActions(): { literals: string[]; templates: string[] } {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const text of Object.values(SOURCES)) {
    if (!text.includes('appendAudit(')) continue;
    for (const call of text.split('appendAudit(').slice(1)) {
      const action = /\baction:\s*([^,}\n]+)/.exec(call.slice(0, 600));
      if (!action) continue;
      for (const m of action[1]!.matchAll(/'([a-z_.]+)'/g)) literals.add(m[1]!);
      for (const m of action[1]!.matchAll(/`([a-z_.]+)\$\{/g)) templates.add(m[1]!);
    }
  }
  return { literals: [...literals], templates: [...templates] };
}

describe('audit words', () => {
  it('names every action and object code in Chinese and in English', () => {
    for (const code of AUDIT_ACTIONS) {
      const words = AUDIT_ACTION_WORDS[code];
      expect(words?.zh, code).toMatch(HAN);
      expect(words?.en, code).toMatch(/^[A-Z][^\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+$/);
    }
    for (const code of AUDIT_ENTITIES) {
      expect(AUDIT_ENTITY_WORDS[code]?.zh, code).toMatch(HAN);
      expect(AUDIT_ENTITY_WORDS[code]?.en, code).toMatch(/^[A-Z][a-z ’-]+$/i);
    }
    expect(auditAction('unit.create', 'zh-CN')).toBe('创建单位');
    expect(auditAction('reply.seal', 'zh-CN')).toBe('签发意见');
    expect(auditAction('session.login', 'zh-CN')).toBe('登录');
    expect(auditAction('session.login', 'en')).toBe('Signed in');
    expect(auditEntity('unit', 'en')).toBe('Unit');
    // A code from an older version that is no longer listed is shown as it is.
    expect(auditAction('legacy.thing', 'zh-CN')).toBe('legacy.thing');
  });

  it('has every action code the code base writes in its catalogue', () => {
    const { literals, templates } = writtenActions();
    // The scan finds the calls (72 of them when this test was written), not nothing.
    expect(literals.length).toBeGreaterThan(50);
    const known = new Set<string>(AUDIT_ACTIONS);
    expect(literals.filter((code) => !known.has(code))).toEqual([]);
    for (const prefix of templates) expect(AUDIT_ACTIONS.some((code) => code.startsWith(prefix)), prefix).toBe(true);
  });

  it('shows a detail as key: value lines in words, with names for ids and China time', () => {
    const detail = { unitId: 12, algorithm: 'sm2', late: false, sealedAt: '2021-07-16T02:00:00.000Z', opinionIds: [3, 4], changes: { role: 'signatory' } };
    const lines = auditDetailLines(detail, { unitId: '省公安厅' }, 'zh-CN');
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      '单位: 省公安厅',
      '签章算法: SM2',
      '逾期: 否',
      'sealedAt: 2021-07-16 10:00',
      '意见: 3、4',
      '修改内容: 角色: signatory',
    ]);
    expect(lines[0]!.raw).toBe('12');
    expect(auditDetailLines({ late: true }, {}, 'en')).toEqual([{ key: 'late', label: 'Late', value: 'yes' }]);
    expect(auditDetailLines(null, {}, 'en')).toEqual([]);
  });
});
