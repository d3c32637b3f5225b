import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../model/canonical-json.js';
import { sm3 } from '../model/sm3.js';
import { GENESIS, chainVerifier, eventHash } from './audit-chain.js';
import type { StoredEvent } from './audit-chain.js';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const detail = canonicalJson({ n: seq, name: `单位${seq}` });
    const fields = {
      seq,
      at: new Date(Date.UTC(2021, 6, 15, 0, 0, seq)).toISOString(),
      actorLogin: 'admin',
      action: 'unit.update',
      entity: 'unit',
      entityId: String(seq),
      digest: sm3(detail),
      prevHash: prev,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, detail, hash });
    prev = hash;
  }
  return events;
}

function verify(events: StoredEvent[]) {
  const v = chainVerifier();
  for (const e of events) {
    const broken = v.push(e);
    if (broken) return broken;
  }
  return null;
}

describe('audit chain', () => {
  it('uses SM3 (standard test vector for "abc")', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('serialises objects canonically regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('accepts an untouched chain', () => {
    expect(verify(chain(20))).toBeNull();
  });

  it('names the first broken link when a detail is changed', () => {
    const events = chain(10);
    events[4] = { ...events[4]!, detail: canonicalJson({ n: 5, name: '篡改' }) };
    expect(verify(events)).toEqual({ seq: 5, reason: 'detail_changed' });
  });

  it('names the link whose fields were changed even when its digest was recomputed', () => {
    const events = chain(10);
    events[2] = { ...events[2]!, actorLogin: 'mallory' };
    expect(verify(events)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('detects a removed event', () => {
    const events = chain(10);
    events.splice(6, 1);
    expect(verify(events)).toEqual({ seq: 8, reason: 'sequence_gap', expectedSeq: 7 });
  });

  it('detects a rewritten event whose own hash was recomputed', () => {
    const events = chain(10);
    const forged = { ...events[3]!, action: 'unit.delete' };
    events[3] = { ...forged, hash: eventHash(forged) };
    expect(verify(events)).toEqual({ seq: 5, reason: 'prev_hash_mismatch' });
  });

  it('breaks on any single-field change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.string({ minLength: 1 }), (index, value) => {
        const events = chain(8);
        const original = events[index]!;
        fc.pre(original.entityId !== value);
        events[index] = { ...original, entityId: value };
        expect(verify(events)?.seq).toBe(index + 1);
      }),
    );
  });
});
