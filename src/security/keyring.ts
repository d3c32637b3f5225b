import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';

/**
 * The process's secrets, read ONCE at start-up (`luoshi serve`, every CLI command) and never
 * from inside a request or a transaction:
 *
 * - the server secret (LUOSHI_SECRET, or the file LUOSHI_SECRET_FILE, made on first start)
 *   that encrypts the units' private seal keys and the TOTP secrets;
 * - the audit keys that key the audit chain's HMACs. The first one is derived from the
 *   server secret (HKDF-SHA256, info `luoshi/audit-chain/1`); `luoshi audit rotate-key`
 *   appends random keys to LUOSHI_AUDIT_KEY_FILE (default data/luoshi.audit-keys), one
 *   `<id> <base64url key>` per line, and the last line is the current key. Old keys stay,
 *   so old events keep verifying. None of them is ever written to the database: only key ids are.
 */
export interface AuditKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  serverSecret: string;
  audit: { current: AuditKey; byId: Map<string, Buffer> };
}

let installed: Keyring | null = null;

export function installKeyring(keys: Keyring): void {
  installed = keys;
}

/** The keyring loaded at start-up; a process that never loaded one is misconfigured. */
export function keyring(): Keyring {
  if (!installed) {
    throw new AppError('config_invalid', {
      zh: '配置无效：服务器密钥未在启动时加载',
      en: 'Invalid configuration: the server keys were not loaded at start-up',
    });
  }
  return installed;
}

function readOrCreateSecret(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process made it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

/** A public, non-secret name for a key: enough to find it, useless to forge with. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('luoshi/audit-key-id/1').update(key).digest('hex').slice(0, 12);
}

export function derivedAuditKey(serverSecret: string): AuditKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(serverSecret, 'utf8'), Buffer.from('luoshi'), Buffer.from('luoshi/audit-chain/1'), 32));
  return { id: `s-${keyFingerprint(key)}`, key };
}

export function parseAuditKeyFile(text: string): AuditKey[] {
  const keys: AuditKey[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z0-9_.-]{1,64})\s+([A-Za-z0-9_-]{43,})$/.exec(line);
    const key = match ? Buffer.from(match[2]!, 'base64url') : null;
    if (!match || !key || key.length < 32) {
      throw new AppError('config_invalid', {
        zh: `配置无效：审计密钥文件第 ${index + 1} 行格式错误`,
        en: `Invalid configuration: line ${index + 1} of the audit key file is not "<id> <base64url key of 32+ bytes>"`,
      });
    }
    keys.push({ id: match[1]!, key });
  }
  return keys;
}

export function loadKeyring(config: Pick<Config, 'secret' | 'secretFile' | 'auditKeyFile'>): Keyring {
  const serverSecret = config.secret ?? readOrCreateSecret(config.secretFile);
  const derived = derivedAuditKey(serverSecret);
  let fileKeys: AuditKey[] = [];
  try {
    fileKeys = parseAuditKeyFile(fs.readFileSync(config.auditKeyFile, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const all = [derived, ...fileKeys];
  return { serverSecret, audit: { current: all[all.length - 1]!, byId: new Map(all.map((k) => [k.id, k.key])) } };
}

/** Appends a new random audit key to the key file; it becomes the current key for processes started after. */
export function appendAuditKey(file: string): AuditKey {
  const key = randomBytes(32);
  const id = `k-${keyFingerprint(key)}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${id} ${key.toString('base64url')}\n`, { mode: 0o600 });
  return { id, key };
}
