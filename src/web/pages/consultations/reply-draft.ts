import type { Span } from '../../../contract/common';
import type { PlanItem } from '../../../contract/plans';
import type { OpinionInput, Reply, ReplyInput } from '../../../contract/consultations';

/** One opinion as the unit edits it; `key` only tells the cards apart on the page. */
export interface DraftOpinion {
  key: string;
  itemOrdinal: number | null;
  quote: string | null;
  span: Span | null;
  content: string;
  suggestion: string;
  reason: string;
}

export interface DraftState {
  noOpinion: boolean;
  opinions: DraftOpinion[];
}

export const EMPTY_DRAFT: DraftState = { noOpinion: false, opinions: [] };

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `o${counter}`;
}

export function blankOpinion(itemOrdinal: number | null, quote: { text: string; span: Span } | null = null): DraftOpinion {
  return {
    key: newKey(),
    itemOrdinal,
    quote: quote?.text ?? null,
    span: quote?.span ?? null,
    content: '',
    suggestion: '',
    reason: '',
  };
}

/** The editor's state for a saved reply (a draft to go on with, or a withdrawn one to start again from). */
export function draftFromReply(reply: Pick<Reply, 'noOpinion' | 'opinions'>): DraftState {
  return {
    noOpinion: reply.noOpinion,
    opinions: reply.opinions.map((o) => ({
      key: newKey(),
      itemOrdinal: o.itemOrdinal,
      quote: o.quote,
      span: o.span,
      content: o.content,
      suggestion: o.suggestion ?? '',
      reason: o.reason ?? '',
    })),
  };
}

/** What the server is sent: trimmed texts, empty optional fields left out. */
export function toReplyInput(state: DraftState): ReplyInput {
  if (state.noOpinion) return { noOpinion: true };
  return {
    opinions: state.opinions.map((o) => {
      const input: OpinionInput = { itemOrdinal: o.itemOrdinal ?? 0, content: o.content.trim() };
      if (o.quote && o.span) {
        input.quote = o.quote;
        input.span = o.span;
      }
      if (o.suggestion.trim()) input.suggestion = o.suggestion.trim();
      if (o.reason.trim()) input.reason = o.reason.trim();
      return input;
    }),
  };
}

/** Whether two states would save the same reply (the page keys are not content). */
export function sameReply(a: DraftState, b: DraftState): boolean {
  return JSON.stringify(toReplyInput(a)) === JSON.stringify(toReplyInput(b));
}

export type DraftProblem = { kind: 'empty' } | { kind: 'noItem'; index: number } | { kind: 'noContent'; index: number };

/** What keeps the draft from being saved; empty when it can be. */
export function draftProblems(state: DraftState): DraftProblem[] {
  if (state.noOpinion) return [];
  if (state.opinions.length === 0) return [{ kind: 'empty' }];
  const problems: DraftProblem[] = [];
  state.opinions.forEach((o, index) => {
    if (o.itemOrdinal === null) problems.push({ kind: 'noItem', index });
    if (!o.content.trim()) problems.push({ kind: 'noContent', index });
  });
  return problems;
}

/** The item an opinion is about, by ordinal. */
export function itemByOrdinal(items: readonly PlanItem[], ordinal: number | null): PlanItem | undefined {
  return ordinal === null ? undefined : items.find((item) => item.ordinal === ordinal);
}

/** How an item is named in lists: its number and title, e.g. (二)推动…. */
export function itemLabel(item: Pick<PlanItem, 'number' | 'title' | 'ordinal'>): string {
  return `${item.number || item.ordinal}${item.title}`;
}
