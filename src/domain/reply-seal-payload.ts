import { canonicalJson } from '../model/canonical-json.js';
import { fail } from './errors.js';
import type { AppError } from './errors.js';

/** Signature algorithms a unit key can use for sealing replies (ADR 0001). */
export const SEAL_ALGORITHMS = ['ed25519', 'sm2'] as const;
export type SealAlgorithm = (typeof SEAL_ALGORITHMS)[number];

export const SEAL_FORMAT = 'luoshi/reply-seal/1';

export function isSealAlgorithm(value: unknown): value is SealAlgorithm {
  return typeof value === 'string' && (SEAL_ALGORITHMS as readonly string[]).includes(value);
}

export interface SealedOpinion {
  /** Ordinal of the plan item the opinion is about. */
  itemOrdinal: number;
  quote: string | null;
  /** [start, end) offsets of the quoted passage in the consulted version's text. */
  span: [number, number] | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
}

export interface ReplySealInput {
  consultationId: number;
  versionId: number;
  unit: { id: number; code: string };
  noOpinion: boolean;
  opinions: SealedOpinion[];
  signatory: { id: number; login: string };
  /** `Date#toISOString()` form, e.g. 2021-07-20T02:15:00.000Z. */
  sealedAt: string;
  algorithm: SealAlgorithm;
  /** Fingerprint of the unit key that makes the seal. */
  keyId: string;
}

function bad(field: string): AppError {
  return fail('seal_payload_malformed', { field }, { field });
}

function id(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad(field);
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw bad(field);
  return value;
}

/** Nullable text; a missing value (undefined) counts as null so row mappers cannot drift. */
function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  return text(value, field);
}

function span(value: unknown, field: string): [number, number] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length !== 2) throw bad(field);
  const [start, end] = value as unknown[];
  if (typeof start !== 'number' || typeof end !== 'number') throw bad(field);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) throw bad(field);
  return [start, end];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The exact text a unit signs when it seals a reply: `canonicalJson` (keys sorted at every
 * depth, no whitespace) of
 *
 *   { algorithm, consultationId, keyId, noOpinion,
 *     opinions: [{ content, itemOrdinal, quote, reason, span, suggestion }],
 *     sealedAt, signatory: { id, login }, unit: { code, id }, versionId }
 *
 * The message that is signed is the UTF-8 encoding of this text.
 *
 * - Only the fields above are taken, so a caller may pass database rows with more columns.
 * - Missing nullable fields count as null.
 * - Opinions are sorted by item ordinal, then by their own canonical JSON. The seal covers
 *   the set of opinions, not the order in which a query happens to return them.
 * - Ids must be safe integers, spans [start, end] with 0 <= start <= end, and sealedAt must
 *   be in `Date#toISOString()` form. Otherwise this throws AppError('internal'): when checking
 *   a seal, treat that as "invalid", because the rows have been changed.
 */
export function sealPayload(input: ReplySealInput): string {
  const opinionsIn: unknown = input.opinions;
  if (!Array.isArray(opinionsIn)) throw bad('opinions');
  const opinions = (opinionsIn as SealedOpinion[]).map((o, i) => ({
    itemOrdinal: id(o.itemOrdinal, `opinions[${i}].itemOrdinal`),
    quote: optionalText(o.quote, `opinions[${i}].quote`),
    span: span(o.span, `opinions[${i}].span`),
    content: text(o.content, `opinions[${i}].content`),
    suggestion: optionalText(o.suggestion, `opinions[${i}].suggestion`),
    reason: optionalText(o.reason, `opinions[${i}].reason`),
  }));
  const keyed = opinions.map((o) => ({ o, key: canonicalJson(o) }));
  keyed.sort((a, b) =>
    a.o.itemOrdinal !== b.o.itemOrdinal
      ? a.o.itemOrdinal - b.o.itemOrdinal
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0,
  );

  if (typeof input.noOpinion !== 'boolean') throw bad('noOpinion');
  const sealedAt = text(input.sealedAt, 'sealedAt');
  const instant = ISO_INSTANT.test(sealedAt) ? new Date(sealedAt) : null;
  if (!instant || Number.isNaN(instant.getTime()) || instant.toISOString() !== sealedAt) throw bad('sealedAt');
  if (!isSealAlgorithm(input.algorithm)) throw bad('algorithm');
  const keyId = text(input.keyId, 'keyId');
  if (keyId.length === 0) throw bad('keyId');
  if (input.unit === null || typeof input.unit !== 'object') throw bad('unit');
  if (input.signatory === null || typeof input.signatory !== 'object') throw bad('signatory');

  return canonicalJson({
    // Names what is signed, so a unit key's signature over one kind of payload can never
    // pass for another (or for a later version of this format).
    format: SEAL_FORMAT,
    consultationId: id(input.consultationId, 'consultationId'),
    versionId: id(input.versionId, 'versionId'),
    unit: { id: id(input.unit.id, 'unit.id'), code: text(input.unit.code, 'unit.code') },
    noOpinion: input.noOpinion,
    opinions: keyed.map((k) => k.o),
    signatory: { id: id(input.signatory.id, 'signatory.id'), login: text(input.signatory.login, 'signatory.login') },
    sealedAt,
    algorithm: input.algorithm,
    keyId,
  });
}
