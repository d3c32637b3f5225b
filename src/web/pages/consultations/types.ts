// Shapes of the consultation (征求意见) API as this part of the web app uses them. The server's
// own types live in src/services; the web app only talks HTTP, so they are restated here.
import type { Span } from '../../types';

export type RecipientStatus = 'pending' | 'replied' | 'no_opinion' | 'late' | 'not_replied';
export const RECIPIENT_STATUSES: readonly RecipientStatus[] = ['replied', 'no_opinion', 'late', 'pending', 'not_replied'];

export type ConsultationStatus = 'open' | 'closed';

export type Disposition = 'adopted' | 'partly_adopted' | 'rejected';
export const DISPOSITIONS: readonly Disposition[] = ['adopted', 'partly_adopted', 'rejected'];

export type OpinionState = 'undecided' | 'decided' | Disposition;

export type SealAlgorithm = 'ed25519' | 'sm2';
export const SEAL_ALGORITHMS: readonly SealAlgorithm[] = ['ed25519', 'sm2'];

export interface Recipient {
  unitId: number;
  unitCode: string;
  unitName: string;
  status: RecipientStatus;
  /** The unit's current sealed reply, if any. */
  replyId: number | null;
  sealedAt: string | null;
}

export interface Consultation {
  id: number;
  planId: number;
  versionId: number;
  versionNumber: number;
  planTitle: string;
  title: string;
  /** YYYY-MM-DD; replies are due by the end of that day, China time. */
  deadline: string;
  contact: string;
  instructions: string;
  reminderDays: number;
  missingAsNoOpinion: boolean;
  closedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  status: ConsultationStatus;
  acceptingReplies: boolean;
  /** Every recipient for the office; only the unit's own entry for a unit. */
  recipients: Recipient[];
}

export interface OpenConsultationInput {
  deadline?: string;
  recipientUnitIds?: number[];
  contact?: string;
  instructions?: string;
  reminderDays?: number;
  missingAsNoOpinion?: boolean;
}

export interface OpinionInput {
  itemOrdinal: number;
  quote?: string;
  span?: Span;
  content: string;
  suggestion?: string;
  reason?: string;
}

export type ReplyInput = { noOpinion: true } | { opinions: OpinionInput[] };

export interface ReplyOpinion {
  id: number;
  itemOrdinal: number;
  quote: string | null;
  span: Span | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
  disposition: Disposition | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

export interface Reply {
  id: number;
  consultationId: number;
  unitId: number;
  unitName: string;
  status: 'draft' | 'sealed' | 'withdrawn';
  noOpinion: boolean;
  opinions: ReplyOpinion[];
  createdAt: string;
  updatedAt: string;
  sealedAt: string | null;
  sealedBy: { id: number; login: string; displayName: string } | null;
  algorithm: SealAlgorithm | null;
  keyId: string | null;
  signature: string | null;
  late: boolean;
  withdrawnAt: string | null;
}

export interface SealResult {
  algorithm: SealAlgorithm;
  algorithmLabel: string;
  keyId: string;
  signature: string;
  sealedAt: string;
  late: boolean;
}

export interface SealVerification {
  valid: boolean;
  replyId: number;
  algorithm: string | null;
  keyId: string | null;
  sealedAt: string | null;
  signatory: string | null;
  reason: 'not_sealed' | 'unknown_key' | 'key_of_other_unit' | 'signature_mismatch' | null;
}

export interface Opinion {
  id: number;
  replyId: number;
  unitId: number;
  unitName: string;
  itemOrdinal: number;
  quote: string | null;
  span: Span | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
  disposition: Disposition | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  late: boolean;
  sealedAt: string;
  /** Opinions with the same number are on the same item and read alike. */
  group: number;
}

export interface OpinionFilter {
  unitId?: number;
  itemOrdinal?: number;
  state?: OpinionState;
}

export interface DecisionInput {
  disposition: Disposition;
  reason?: string;
}

export interface ReminderResult {
  units: number[];
  emails: number;
}

export interface ConsultationStats {
  consulted: string[];
  replied: string[];
  noOpinion: string[];
  late: string[];
  notReplied: string[];
  treatMissingAsNoOpinion: boolean;
  opinions: number;
  adopted: number;
  partlyAdopted: number;
  rejected: number;
  undecided: number;
}

export interface Situation {
  stats: ConsultationStats;
  text: string;
}

export interface InlinePart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type ChangeKind = 'equal' | 'insert' | 'delete' | 'modify';

export interface RedlineChange {
  index: number;
  kind: ChangeKind;
  oldText: string | null;
  newText: string | null;
  oldSpan: Span | null;
  newSpan: Span | null;
  inline: InlinePart[] | null;
  key: string;
  movedWith?: number;
  opinionIds: number[];
}

export interface RedlineOpinion {
  id: number;
  unitName: string;
  itemOrdinal: number;
  content: string;
  quote: string | null;
  disposition: Disposition | null;
}

export interface Redline {
  planId: number;
  from: number;
  to: number;
  changes: RedlineChange[];
  stats: { inserted: number; deleted: number; modified: number; unchanged: number };
  opinions: RedlineOpinion[];
  adoptedWithoutChange: number[];
  quoteGone: number[];
  quoteMoved: { opinionId: number; span: Span }[];
}

export interface NewVersionResult {
  id: number;
  version: number;
  items: number;
  warnings: number;
}

export interface PublicNotice {
  consultationId: number;
  planTitle: string;
  title: string;
  deadline: string;
  publishedAt: string;
  /** 1, 2, …: a change after publishing is published again, and the page says which time. */
  publication: number;
  publications: { number: number; publishedAt: string }[];
  consulted: number;
  opinions: { item: string; unit: string; content: string; disposition: string; reason: string | null }[];
}
