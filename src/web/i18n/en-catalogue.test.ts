import { describe, expect, it } from 'vitest';
import en from './en';
import consultationEn from './consultation.en';
import ledgerEn from './ledger.en';
import registersEn from './registers.en';
import publicEn from './public.en';

/** Every English message as `namespace:dotted.key` → text. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  return out;
}

const MESSAGES = new Map<string, string>();
for (const [ns, catalogue] of Object.entries({ translation: en, consultation: consultationEn, ledger: ledgerEn, registers: registersEn, public: publicEn })) flatten(catalogue, `${ns}:`, MESSAGES);

/** CJK symbols and punctuation (、。《》「」【】) and full-width forms (：，（）；！？). */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
/** A number put before a plural noun: "{{count}} units", "{{n}} new items". */
const COUNTED_PLURAL = /\{\{(\w+)\}\} (?:[a-z-]+ )?([a-z]+s)\b/g;
/** Words ending in s after a placeholder that are not counted nouns. */
const NOT_PLURAL = new Set(['this', 'its', 'is', 'was', 'has', 'does', 'as', 'us', 'status', 'goes', 'names', 'refers', 'belongs']);
/** Nouns the app counts: after any placeholder other than {{count}}, a plural form cannot be chosen. */
const COUNTED_NOUNS = /^(units|users|items|opinions|rows|tasks|entries|sessions|days|events|prefectures|counties|reports|replies|notices|levels|accounts|versions)$/;
/**
 * Chinese quoted in an English message, not used as its punctuation: a mark right after a
 * hanzi (一、 二、), or a mark named on its own between spaces (must not contain 、 or ;).
 */
const QUOTED_CHINESE = /[\u4e00-\u9fff][\u3000-\u303f\uff00-\uffef]| [\u3000-\u303f\uff00-\uffef] /g;

describe('the English catalogue', () => {
  it('has messages to check', () => {
    expect(MESSAGES.size).toBeGreaterThan(500);
  });

  it('uses ASCII punctuation: no full-width colon, comma or brackets', () => {
    const offending = [...MESSAGES].filter(([, text]) => FULL_WIDTH.test(text.replace(QUOTED_CHINESE, ''))).map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it('writes a counted noun in the singular for one: {{count}} with _one and _other forms', () => {
    const offending: string[] = [];
    for (const [key, text] of MESSAGES) {
      if (/\(s\)/.test(text)) offending.push(`${key}: "(s)" instead of plural forms`);
      if (key.endsWith('_one') || key.endsWith('_zero')) continue;
      for (const m of text.matchAll(COUNTED_PLURAL)) {
        if (NOT_PLURAL.has(m[2]!)) continue;
        const base = key.replace(/_other$/, '');
        if (m[1] !== 'count' && COUNTED_NOUNS.test(m[2]!) && m[0].split(' ').length === 2) offending.push(`${key}: {{${m[1]}}} ${m[2]} (only {{count}} chooses a plural form)`);
        else if (m[1] === 'count' && !MESSAGES.has(`${base}_one`)) offending.push(`${key}: no ${base}_one`);
      }
    }
    expect(offending).toEqual([]);
  });
});
