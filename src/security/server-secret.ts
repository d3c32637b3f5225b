import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

const cache = new Map<string, string>();

/**
 * The server secret that encrypts the seal keys: LUOSHI_SECRET when set (required when
 * several servers share a database), otherwise a random one kept in a file beside the
 * data (made on first use, readable by its owner only) — never in the database itself,
 * so a copy of the database alone does not give away the keys.
 */
export function serverSecret(config: Pick<Config, 'secret' | 'secretFile'>): string {
  if (config.secret) return config.secret;
  const known = cache.get(config.secretFile);
  if (known) return known;
  let secret: string;
  try {
    secret = fs.readFileSync(config.secretFile, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(config.secretFile), { recursive: true });
    secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(config.secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process made it first: use theirs.
      secret = fs.readFileSync(config.secretFile, 'utf8').trim();
    }
  }
  cache.set(config.secretFile, secret);
  return secret;
}
