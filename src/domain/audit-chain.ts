import { canonicalJson } from '../model/canonical-json.js';
import { sm3 } from '../model/sm3.js';

/**
 * The audit trail is a hash chain. Each event's hash covers its own fields, the digest of
 * its detail and the previous event's hash, so changing, inserting or removing any row
 * breaks every link after it. The hash is SM3 (GB/T 32905): the national standard that
 * government systems in China are assessed against (密评), as strong as SHA-256, and built
 * into Node's OpenSSL.
 */
export const GENESIS = '0'.repeat(64);

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
