import { deadlineInstant } from './consultation.js';
import type { LocalisedMessage } from './errors.js';

/**
 * Traffic lights (红黄绿灯): computed from a task's rows and an instant, never typed in.
 *
 * Expected progress is the share of the task's time elapsed, from its publication to the
 * end of its due date (China time), in percent. "Behind" is expected minus the reported
 * percent, rounded to whole points — the same number the reason shows, so a light and its
 * words never disagree at a boundary. The rules, first match wins:
 *
 *   closed (销号) ............................................ green  closed
 *   an office override still in force ......................... its light  override
 *   past the due date and below 100% .......................... red    overdue
 *   `missingForRed` or more due reports missing ............... red    missing_reports
 *   behind > `redBehind` points ............................... red    behind
 *   behind > `yellowBehind` points ............................ yellow behind
 *   the last due report missing ............................... yellow last_missing
 *   the last due report late .................................. yellow last_late
 *   otherwise ................................................. green  on_track
 *
 * A red light turns back only when its cause is gone (the report arrives, progress catches
 * up, the task is closed), because nothing is stored: the next evaluation simply finds no
 * cause. A report is missing while it has never been submitted and its round's due date
 * has passed; it is late when first submitted after that date. A round is due from the last
 * instant of its due date inclusive (23:59:59.999 China time), so the light as of that
 * instant — the round's entry in the light history — includes the reports due in it.
 */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

export interface LightRules {
  /** Points behind schedule tolerated while green (default 10). */
  yellowBehind: number;
  /** Points behind beyond which the light is red (default 25). */
  redBehind: number;
  /** Due reports missing that make a task red (default 2). */
  missingForRed: number;
}

export const DEFAULT_LIGHT_RULES: LightRules = { yellowBehind: 10, redBehind: 25, missingForRed: 2 };

export interface RoundFacts {
  roundId: number;
  title: string;
  /** YYYY-MM-DD: due by the end of that day, China time. */
  dueDate: string;
  /** When the report was first submitted (ISO), or null if never. */
  firstSubmittedAt: string | null;
}

export interface LightInput {
  /** ISO instant the task was published. */
  publishedAt: string;
  /** YYYY-MM-DD */
  dueDate: string;
  /** ISO instant of 销号, or null while open. */
  closedAt: string | null;
  /** The lead unit's latest accepted percent as it stood at the instant (by first submission), or null. */
  percent: number | null;
  /** The rounds that apply to the task (any order); those not yet due are ignored. */
  rounds: RoundFacts[];
  /** The office's override still in force at the instant, if any. */
  override: { light: Light; reason: string } | null;
}

export type LightReasonCode = 'closed' | 'override' | 'overdue' | 'missing_reports' | 'behind' | 'last_missing' | 'last_late' | 'on_track';

export interface LightReason {
  code: LightReasonCode;
  params: Record<string, string | number>;
}

export interface LightResult {
  light: Light;
  reason: LightReason;
  /** Expected percent as of the instant (0–100, whole points). */
  expected: number;
  /** Points behind expected (negative when ahead). */
  behind: number;
}

/** Expected progress: the share of the time from publication to the end of the due date. */
const dueCache = new Map<string, number>();

/** The end of a due day (China time) in epoch milliseconds; memoised, since the same few dates recur thousands of times. */
export function dueMs(date: string): number {
  let ms = dueCache.get(date);
  if (ms === undefined) {
    ms = deadlineInstant(date).getTime();
    if (dueCache.size > 10_000) dueCache.clear();
    dueCache.set(date, ms);
  }
  return ms;
}

export function expectedPercent(publishedAt: string, dueDate: string, at: Date): number {
  const start = Date.parse(publishedAt);
  const end = dueMs(dueDate) + 1;
  if (end <= start) return 100;
  const share = (at.getTime() - start) / (end - start);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

export function computeLight(input: LightInput, at: Date, rules: LightRules = DEFAULT_LIGHT_RULES): LightResult {
  const expected = expectedPercent(input.publishedAt, input.dueDate, at);
  const percent = input.percent ?? 0;
  const behind = Math.round(expected - percent);
  const result = (light: Light, code: LightReasonCode, params: LightReason['params'] = {}): LightResult => ({
    light,
    reason: { code, params },
    expected,
    behind,
  });

  const now = at.getTime();
  if (input.closedAt !== null && Date.parse(input.closedAt) <= now) return result('green', 'closed');
  if (input.override) return result(input.override.light, 'override', { reason: input.override.reason });
  if (now > dueMs(input.dueDate) && percent < 100) {
    return result('red', 'overdue', { dueDate: input.dueDate, percent });
  }
  // A round counts from the end of its due date, inclusive: a round's own light (taken at
  // exactly that instant) reflects the reports due in it.
  const due = input.rounds
    .filter((r) => dueMs(r.dueDate) <= now)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.roundId - b.roundId));
  const missing = due.filter((r) => r.firstSubmittedAt === null || Date.parse(r.firstSubmittedAt) > now);
  if (missing.length >= rules.missingForRed) {
    return result('red', 'missing_reports', { count: missing.length, rounds: missing.map((r) => r.title).join('、') });
  }
  if (behind > rules.redBehind) return result('red', 'behind', { points: behind });
  if (behind > rules.yellowBehind) return result('yellow', 'behind', { points: behind });
  const last = due.at(-1);
  if (last) {
    if (missing.includes(last)) return result('yellow', 'last_missing', { round: last.title });
    if (last.firstSubmittedAt !== null && Date.parse(last.firstSubmittedAt) > dueMs(last.dueDate)) {
      return result('yellow', 'last_late', { round: last.title });
    }
  }
  return result('green', 'on_track', { points: behind });
}

