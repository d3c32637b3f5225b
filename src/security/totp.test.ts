import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUri, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; 8-digit values.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    for (const [seconds, expected] of RFC_VECTORS) expect(hotp(SEED, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 3, 9].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152', '969429', '520489']);
  });

  it('round-trips base32 as authenticator apps read it', () => {
    expect(base32Encode(Buffer.from('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const secret = newTotpSecret();
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(otpauthUri(secret, 'office')).toMatch(/^otpauth:\/\/totp\/luoshi%3Aoffice\?secret=[A-Z2-7]+&issuer=luoshi/);
  });

  it('accepts a code one step either side, and never the same step twice', () => {
    const secret = base32Decode(newTotpSecret());
    const at = new Date('2026-12-02T06:00:10Z');
    const code = totpCode(secret, at);
    const step = verifyTotp(secret, code, new Date(at.getTime() + 30_000), null);
    expect(step).not.toBeNull();
    expect(verifyTotp(secret, code, at, step)).toBeNull();
    expect(verifyTotp(secret, code, new Date(at.getTime() + 90_000), null)).toBeNull();
    expect(verifyTotp(secret, '12345', at, null)).toBeNull();
  });
});
