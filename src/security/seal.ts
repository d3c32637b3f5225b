import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { sm3 } from '../model/sm3.js';
import { AppError } from '../domain/errors.js';
import type { LocalisedMessage } from '../domain/errors.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import type { SealAlgorithm } from '../domain/reply-seal-payload.js';
import { decryptPrivateKey, encryptPrivateKey } from './key-box.js';

export { SEAL_ALGORITHMS, isSealAlgorithm, sealPayload } from '../domain/reply-seal-payload.js';
export type { ReplySealInput, SealAlgorithm, SealedOpinion } from '../domain/reply-seal-payload.js';

/**
 * Electronic seals of consultation replies: a unit signs the reply's canonical payload
 * (domain/reply-seal-payload.ts) with its own key. The message is always the UTF-8 bytes of
 * the payload string, and signatures travel as standard base64 (with padding).
 *
 * Ed25519 (RFC 8032, pure Ed25519, no prehash, no context) via node:crypto
 * - public key: SPKI PEM text as `KeyObject#export({ type: 'spki', format: 'pem' })` writes it
 * - private key (inside the key box): PKCS#8 PEM
 * - signature: the 64-byte R || S
 *
 * SM2 (GB/T 32918.2-2016 digital signature, with SM3) via sm-crypto-v2 (native BigInt
 * arithmetic over @noble/curves; about twenty times faster than sm-crypto's jsbn, and its
 * signatures verify under sm-crypto and the other way round, as seal.test.ts checks)
 * - curve: the recommended 256-bit curve of GB/T 32918.5 (sm2p256v1)
 * - public key: uncompressed point as lowercase hex, `04 || X || Y` (130 hex digits)
 * - private key (inside the key box): d as 64 lowercase hex digits, 1 <= d <= n-2
 * - digest, as GM/T 0009-2012: ZA = SM3(ENTL || ID || a || b || xG || yG || xA || yA) with
 *   ID = the 16 ASCII bytes "1234567812345678" (ENTL = 0x0080, i.e. 128 bits), then
 *   e = SM3(ZA || M) where M is the UTF-8 payload
 * - signature: DER `SEQUENCE { INTEGER r, INTEGER s }` (GM/T 0009 SM2Signature), base64
 * In sm-crypto(-v2) terms this is `doSignature(msg, d, { hash: true, der: true })` and
 * `doVerifySignature(msg, sigHex, publicKey, { hash: true, der: true })` with the default
 * userId. OpenSSL 3 verifies the same signature with `-sigopt distid:1234567812345678`,
 * Bouncy Castle with `SM3withSM2` and the default ID.
 *
 * Randomness: private keys and the per-signature nonces k are drawn here from node:crypto
 * `randomBytes` (rejection sampling, uniform in range) and handed to the library, so the
 * convention does not depend on a library's generator; SM2 signatures are randomised,
 * Ed25519 signatures are deterministic.
 */
export const SM2_USER_ID = '1234567812345678';

export interface UnitKeyMaterial {
  algorithm: SealAlgorithm;
  publicKey: string;
  /** Private key encrypted with the server secret (key-box.ts). */
  privateKeyBox: string;
  /** First 16 hex digits of SM3 over the public key text as stored: the key id people see. */
  fingerprint: string;
}

export interface SigningKey {
  algorithm: SealAlgorithm;
  privateKeyBox: string;
}

export interface VerifyingKey {
  algorithm: SealAlgorithm;
  publicKey: string;
}

/** Order n of the SM2 base point (GB/T 32918.5). */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const SM2_PUBLIC_KEY = /^04[0-9a-f]{128}$/;
const SM2_PRIVATE_KEY = /^[0-9a-f]{64}$/;

/** Uniform integer in [1, max] from the OS CSPRNG (max < 2^256). */
function randomScalar(max: bigint): bigint {
  for (;;) {
    const x = BigInt(`0x${randomBytes(32).toString('hex')}`);
    if (x < max) return x + 1n;
  }
}

function hex64(x: bigint): string {
  return x.toString(16).padStart(64, '0');
}

/** A fresh SM2 nonce point (k, x1 = x(kG)) with k uniform in [1, n-1]. */
function sm2NoncePoint(): { k: bigint; x1: bigint } {
  const k = randomScalar(SM2_N - 1n);
  const kG = sm2.getPublicKeyFromPrivateKey(hex64(k));
  return { k, x1: BigInt(`0x${kG.slice(2, 66)}`) };
}

function unusableKey(reason: string): AppError {
  return new AppError(
    'internal',
    {
      zh: '单位签章私钥不可用，无法签章',
      en: "The unit's sealing key cannot be used to seal",
    },
    { reason },
  );
}

/** The payload's UTF-8 bytes; refuses strings with lone surrogates (they would not round-trip). */
function messageBytes(payload: string): Buffer | null {
  if (typeof payload !== 'string') return null;
  const bytes = Buffer.from(payload, 'utf8');
  return bytes.toString('utf8') === payload ? bytes : null;
}

export function keyFingerprint(publicKey: string): string {
  return sm3(publicKey).slice(0, 16);
}

/** A new key pair for a unit; the private key is returned only inside its key box. */
export function generateUnitKey(algorithm: SealAlgorithm, secret: string): UnitKeyMaterial {
  let publicKey: string;
  let privateKey: string;
  if (algorithm === 'ed25519') {
    const pair = generateKeyPairSync('ed25519');
    publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  } else if (algorithm === 'sm2') {
    // GB/T 32918.1: d in [1, n-2] (so that 1 + d is invertible mod n).
    privateKey = hex64(randomScalar(SM2_N - 2n));
    publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
  } else {
    throw unusableKey('unknown_algorithm');
  }
  return {
    algorithm,
    publicKey,
    privateKeyBox: encryptPrivateKey(privateKey, secret),
    fingerprint: keyFingerprint(publicKey),
  };
}

