import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../domain/errors.js';

/**
 * A key box holds a private key at rest, encrypted with the server secret (LUOSHI_SECRET).
 *
 *   v1$<salt>$<iv>$<tag>$<ciphertext>      every part base64url without padding
 *
 * - v1: AES-256-GCM; the key is scrypt(secret as UTF-8 NFC, salt, N=16384, r=8, p=1, 32 bytes).
 *   A later version can raise the cost or change the cipher; old boxes keep opening.
 * - salt: 16 random bytes, new for every box. iv: 12 random bytes. tag: 16 bytes.
 * - The additional authenticated data is the ASCII text `luoshi key box v1`, so a box
 *   cannot be mistaken for some other GCM blob made with the same secret.
 *
 * A wrong secret and a damaged box look the same to GCM (the tag does not match); both are
 * reported as one AppError, never as garbage plaintext.
 *
 * Deriving the key costs one scrypt run (about 16 MiB, tens of milliseconds). Derived keys
 * are cached per (secret, salt), so sealing 1000 replies with one unit key runs scrypt once.
 * The cache holds derived keys, not the secret; it is keyed by a SHA-256 of the secret.
 */
const VERSION = 'v1';
const AAD = Buffer.from('luoshi key box v1', 'ascii');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const CACHE_LIMIT = 256;

const cache = new Map<string, Buffer>();
let derivations = 0;
let hits = 0;

function requireSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new AppError('config_invalid', {
      zh: '未配置服务器密钥（LUOSHI_SECRET），无法加解密单位签章私钥',
      en: 'The server secret (LUOSHI_SECRET) is not set, so unit sealing keys cannot be encrypted or decrypted',
    });
  }
}

function deriveKey(secret: string, salt: Buffer): Buffer {
  const normalised = secret.normalize('NFC');
  const id = `${createHash('sha256').update(normalised, 'utf8').digest('base64url')}$${salt.toString('base64url')}`;
  const cached = cache.get(id);
  if (cached) {
    hits += 1;
    // Refresh the entry so the cache evicts the least recently used key first.
    cache.delete(id);
    cache.set(id, cached);
    return cached;
  }
  const key = scryptSync(normalised, salt, KEY_BYTES, SCRYPT);
  derivations += 1;
  cache.set(id, key);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return key;
}

function unreadable(reason: 'malformed' | 'unauthentic'): AppError {
  return new AppError(
    'internal',
    {
      zh: '无法解密单位签章私钥：服务器密钥（LUOSHI_SECRET）不对，或存储的密钥数据已损坏',
      en: "Cannot decrypt the unit's sealing key: the server secret (LUOSHI_SECRET) is wrong or the stored key is damaged",
    },
    { reason: reason === 'malformed' ? 'key_box_malformed' : 'key_box_unauthentic' },
  );
}

/** Strict base64url: only canonical encodings of exactly `bytes` bytes (or any length if null). */
function decodePart(part: string, bytes: number | null): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return null;
  const buf = Buffer.from(part, 'base64url');
  if (buf.toString('base64url') !== part) return null;
  if (bytes !== null && buf.length !== bytes) return null;
  return buf;
}

/** Encrypts a private key (any text: PEM, hex) into a self-describing key box string. */
export function encryptPrivateKey(privateKey: string, secret: string): string {
  requireSecret(secret);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(privateKey, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, salt, iv, tag, ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('$');
}

/**
 * Opens a key box. Throws AppError('internal', details.reason `key_box_malformed` or
 * `key_box_unauthentic`) if the box is not a v1 box or if the secret or the box is wrong.
 */
export function decryptPrivateKey(box: string, secret: string): string {
  requireSecret(secret);
  if (typeof box !== 'string') throw unreadable('malformed');
  const parts = box.split('$');
  if (parts.length !== 5 || parts[0] !== VERSION) throw unreadable('malformed');
  const salt = decodePart(parts[1]!, SALT_BYTES);
  const iv = decodePart(parts[2]!, IV_BYTES);
  const tag = decodePart(parts[3]!, TAG_BYTES);
  const ciphertext = decodePart(parts[4]!, null);
  if (!salt || !iv || !tag || !ciphertext || ciphertext.length === 0) throw unreadable('malformed');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, salt), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw unreadable('unauthentic');
  }
  return plain.toString('utf8');
}

/** How many scrypt runs and cache hits there have been (for tests and diagnostics). */
export function keyBoxStats(): { derivations: number; hits: number; cached: number } {
  return { derivations, hits, cached: cache.size };
}

/** Forgets every derived key, e.g. after the server secret has been rotated. */
export function clearKeyBoxCache(): void {
  cache.clear();
}
