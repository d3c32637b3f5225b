import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ISSUE_MESSAGES } from './error-catalogue.js';
import { NOTICE_CATALOGUE } from './notice-catalogue.js';
import { TODO_CATALOGUE } from './todo-catalogue.js';

/** CJK symbols and punctuation (、。《》) and full-width forms (：，（）；). */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
/** Chinese quoted in English: a mark right after a hanzi, or a mark named between spaces. */
const QUOTED_CHINESE = /[\u4e00-\u9fff][\u3000-\u303f\uff00-\uffef]| [\u3000-\u303f\uff00-\uffef] /g;

function englishOf(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') {
    if (/(^|\.)en(\.|$)/.test(path)) out.set(path, value);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) englishOf(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe('the server’s English messages (errors, notices, to-dos)', () => {
  it('use ASCII punctuation and no "(s)" plurals', () => {
    const english = new Map<string, string>();
    for (const [name, catalogue] of Object.entries({ ERROR_CATALOGUE, ISSUE_MESSAGES, NOTICE_CATALOGUE, TODO_CATALOGUE })) englishOf(catalogue, name, english);
    expect(english.size).toBeGreaterThan(100);
    const offending = [...english].filter(([, text]) => FULL_WIDTH.test(text.replace(QUOTED_CHINESE, '')) || /\(s\)/.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });
});
