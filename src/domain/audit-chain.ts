import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain. Each event's hash covers its own fields, the digest of
 * its detail and the previous event's hash, so changing, inserting or removing any row
 * breaks every link after it. The hash is SM3 (GB/T 32905): the national standard that
 * government systems in China are assessed against (密评), as strong as SHA-256, and built
 * into Node's OpenSSL.
 */
export const GENESIS = '0'.repeat(64);

export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainFields {
  seq: number;
  at: string;
  actorLogin: string;
  action: string;
  entity: string;
  entityId: string | null;
  digest: string;
  prevHash: string;
}

export function eventHash(e: ChainFields): string {
  return sm3(
    canonicalJson([e.seq, e.at, e.actorLogin, e.action, e.entity, e.entityId, e.digest, e.prevHash]),
  );
}

export interface StoredEvent extends ChainFields {
  detail: string;
  hash: string;
}

export type BrokenLink =
  | { seq: number; reason: 'sequence_gap'; expectedSeq: number }
  | { seq: number; reason: 'detail_changed' }
  | { seq: number; reason: 'prev_hash_mismatch' }
  | { seq: number; reason: 'hash_mismatch' }
  | { seq: number; reason: 'head_mismatch' };

export interface ChainVerifier {
  push(event: StoredEvent): BrokenLink | null;
  readonly checked: number;
  readonly lastHash: string;
  readonly lastSeq: number;
}

/** Checks events one by one, in seq order, so a long trail can be streamed. */
export function chainVerifier(): ChainVerifier {
  let prev = GENESIS;
  let expected = 1;
  let checked = 0;
  return {
    push(event) {
      if (event.seq !== expected) return { seq: event.seq, reason: 'sequence_gap', expectedSeq: expected };
      if (sm3(event.detail) !== event.digest) return { seq: event.seq, reason: 'detail_changed' };
      if (event.prevHash !== prev) return { seq: event.seq, reason: 'prev_hash_mismatch' };
      if (eventHash(event) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
      prev = event.hash;
      expected += 1;
      checked += 1;
      return null;
    },
    get checked() {
      return checked;
    },
    get lastHash() {
      return prev;
    },
    get lastSeq() {
      return expected - 1;
    },
  };
}
