import { describe, expect, it } from 'vitest';
import type { AppError } from '../domain/errors.js';
import { checkNewPassword } from './password-rules.js';

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('password rules', () => {
  const rules = { minLength: 10, login: 'hn-gat.reporter', demoPasswords: ['demo-secret-xyz', null] };
  it('refuses short passwords', () => {
    expect(codeOf(() => checkNewPassword('short-1', rules))).toBe('password_too_short');
  });
  it('refuses common, demo and login-equal passwords, in any case', () => {
    expect(codeOf(() => checkNewPassword('Password123', rules))).toBe('password_too_common');
    expect(codeOf(() => checkNewPassword('QWERTYUIOP', rules))).toBe('password_too_common');
    expect(codeOf(() => checkNewPassword('demo-secret-xyz', rules))).toBe('password_too_common');
    expect(codeOf(() => checkNewPassword('HN-GAT.reporter', rules))).toBe('password_too_common');
    expect(codeOf(() => checkNewPassword('aaaaaaaaaaaa', rules))).toBe('password_too_common');
  });
  it('accepts a long, uncommon password', () => {
    expect(codeOf(() => checkNewPassword('湘江北去-橘子洲头-2026', rules))).toBeNull();
  });
});
