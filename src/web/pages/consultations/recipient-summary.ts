import type { Recipient, RecipientStatus } from '../../../contract/consultations';

export type StatusCounts = Record<RecipientStatus, number>;

export function countStatuses(recipients: readonly Pick<Recipient, 'status'>[]): StatusCounts {
  const counts: StatusCounts = { pending: 0, replied: 0, no_opinion: 0, late: 0, not_replied: 0 };
  for (const r of recipients) counts[r.status]++;
  return counts;
}

/** Units that have sent a sealed reply, on time or late. */
export function answered(counts: StatusCounts): number {
  return counts.replied + counts.no_opinion + counts.late;
}

/** Share of recipients that have replied, as a whole percentage (0 when there are none). */
export function replyPercent(counts: StatusCounts): number {
  const total = counts.pending + counts.replied + counts.no_opinion + counts.late + counts.not_replied;
  return total === 0 ? 0 : Math.round((answered(counts) / total) * 100);
}

/** Units that may still be reminded: no sealed reply yet, whether or not the deadline has passed. */
export function isSilent(status: RecipientStatus): boolean {
  return status === 'pending' || status === 'not_replied';
}