/**
 * Signs the payload with the unit's key; returns the signature as standard base64.
 * Throws AppError('internal') if the key box cannot be opened or holds the wrong kind of key.
 */
/** Opened key boxes kept in memory; a unit has one current key per algorithm. */
const OPENED_LIMIT = 1024;
interface OpenedKey {
  privateKey: string;
  keyObject?: KeyObject;
  /** SM2: the public point of d, which the digest ZA needs (computed once, not per seal). */
  sm2PublicKey?: string;
}
const opened = new Map<string, OpenedKey>();
let openedFor: string | null = null;

/**
 * A key box opened once and kept: a unit seals many reports with one key, and opening the box
 * (AES-GCM) and parsing the PEM cost more than the signature itself. The key material was
 * already in this process's memory (the derived box keys are cached in key-box.ts); what is
 * kept is bounded, least recently used first, and forgotten when the secret changes. Every
 * signature is still made afresh over its own payload.
 */
function openKeyBox(key: SigningKey, secret: string): OpenedKey {
  if (openedFor !== secret) {
    opened.clear();
    openedFor = secret;
  }
  const hit = opened.get(key.privateKeyBox);
  if (hit) {
    opened.delete(key.privateKeyBox);
    opened.set(key.privateKeyBox, hit);
    return hit;
  }
  const entry: OpenedKey = { privateKey: decryptPrivateKey(key.privateKeyBox, secret) };
  opened.set(key.privateKeyBox, entry);
  if (opened.size > OPENED_LIMIT) {
    const oldest = opened.keys().next().value;
    if (oldest !== undefined) opened.delete(oldest);
  }
  return entry;
}

/** Forgets the opened key boxes (tests, or after keys were retired). */
export function clearOpenedKeys(): void {
  opened.clear();
}

export function signPayload(payload: string, key: SigningKey, secret: string): string {
  const message = messageBytes(payload);
  if (!message) throw unusableKey('payload_not_well_formed');
  if (!isSealAlgorithm(key.algorithm)) throw unusableKey('unknown_algorithm');
  const opened = openKeyBox(key, secret);
  const privateKey = opened.privateKey;

  if (key.algorithm === 'ed25519') {
    if (!opened.keyObject) {
      let keyObject: KeyObject;
      try {
        keyObject = createPrivateKey(privateKey);
      } catch {
        throw unusableKey('not_a_private_key');
      }
      if (keyObject.asymmetricKeyType !== 'ed25519') throw unusableKey('not_an_ed25519_key');
      opened.keyObject = keyObject;
    }
    return sign(null, message, opened.keyObject).toString('base64');
  }

  if (!SM2_PRIVATE_KEY.test(privateKey)) throw unusableKey('not_an_sm2_key');
  const d = BigInt(`0x${privateKey}`);
  if (d < 1n || d > SM2_N - 2n) throw unusableKey('not_an_sm2_key');
  opened.sm2PublicKey ??= sm2.getPublicKeyFromPrivateKey(privateKey);
  const derHex = sm2.doSignature(message, privateKey, {
    hash: true,
    der: true,
    publicKey: opened.sm2PublicKey,
    // The default user id, spelt out: the convention must not depend on a library default.
    userId: SM2_USER_ID,
    pointPool: [sm2NoncePoint()],
  });
  return Buffer.from(derHex, 'hex').toString('base64');
}

/** Strict standard base64 (with padding); null unless the text is a canonical encoding. */
function decodeBase64(text: string, maxBytes: number): Buffer | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > Math.ceil(maxBytes / 3) * 4) return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/**
 * True only if `signatureBase64` is a valid signature of `payload` under the public key.
 * Never throws: malformed signatures, keys or algorithms give false.
 */
export function verifyPayload(payload: string, signatureBase64: string, key: VerifyingKey): boolean {
  try {
    const message = messageBytes(payload);
    if (!message || key === null || typeof key !== 'object' || typeof key.publicKey !== 'string') return false;

    if (key.algorithm === 'ed25519') {
      const signature = decodeBase64(signatureBase64, 64);
      if (!signature || signature.length !== 64) return false;
      const publicKey = createPublicKey(key.publicKey);
      if (publicKey.asymmetricKeyType !== 'ed25519') return false;
      return verify(null, message, publicKey, signature);
    }

    if (key.algorithm === 'sm2') {
      // DER of two integers below n: at most 2 + 2 * (2 + 33) = 72 bytes.
      const signature = decodeBase64(signatureBase64, 72);
      if (!signature || signature.length < 8) return false;
      if (!SM2_PUBLIC_KEY.test(key.publicKey) || !sm2.verifyPublicKey(key.publicKey)) return false;
      return sm2.doVerifySignature(message, signature.toString('hex'), key.publicKey, {
        hash: true,
        der: true,
        userId: SM2_USER_ID,
      });
    }

    return false;
  } catch {
    return false;
  }
}

/** How a seal's algorithm is named to people. */
export function describeSeal(algorithm: SealAlgorithm): LocalisedMessage {
  switch (algorithm) {
    case 'ed25519':
      return { zh: 'Ed25519（RFC 8032）', en: 'Ed25519 (RFC 8032)' };
    case 'sm2':
      return { zh: 'SM2（GB/T 32918，SM3 摘要）', en: 'SM2 (GB/T 32918, SM3 digest)' };
    default:
      // Only reachable with a value from outside the type system (e.g. a database row).
      return { zh: `未知签章算法（${String(algorithm)}）`, en: `Unknown seal algorithm (${String(algorithm)})` };
  }
}
