import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('正确的密码 correct horse', 1024);
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('正确的密码 correct horse', stored)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', stored)).toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    const a = await hashPassword('same-password', 1024);
    const b = await hashPassword('same-password', 1024);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-password', b)).toBe(true);
  });

  it('keeps verifying hashes made with another cost', async () => {
    const stored = await hashPassword('cost-change', 2048);
    expect(await verifyPassword('cost-change', stored)).toBe(true);
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$a$b', 'bcrypt$1$2$3$4$5']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('generates readable random passwords', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(generatePassword()).not.toBe(p);
  });
});