/** An override lasts until the next round falls due after it was made (lapsing at the end of that due date, so that round's own light is computed). */
export function overrideInForce(createdAt: string, roundDueDates: string[], at: Date): boolean {
  const made = Date.parse(createdAt);
  if (made > at.getTime()) return false;
  return !roundDueDates.some((d) => {
    const due = dueMs(d);
    return due > made && due <= at.getTime();
  });
}

/**
 * Whether a task owes reports in a round falling due on `dueDate`: it was published before
 * the end of that day (China time) and was not closed (销号) by then. A task closed before or
 * on the due date owes nothing in that round; one closed later still owed it (and its report
 * may be missing). Every place that decides who owes what in a round — the round's page and
 * counts, lights and their history, the 通报, a unit's to-dos, the overview's SQL (which
 * mirrors this test in `unitAggregates`/`lateList`) — goes through this rule.
 */
export function taskDueInRound(task: { publishedAt: string; closedAt: string | null }, dueDate: string): boolean {
  const due = dueMs(dueDate);
  return Date.parse(task.publishedAt) < due && (task.closedAt === null || Date.parse(task.closedAt) > due);
}

/** When a task is considered 'late' for a report in a round (the report was first sent after the due date). */
export function isReportLate(dueDate: string, firstSubmittedAt: string): boolean {
  return Date.parse(firstSubmittedAt) > dueMs(dueDate);
}

/** A report's standing in its round as the office sees it: derived, never stored. */
export type ReportTimeliness = 'pending' | 'on_time' | 'late' | 'missing';

export function reportTimeliness(dueDate: string, firstSubmittedAt: string | null, at: Date): ReportTimeliness {
  if (firstSubmittedAt !== null) return isReportLate(dueDate, firstSubmittedAt) ? 'late' : 'on_time';
  return at.getTime() > dueMs(dueDate) ? 'missing' : 'pending';
}

function fill(template: string, params: LightReason['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const REASON_TEXT: Record<LightReasonCode, LocalisedMessage> = {
  closed: { zh: '已销号', en: 'Closed' },
  override: { zh: '办公室调整：{reason}', en: 'Set by the office: {reason}' },
  overdue: { zh: '已过完成时限（{dueDate}）仍未完成，进度 {percent}%', en: 'Past its due date ({dueDate}) and unfinished at {percent}%' },
  missing_reports: { zh: '{count} 次调度未报送（{rounds}）', en: '{count} reports missing ({rounds})' },
  behind: { zh: '落后进度 {points} 个百分点', en: '{points} points behind schedule' },
  last_missing: { zh: '{round}未报送', en: 'No report for {round}' },
  last_late: { zh: '{round}逾期报送', en: 'Late report for {round}' },
  on_track: { zh: '进度正常', en: 'On schedule' },
};

/** The reason in words, in both languages. */
export function describeLightReason(reason: LightReason): LocalisedMessage {
  const text = REASON_TEXT[reason.code];
  return { zh: fill(text.zh, reason.params), en: fill(text.en, reason.params) };
}

/** Thresholds from a plan's stored JSON, falling back to the defaults field by field. */
export function parseLightRules(json: string | null): LightRules {
  if (!json) return DEFAULT_LIGHT_RULES;
  try {
    const raw = JSON.parse(json) as Partial<Record<keyof LightRules, unknown>>;
    const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
    return {
      yellowBehind: num(raw.yellowBehind, DEFAULT_LIGHT_RULES.yellowBehind),
      redBehind: num(raw.redBehind, DEFAULT_LIGHT_RULES.redBehind),
      missingForRed: num(raw.missingForRed, DEFAULT_LIGHT_RULES.missingForRed),
    };
  } catch {
    return DEFAULT_LIGHT_RULES;
  }
}
