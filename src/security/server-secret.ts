import type { Config } from '../config.js';
import { keyring } from './keyring.js';

/**
 * The server secret that encrypts the seal keys and TOTP secrets: LUOSHI_SECRET when set
 * (required when several servers share a database), otherwise a random one kept in a file
 * beside the data — never in the database itself, so a copy of the database alone does not
 * give away the keys. It is read once at start-up (keyring.ts); this only hands it out.
 */
export function serverSecret(_config?: Pick<Config, 'secret' | 'secretFile'>): string {
  return keyring().serverSecret;
}
