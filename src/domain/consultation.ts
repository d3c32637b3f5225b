/**
 * The rules of a consultation (征求意见), as pure functions of its rows and the clock: no
 * state here is stored that could be derived, so nothing depends on a job running on time.
 */
export type RecipientStatus = 'pending' | 'replied' | 'no_opinion' | 'late' | 'not_replied';
export type ConsultationStatus = 'open' | 'closed';
export type Disposition = 'adopted' | 'partly_adopted' | 'rejected';
export const DISPOSITIONS: readonly Disposition[] = ['adopted', 'partly_adopted', 'rejected'];

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET = '+08:00';

/** Replies are due by the end of the deadline day, China time. */
export function deadlineInstant(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999${CHINA_OFFSET}`);
}

/** The calendar day (YYYY-MM-DD) of an instant, China time. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function isPastDeadline(deadline: string, now: Date): boolean {
  return now.getTime() > deadlineInstant(deadline).getTime();
}

export interface ConsultationState {
  deadline: string;
  closedAt: string | null;
}

/** Open until the deadline passes or the office closes it by hand. */
export function consultationStatus(c: ConsultationState, now: Date): ConsultationStatus {
  return c.closedAt !== null || isPastDeadline(c.deadline, now) ? 'closed' : 'open';
}

/**
 * Replies are still taken after the deadline (and marked 逾期) until the office closes the
 * consultation by hand: a late opinion is still an opinion.
 */
export function acceptsReplies(c: ConsultationState): boolean {
  return c.closedAt === null;
}

/** A sealed reply can be withdrawn (and replaced) only before the deadline and while open. */
export function canWithdraw(c: ConsultationState, now: Date): boolean {
  return c.closedAt === null && !isPastDeadline(c.deadline, now);
}

export interface SealedReplyFacts {
  noOpinion: boolean;
  sealedAt: string;
}

export function isLate(deadline: string, sealedAt: string): boolean {
  return new Date(sealedAt).getTime() > deadlineInstant(deadline).getTime();
}

/** A recipient unit's status from its current sealed reply (if any), the deadline and the clock. */
export function recipientStatus(deadline: string, sealed: SealedReplyFacts | null, now: Date): RecipientStatus {
  if (sealed) {
    if (isLate(deadline, sealed.sealedAt)) return 'late';
    return sealed.noOpinion ? 'no_opinion' : 'replied';
  }
  return isPastDeadline(deadline, now) ? 'not_replied' : 'pending';
}

/** A decision needs a reason unless the opinion is adopted as it stands. */
export function decisionNeedsReason(disposition: Disposition): boolean {
  return disposition !== 'adopted';
}

/** Character bigrams: Chinese has no spaces, so words are out of reach; bigrams are close enough. */
function bigrams(text: string): Set<string> {
  const clean = text.replace(/[\s\p{P}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) out.add(clean.slice(i, i + 2));
  if (clean.length === 1) out.add(clean);
  return out;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * Groups similar opinions on the same item (Jaccard similarity of character bigrams ≥ the
 * threshold, joined transitively). Returns a group number per opinion id; opinions alone
 * in their group get their own number too.
 */
export function groupSimilar(
  opinions: readonly { id: number; itemOrdinal: number; content: string }[],
  threshold = 0.35,
): Map<number, number> {
  const parent = new Map<number, number>(opinions.map((o) => [o.id, o.id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const byItem = new Map<number, typeof opinions>();
  for (const o of opinions) byItem.set(o.itemOrdinal, [...(byItem.get(o.itemOrdinal) ?? []), o]);
  for (const list of byItem.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (similarity(list[i]!.content, list[j]!.content) >= threshold) parent.set(find(list[j]!.id), find(list[i]!.id));
      }
    }
  }
  const numbers = new Map<number, number>();
  const out = new Map<number, number>();
  for (const o of opinions) {
    const root = find(o.id);
    if (!numbers.has(root)) numbers.set(root, numbers.size + 1);
    out.set(o.id, numbers.get(root)!);
  }
  return out;
}
