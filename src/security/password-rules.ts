import { fail } from '../domain/errors.js';
import commonPasswords from './data/common-passwords.json' with { type: 'json' };

/**
 * Rules for a new password: long enough, not one of the passwords attackers try first (a
 * short list kept as data in data/common-passwords.json, compared case-insensitively and
 * ignoring spaces), not the login itself, and not a demo password of this server.
 */
const COMMON = new Set((commonPasswords as string[]).map((p) => p.toLowerCase()));

export interface PasswordRuleContext {
  minLength: number;
  login?: string | undefined;
  /** Passwords this server hands out for demos (LUOSHI_DEMO_PASSWORD, LUOSHI_ADMIN_PASSWORD). */
  demoPasswords?: (string | null)[];
}

export function checkNewPassword(password: string, rules: PasswordRuleContext): void {
  if ([...password].length < rules.minLength) throw fail('password_too_short', { min: rules.minLength });
  const folded = password.toLowerCase().replace(/\s+/g, '');
  const demo = (rules.demoPasswords ?? []).filter((p): p is string => p !== null);
  if (
    COMMON.has(folded) ||
    (rules.login !== undefined && folded === rules.login.toLowerCase()) ||
    demo.some((d) => d === password) ||
    /^(.)\1*$/.test(folded)
  ) {
    throw fail('password_too_common');
  }
}
