import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { clearKeyBoxCache, decryptPrivateKey, encryptPrivateKey, keyBoxStats } from './key-box.js';

const SECRET = 'test-secret-不要在生产环境使用-0123456789';
const KEY = 'PKCS#8 PEM or SM2 hex would go here: 私钥 7f3a…';

function expectUnreadable(fn: () => unknown, reason?: string): AppError {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect(err.code).toBe('internal');
  expect(err.messages.zh).toContain('无法解密');
  expect(err.message).not.toContain(SECRET);
  if (reason) expect(err.details).toEqual({ reason });
  return err;
}

/** Decodes the box's byte parts, lets `mutate` change them, encodes them again. */
function rebox(box: string, mutate: (parts: Buffer[]) => void): string {
  const [version, ...rest] = box.split('$');
  const parts = rest.map((p) => Buffer.from(p, 'base64url'));
  mutate(parts);
  return [version, ...parts.map((p) => p.toString('base64url'))].join('$');
}

describe('key box', () => {
  it('round-trips a private key and describes itself', () => {
    const box = encryptPrivateKey(KEY, SECRET);
    expect(box).toMatch(/^v1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{16}\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]+$/);
    expect(box).not.toContain('PKCS');
    expect(decryptPrivateKey(box, SECRET)).toBe(KEY);
  });

  it('uses a new salt and iv for every box', () => {
    const a = encryptPrivateKey('abc', SECRET);
    const b = encryptPrivateKey('abc', SECRET);
    expect(a.split('$')[1]).not.toBe(b.split('$')[1]);
    expect(a.split('$')[2]).not.toBe(b.split('$')[2]);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('refuses a wrong secret with an AppError', () => {
    const box = encryptPrivateKey(KEY, SECRET);
    expectUnreadable(() => decryptPrivateKey(box, `${SECRET}x`), 'key_box_unauthentic');
    expectUnreadable(() => decryptPrivateKey(box, 'another secret'), 'key_box_unauthentic');
  });

  it('refuses a box with any single bit flipped in salt, iv, tag or ciphertext', () => {
    const box = encryptPrivateKey('0123456789abcdef', SECRET);
    const lengths = box
      .split('$')
      .slice(1)
      .map((p) => Buffer.from(p, 'base64url').length);
    for (let part = 0; part < lengths.length; part++) {
      for (let i = 0; i < lengths[part]!; i++) {
        const bit = 1 << (i % 8);
        const tampered = rebox(box, (parts) => {
          parts[part]![i]! ^= bit;
        });
        expectUnreadable(() => decryptPrivateKey(tampered, SECRET), 'key_box_unauthentic');
      }
    }
  });

  it('refuses malformed boxes without crashing', () => {
    const box = encryptPrivateKey(KEY, SECRET);
    const [v, salt, iv, tag, ct] = box.split('$') as [string, string, string, string, string];
    const malformed = [
      '',
      'garbage',
      box.replace(/^v1/, 'v2'),
      `${box}$extra`,
      [v, salt, iv, tag].join('$'),
      [v, salt, iv, tag, ''].join('$'),
      [v, salt.slice(1), iv, tag, ct].join('$'),
      [v, salt, `${iv}AA`, tag, ct].join('$'),
      [v, salt, iv, tag, `${ct}!`].join('$'),
      [v, salt, iv, tag, `${ct}=`].join('$'),
      box.replace(/\$/g, '.'),
    ];
    for (const m of malformed) expectUnreadable(() => decryptPrivateKey(m, SECRET), 'key_box_malformed');
  });

  it('refuses a box whose text was changed, including non-canonical base64url', () => {
    const box = encryptPrivateKey(KEY, SECRET);
    for (let i = 3; i < box.length; i++) {
      if (box[i] === '$') continue;
      const replacement = box[i] === 'A' ? 'B' : 'A';
      const tampered = box.slice(0, i) + replacement + box.slice(i + 1);
      expectUnreadable(() => decryptPrivateKey(tampered, SECRET));
    }
  });

  it('refuses to work without a secret', () => {
    const box = encryptPrivateKey(KEY, SECRET);
    for (const fn of [() => encryptPrivateKey(KEY, ''), () => decryptPrivateKey(box, '')]) {
      expect(fn).toThrow(AppError);
      expect(fn).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    }
  });

  it('runs scrypt once per (secret, salt), not once per use', () => {
    clearKeyBoxCache();
    const before = keyBoxStats().derivations;
    const box = encryptPrivateKey(KEY, SECRET);
    for (let i = 0; i < 1000; i++) decryptPrivateKey(box, SECRET);
    expect(keyBoxStats().derivations - before).toBe(1);

    // Another secret with the same salt is a different derivation, and is not served from the cache.
    expectUnreadable(() => decryptPrivateKey(box, 'other'));
    expect(keyBoxStats().derivations - before).toBe(2);

    clearKeyBoxCache();
    expect(decryptPrivateKey(box, SECRET)).toBe(KEY);
    expect(keyBoxStats().derivations - before).toBe(3);
  });

  it('normalises the secret to NFC', () => {
    const box = encryptPrivateKey(KEY, 'caf\u00e9');
    expect(decryptPrivateKey(box, 'cafe\u0301')).toBe(KEY);
  });
});
