import { createHash, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { sm3 } from '../model/sm3.js';
import { AppError } from '../domain/errors.js';
import { decryptPrivateKey, encryptPrivateKey } from './key-box.js';
import {
  SM2_USER_ID,
  describeSeal,
  generateUnitKey,
  keyFingerprint,
  sealPayload,
  signPayload,
  verifyPayload,
} from './seal.js';
import type { ReplySealInput, SealAlgorithm, UnitKeyMaterial } from './seal.js';

const { sm2 } = smCrypto;
const SECRET = 'seal-test-secret-仅供测试';
const ALGORITHMS: SealAlgorithm[] = ['ed25519', 'sm2'];

// Made at collection time: describe bodies below build payloads that name these keys.
const keys: Record<SealAlgorithm, UnitKeyMaterial> = {
  ed25519: generateUnitKey('ed25519', SECRET),
  sm2: generateUnitKey('sm2', SECRET),
};
const otherKeys: Record<SealAlgorithm, UnitKeyMaterial> = {
  ed25519: generateUnitKey('ed25519', SECRET),
  sm2: generateUnitKey('sm2', SECRET),
};

afterEach(() => {
  vi.restoreAllMocks();
});

function reply(algorithm: SealAlgorithm, overrides: Partial<ReplySealInput> = {}): ReplySealInput {
  return {
    consultationId: 7,
    versionId: 3,
    unit: { id: 12, code: 'HNZJT' },
    noOpinion: false,
    opinions: [
      {
        itemOrdinal: 2,
        quote: '加快推进城镇老旧小区改造',
        span: [120, 132],
        content: '建议明确年度目标。',
        suggestion: '2021年开工改造1000个小区',
        reason: null,
      },
      { itemOrdinal: 15, quote: null, span: null, content: '无具体修改意见，建议补充责任单位。', suggestion: null, reason: '职责不清' },
    ],
    signatory: { id: 31, login: 'zhangsan' },
    sealedAt: '2021-07-20T02:15:00.000Z',
    algorithm,
    keyId: keys[algorithm].fingerprint,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------
// An independent SM2 verifier written from GB/T 32918 and GM/T 0009 (native BigInt and
// node's SM3), so that the convention documented in seal.ts is pinned without sm-crypto.
// ---------------------------------------------------------------------------------------
const P = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF');
const A = P - 3n;
const B = BigInt('0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93');
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const GX = BigInt('0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7');
const GY = BigInt('0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0');
type Point = { x: bigint; y: bigint } | null;

const mod = (v: bigint, m: bigint) => ((v % m) + m) % m;
function inverse(v: bigint, m: bigint): bigint {
  let [r0, r1, t0, t1] = [mod(v, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return mod(t0, m);
}
function add(p: Point, q: Point): Point {
  if (!p) return q;
  if (!q) return p;
  if (p.x === q.x && mod(p.y + q.y, P) === 0n) return null;
  const l =
    p.x === q.x ? mod((3n * p.x * p.x + A) * inverse(2n * p.y, P), P) : mod((q.y - p.y) * inverse(q.x - p.x, P), P);
  const x = mod(l * l - p.x - q.x, P);
  return { x, y: mod(l * (p.x - x) - p.y, P) };
}
function multiply(k: bigint, p: Point): Point {
  let result: Point = null;
  for (let bit = BigInt(k.toString(2).length - 1); bit >= 0n; bit--) {
    result = add(result, result);
    if ((k >> bit) & 1n) result = add(result, p);
  }
  return result;
}
const be32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex');
function readDerSignature(der: Buffer): { r: bigint; s: bigint } {
  expect(der[0]).toBe(0x30);
  expect(der[1]).toBe(der.length - 2);
  let at = 2;
  const ints: bigint[] = [];
  for (let i = 0; i < 2; i++) {
    expect(der[at]).toBe(0x02);
    const len = der[at + 1]!;
    ints.push(BigInt(`0x${der.subarray(at + 2, at + 2 + len).toString('hex')}`));
    at += 2 + len;
  }
  expect(at).toBe(der.length);
  return { r: ints[0]!, s: ints[1]! };
}
function independentSm2Verify(message: string, signatureBase64: string, publicKeyHex: string): boolean {
  const xA = BigInt(`0x${publicKeyHex.slice(2, 66)}`);
  const yA = BigInt(`0x${publicKeyHex.slice(66)}`);
  const id = Buffer.from(SM2_USER_ID, 'ascii');
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  const za = createHash('sm3')
    .update(Buffer.concat([entl, id, be32(A), be32(B), be32(GX), be32(GY), be32(xA), be32(yA)]))
    .digest();
  const e = BigInt(`0x${createHash('sm3').update(za).update(Buffer.from(message, 'utf8')).digest('hex')}`);
  const { r, s } = readDerSignature(Buffer.from(signatureBase64, 'base64'));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const point = add(multiply(s, { x: GX, y: GY }), multiply(t, { x: xA, y: yA }));
  return point !== null && mod(e + point.x, N) === r;
}

describe('unit keys', () => {
  it('generates Ed25519 keys as SPKI PEM with a PKCS#8 private key in a key box', () => {
    const key = keys.ed25519;
    expect(key.algorithm).toBe('ed25519');
    expect(key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);
    expect(key.privateKeyBox.startsWith('v1$')).toBe(true);
    expect(decryptPrivateKey(key.privateKeyBox, SECRET)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(key.fingerprint).toBe(sm3(key.publicKey).slice(0, 16));
    expect(keyFingerprint(key.publicKey)).toBe(key.fingerprint);
  });

  it('generates SM2 keys as an uncompressed hex point, the private scalar in a key box', () => {
    const key = keys.sm2;
    expect(key.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    const d = decryptPrivateKey(key.privateKeyBox, SECRET);
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    const dn = BigInt(`0x${d}`);
    expect(dn >= 1n && dn <= N - 2n).toBe(true);
    // The public key is dG, checked with the independent arithmetic above.
    const q = multiply(dn, { x: GX, y: GY });
    expect(key.publicKey).toBe(`04${q!.x.toString(16).padStart(64, '0')}${q!.y.toString(16).padStart(64, '0')}`);
    expect(key.fingerprint).toBe(sm3(key.publicKey).slice(0, 16));
  });

  it('makes a different key every time', () => {
    for (const a of ALGORITHMS) {
      expect(keys[a].publicKey).not.toBe(otherKeys[a].publicKey);
      expect(keys[a].fingerprint).not.toBe(otherKeys[a].fingerprint);
    }
  });

  it('describes each algorithm in both languages', () => {
    expect(describeSeal('ed25519')).toEqual({ zh: 'Ed25519（RFC 8032）', en: 'Ed25519 (RFC 8032)' });
    expect(describeSeal('sm2')).toEqual({ zh: 'SM2（GB/T 32918，SM3 摘要）', en: 'SM2 (GB/T 32918, SM3 digest)' });
    expect(describeSeal('rsa' as SealAlgorithm).en).toContain('Unknown');
  });
});

describe.each(ALGORITHMS)('seal with %s', (algorithm) => {
  it('signs and verifies a reply', () => {
    const payload = sealPayload(reply(algorithm));
    const signature = signPayload(payload, keys[algorithm], SECRET);
    expect(Buffer.from(signature, 'base64').toString('base64')).toBe(signature);
    expect(verifyPayload(payload, signature, keys[algorithm])).toBe(true);
  });

  it('signs and verifies a 无意见 reply', () => {
    const payload = sealPayload(reply(algorithm, { noOpinion: true, opinions: [] }));
    expect(verifyPayload(payload, signPayload(payload, keys[algorithm], SECRET), keys[algorithm])).toBe(true);
  });

  it("fails with another unit's public key", () => {
    const payload = sealPayload(reply(algorithm));
    const signature = signPayload(payload, keys[algorithm], SECRET);
    expect(verifyPayload(payload, signature, otherKeys[algorithm])).toBe(false);
  });

  it('cannot sign with the wrong server secret', () => {
    const payload = sealPayload(reply(algorithm));
    expect(() => signPayload(payload, keys[algorithm], 'wrong secret')).toThrow(AppError);
  });

  it('refuses a key box that holds the other kind of key', () => {
    const other = algorithm === 'ed25519' ? 'sm2' : 'ed25519';
    const payload = sealPayload(reply(algorithm));
    const key = { algorithm, privateKeyBox: keys[other].privateKeyBox };
    expect(() => signPayload(payload, key, SECRET)).toThrow(AppError);
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signPayload(payload, { algorithm, privateKeyBox: encryptPrivateKey(x25519, SECRET) }, SECRET)).toThrow(
      AppError,
    );
  });

  it('fails after any single field of the payload changes', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
    const opinion = fc.record({
      itemOrdinal: fc.integer({ min: 1, max: 60 }),
      quote: fc.option(text),
      span: fc.option(
        fc.tuple(fc.nat(5000), fc.nat(300)).map(([start, length]): [number, number] => [start, start + length]),
      ),
      content: text,
      suggestion: fc.option(text),
      reason: fc.option(text),
    });
    const input = fc.record({
      consultationId: fc.integer({ min: 1, max: 1e6 }),
      versionId: fc.integer({ min: 1, max: 1e6 }),
      unit: fc.record({ id: fc.integer({ min: 1, max: 1e4 }), code: fc.string({ minLength: 1, maxLength: 12 }) }),
      noOpinion: fc.boolean(),
      opinions: fc.array(opinion, { maxLength: 4 }),
      signatory: fc.record({ id: fc.integer({ min: 1, max: 1e6 }), login: fc.string({ minLength: 1, maxLength: 16 }) }),
      sealedAt: fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    });
    const plusText = (v: string | null) => (v === null ? '' : `${v}。`);
    type Mutation = (r: ReplySealInput, i: number) => void;
    const onOpinion =
      (f: (o: ReplySealInput['opinions'][number]) => void): Mutation =>
      (r, i) => {
        const empty = { itemOrdinal: 1, quote: null, span: null, content: '', suggestion: null, reason: null };
        if (r.opinions.length === 0) r.opinions.push(empty);
        else f(r.opinions[i % r.opinions.length]!);
      };
    const mutations: Record<string, Mutation> = {
      consultationId: (r) => (r.consultationId += 1),
      versionId: (r) => (r.versionId += 1),
      unitId: (r) => (r.unit.id += 1),
      unitCode: (r) => (r.unit.code += 'X'),
      noOpinion: (r) => (r.noOpinion = !r.noOpinion),
      signatoryId: (r) => (r.signatory.id += 1),
      signatoryLogin: (r) => (r.signatory.login += 'x'),
      sealedAt: (r) => (r.sealedAt = new Date(Date.parse(r.sealedAt) + 1).toISOString()),
      algorithm: (r) => (r.algorithm = r.algorithm === 'sm2' ? 'ed25519' : 'sm2'),
      keyId: (r) => (r.keyId = otherKeys[algorithm].fingerprint),
      removeOpinion: (r, i) => {
        if (r.opinions.length === 0) r.noOpinion = !r.noOpinion;
        else r.opinions.splice(i % r.opinions.length, 1);
      },
      duplicateOpinion: (r, i) => {
        if (r.opinions.length === 0) r.signatory.login += '!';
        else r.opinions.push({ ...r.opinions[i % r.opinions.length]! });
      },
      itemOrdinal: onOpinion((o) => (o.itemOrdinal += 1)),
      content: onOpinion((o) => (o.content = plusText(o.content))),
      quote: onOpinion((o) => (o.quote = plusText(o.quote))),
      quoteToNull: onOpinion((o) => (o.quote = o.quote === null ? '' : null)),
      suggestion: onOpinion((o) => (o.suggestion = plusText(o.suggestion))),
      reason: onOpinion((o) => (o.reason = plusText(o.reason))),
      spanEnd: onOpinion((o) => (o.span = o.span === null ? [0, 0] : [o.span[0], o.span[1] + 1])),
      spanStart: onOpinion((o) => (o.span = o.span === null ? [0, 1] : [o.span[0] + 1, o.span[1] + 1])),
      spanToNull: onOpinion((o) => (o.span = o.span === null ? [0, 0] : null)),
    };

    fc.assert(
      fc.property(input, fc.constantFrom(...Object.keys(mutations)), fc.nat(), (fields, which, index) => {
        const original: ReplySealInput = { ...fields, algorithm, keyId: keys[algorithm].fingerprint };
        const payload = sealPayload(original);
        const signature = signPayload(payload, keys[algorithm], SECRET);
        expect(verifyPayload(payload, signature, keys[algorithm])).toBe(true);

        const changed = structuredClone(original);
        mutations[which]!(changed, index);
        const changedPayload = sealPayload(changed);
        expect(changedPayload).not.toBe(payload);
        expect(verifyPayload(changedPayload, signature, keys[algorithm])).toBe(false);
      }),
      { numRuns: algorithm === 'sm2' ? 40 : 300 },
    );
  });

  it('returns false for malformed signatures and keys, without throwing', () => {
    const payload = sealPayload(reply(algorithm));
    const good = signPayload(payload, keys[algorithm], SECRET);
    const bytes = Buffer.from(good, 'base64');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 1;
    const signatures: unknown[] = [
      '',
      ' ',
      'not base64!!',
      '====',
      'AAAA',
      `${good} `,
      ` ${good}`,
      `${good}\n`,
      good.replace(/=+$/, ''),
      good.slice(0, -1),
      good.slice(4),
      `${good}AAAA`,
      bytes.toString('base64url'),
      flipped.toString('base64'),
      Buffer.alloc(64).toString('base64'),
      Buffer.alloc(72, 0xff).toString('base64'),
      Buffer.from('3006020100020100', 'hex').toString('base64'),
      Buffer.from('3008020101020200ff', 'hex').toString('base64'),
      'A'.repeat(100_000),
      null,
      undefined,
      42,
      {},
    ];
    // A 72-byte DER signature has no padding, and may have no + or /: skip variants equal to it.
    for (const s of signatures.filter((x) => x !== good)) {
      expect(verifyPayload(payload, s as string, keys[algorithm])).toBe(false);
    }

    const publicKeys: unknown[] = [
      '',
      'garbage',
      '00',
      `04${'0'.repeat(128)}`,
      `04${'f'.repeat(128)}`,
      keys.sm2.publicKey.slice(0, -2),
      keys.ed25519.publicKey.replace('PUBLIC', 'PRIVATE'),
      generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      null,
      42,
    ];
    for (const publicKey of publicKeys) {
      expect(verifyPayload(payload, good, { algorithm, publicKey: publicKey as string })).toBe(false);
    }
    expect(verifyPayload(payload, good, { algorithm: 'rsa' as SealAlgorithm, publicKey: keys[algorithm].publicKey })).toBe(
      false,
    );
    expect(verifyPayload(payload, good, null as unknown as { algorithm: SealAlgorithm; publicKey: string })).toBe(false);
    expect(verifyPayload(null as unknown as string, good, keys[algorithm])).toBe(false);
    expect(verifyPayload(`${payload}\ud800`, good, keys[algorithm])).toBe(false);
    // The good signature still verifies: nothing above has disturbed any state.
    expect(verifyPayload(payload, good, keys[algorithm])).toBe(true);
  });
});

describe('algorithms are not interchangeable', () => {
  it('an Ed25519 signature does not verify as SM2, nor an SM2 signature as Ed25519', () => {
    const edPayload = sealPayload(reply('ed25519'));
    const smPayload = sealPayload(reply('sm2'));
    const edSignature = signPayload(edPayload, keys.ed25519, SECRET);
    const smSignature = signPayload(smPayload, keys.sm2, SECRET);

    // The other algorithm with its own key.
    expect(verifyPayload(edPayload, edSignature, { algorithm: 'sm2', publicKey: keys.sm2.publicKey })).toBe(false);
    expect(verifyPayload(smPayload, smSignature, { algorithm: 'ed25519', publicKey: keys.ed25519.publicKey })).toBe(false);
    // The other algorithm with the signer's key, mislabelled.
    expect(verifyPayload(edPayload, edSignature, { algorithm: 'sm2', publicKey: keys.ed25519.publicKey })).toBe(false);
    expect(verifyPayload(smPayload, smSignature, { algorithm: 'ed25519', publicKey: keys.sm2.publicKey })).toBe(false);
    // The payload names its algorithm, so relabelling the seal also changes what was signed.
    const relabelled = sealPayload(reply('ed25519', { algorithm: 'sm2' }));
    expect(verifyPayload(relabelled, edSignature, keys.ed25519)).toBe(false);
  });
});

describe('determinism', () => {
  it('Ed25519 seals of the same payload are identical', () => {
    const payload = sealPayload(reply('ed25519'));
    const a = signPayload(payload, keys.ed25519, SECRET);
    const b = signPayload(payload, keys.ed25519, SECRET);
    expect(a).toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(64);
  });

  it('SM2 seals of the same payload differ (random k) and both verify', () => {
    const payload = sealPayload(reply('sm2'));
    const a = signPayload(payload, keys.sm2, SECRET);
    const b = signPayload(payload, keys.sm2, SECRET);
    expect(a).not.toBe(b);
    expect(verifyPayload(payload, a, keys.sm2)).toBe(true);
    expect(verifyPayload(payload, b, keys.sm2)).toBe(true);
  });
});

describe('SM2 convention (SM3 digest, default user id, DER) is pinned', () => {
  const payloads = ['abc', sealPayload({ ...reply('sm2'), keyId: 'fixed' }), '征求意见：无意见。\u{1F4C4}'];
  const options = { hash: true, der: true } as const;

  it('a signature made by sm-crypto directly verifies through verifyPayload', () => {
    const d = decryptPrivateKey(keys.sm2.privateKeyBox, SECRET);
    for (const payload of payloads) {
      const der = sm2.doSignature(payload, d, options);
      expect(verifyPayload(payload, Buffer.from(der, 'hex').toString('base64'), keys.sm2)).toBe(true);
      // Raw r || s (no DER) is not the convention.
      const raw = sm2.doSignature(payload, d, { hash: true, der: false });
      expect(verifyPayload(payload, Buffer.from(raw, 'hex').toString('base64'), keys.sm2)).toBe(false);
      // Another user id is another convention.
      const otherId = sm2.doSignature(payload, d, { ...options, userId: 'luoshi' });
      expect(verifyPayload(payload, Buffer.from(otherId, 'hex').toString('base64'), keys.sm2)).toBe(false);
    }
  });

  it('a signature made through signPayload verifies with sm-crypto directly', () => {
    for (const payload of payloads) {
      const signature = signPayload(payload, keys.sm2, SECRET);
      const hex = Buffer.from(signature, 'base64').toString('hex');
      expect(sm2.doVerifySignature(payload, hex, keys.sm2.publicKey, options)).toBe(true);
      expect(sm2.doVerifySignature(payload, hex, keys.sm2.publicKey, { ...options, hash: false })).toBe(false);
    }
  });

  it('a signature made through signPayload verifies with an independent implementation of the standard', () => {
    for (const payload of payloads) {
      const signature = signPayload(payload, keys.sm2, SECRET);
      expect(independentSm2Verify(payload, signature, keys.sm2.publicKey)).toBe(true);
      expect(independentSm2Verify(`${payload} `, signature, keys.sm2.publicKey)).toBe(false);
      expect(independentSm2Verify(payload, signature, otherKeys.sm2.publicKey)).toBe(false);
    }
  });

  it("draws the nonce from node:crypto, not the library's own generator", () => {
    // sm-crypto-v2 draws its own randomness through Web Crypto's getRandomValues; a seal and a
    // new key must never reach it (the nonce and d come from node:crypto randomBytes).
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const signature = signPayload(payloads[0]!, keys.sm2, SECRET);
      generateUnitKey('sm2', SECRET);
      expect(spy).not.toHaveBeenCalled();
      expect(verifyPayload(payloads[0]!, signature, keys.sm2)).toBe(true);
      // Two seals of the same payload differ: the nonce is fresh each time.
      expect(signPayload(payloads[0]!, keys.sm2, SECRET)).not.toBe(signature);
    } finally {
      spy.mockRestore();
    }
  });
});
