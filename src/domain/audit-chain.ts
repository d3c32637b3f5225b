import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../model/canonical-json.js';
import { sm3 } from '../model/sm3.js';

/**
 * The audit trail is a hash chain. Each event's hash covers its own fields, the digest of
 * its detail and the previous event's hash, so changing, inserting or removing any row
 * breaks every link after it. The hash is SM3 (GB/T 32905): the national standard that
 * government systems in China are assessed against (密评), as strong as SHA-256, and built
 * into Node's OpenSSL.
 *
 * Keyed chain (migration 0006): a plain hash chain can be recomputed by anyone who can write
 * the database. From the key-epoch boundary on, each event's hash is an HMAC-SM3 under an
 * audit key that never enters the database (keyring.ts), over every column that matters —
 * including actor_id and the key id — and the head row carries a MAC of (seq, hash). Events
 * from before the boundary keep their unkeyed hashes; the first keyed event covers the last
 * of them through its prev_hash, so that prefix is fixed from the boundary on.
 */
export const GENESIS = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: string;
  /** Hashed in keyed events only (the legacy hash left it out). */
  actorId?: number | null;
  actorLogin: string;
  action: string;
  entity: string;
  entityId: string | null;
  digest: string;
  prevHash: string;
  /** The audit key of a keyed event; null or absent for events from before the chain was keyed. */
  keyId?: string | null;
}

/** The unkeyed hash of events written before the key-epoch boundary. */
export function eventHash(e: ChainFields): string {
  return sm3(
    canonicalJson([e.seq, e.at, e.actorLogin, e.action, e.entity, e.entityId, e.digest, e.prevHash]),
  );
}

function hmacSm3(key: Buffer, text: string): string {
  return createHmac('sm3', key).update(text, 'utf8').digest('hex');
}

/** The keyed hash: HMAC-SM3 over every column, tagged so it can never equal a legacy hash's input. */
export function keyedEventHash(e: ChainFields & { keyId: string }, key: Buffer): string {
  return hmacSm3(
    key,
    canonicalJson(['luoshi/audit-event/2', e.seq, e.at, e.actorId ?? null, e.actorLogin, e.action, e.entity, e.entityId, e.digest, e.prevHash, e.keyId]),
  );
}

/** The head's MAC: whoever lacks the key cannot move the head (cut events off the end) unnoticed. */
export function headMac(key: Buffer, seq: number, hash: string): string {
  return hmacSm3(key, canonicalJson(['luoshi/audit-head/2', seq, hash]));
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
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
  | { seq: number; reason: 'key_missing' }
  | { seq: number; reason: 'unknown_key'; keyId: string }
  | { seq: number; reason: 'head_mismatch' }
  | { seq: number; reason: 'head_mac_invalid' };

export interface VerifierKeys {
  /** Audit keys by id (all known, current and retired). */
  byId: Map<string, Buffer>;
  /** The first seq of the keyed epoch: from here on every event must be keyed. */
  keyedFromSeq: number;
}

export interface ChainVerifier {
  push(event: StoredEvent): BrokenLink | null;
  readonly checked: number;
  /** Events checked with a key, and by which key id. */
  readonly keyed: number;
  readonly keysUsed: ReadonlySet<string>;
  readonly lastHash: string;
  readonly lastSeq: number;
}

/** Checks events one by one, in seq order, so a long trail can be streamed. */
export function chainVerifier(keys: VerifierKeys = { byId: new Map(), keyedFromSeq: Number.POSITIVE_INFINITY }): ChainVerifier {
  let prev = GENESIS;
  let expected = 1;
  let checked = 0;
  let keyed = 0;
  const keysUsed = new Set<string>();
  return {
    push(event) {
      if (event.seq !== expected) return { seq: event.seq, reason: 'sequence_gap', expectedSeq: expected };
      if (sm3(event.detail) !== event.digest) return { seq: event.seq, reason: 'detail_changed' };
      if (event.prevHash !== prev) return { seq: event.seq, reason: 'prev_hash_mismatch' };
      const keyId = event.keyId ?? null;
      if (keyId === null) {
        if (event.seq >= keys.keyedFromSeq) return { seq: event.seq, reason: 'key_missing' };
        if (eventHash(event) !== event.hash) return { seq: event.seq, reason: 'hash_mismatch' };
      } else {
        const key = keys.byId.get(keyId);
        if (!key) return { seq: event.seq, reason: 'unknown_key', keyId };
        if (!sameHex(keyedEventHash({ ...event, keyId }, key), event.hash)) return { seq: event.seq, reason: 'hash_mismatch' };
        keyed += 1;
        keysUsed.add(keyId);
      }
      prev = event.hash;
      expected += 1;
      checked += 1;
      return null;
    },
    get checked() {
      return checked;
    },
    get keyed() {
      return keyed;
    },
    get keysUsed() {
      return keysUsed;
    },
    get lastHash() {
      return prev;
    },
    get lastSeq() {
      return expected - 1;
    },
  };
}
