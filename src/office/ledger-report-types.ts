import type { Light } from '../domain/lights.js';

/**
 * What the ledger's printed documents are made of: plain data gathered by the services
 * (services/export-ledger.ts, services/round-bulletin.ts) and turned into files here, with no
 * database and no clock.
 */

/** The 任务台账 (one row per task), as a clerk prints it. */
export interface LedgerSheet {
  planTitle: string;
  /** The office that keeps the ledger. */
  issuer: string;
  /** When it was made (ISO instant): the lights and percents are as of then. */
  generatedAt: string;
  /** The filters of the list it was exported from, in words (empty when unfiltered). */
  filters: string[];
  rows: LedgerSheetRow[];
}

export interface LedgerSheetIndicator {
  subject: string;
  unit: string;
  comparator: string | null;
  target: number | null;
  actual: number | null;
}

export interface LedgerSheetRow {
  seq: number;
  /** 一、推进农业转移人口市民化 */
  section: string;
  /** （十五）加快推进城镇老旧小区改造 */
  item: string;
  text: string;
  lead: string;
  cooperating: string[];
  localities: string[];
  indicators: LedgerSheetIndicator[];
  dueDate: string;
  /** The latest sealed report of the lead unit the reader may read, with its round. */
  progress: { round: string; text: string } | null;
  percent: number | null;
  light: Light;
  lightReason: string;
  status: 'open' | 'closed';
}

/** A round's 通报 (circular on how the round went). */
export interface RoundBulletin {
  planTitle: string;
  roundTitle: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  issuer: string;
  generatedAt: string;
  /** The instant the lights are taken at: the round's due date, or now while it is still open. */
  lightsAsOf: string;
  overall: {
    tasks: number;
    closed: number;
    percent: number | null;
    lights: Record<Light, number>;
    expected: number;
    submitted: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
    accepted: number;
    returned: number;
  };
  sections: { title: string; tasks: number; closed: number; percent: number | null; lights: Record<Light, number> }[];
  red: BulletinTask[];
  yellow: BulletinTask[];
  /** Units that reported late or not at all, with the tasks concerned. */
  late: { unit: string; tasks: string[] }[];
  missing: { unit: string; tasks: string[] }[];
  goodPractice: { unit: string; task: string; quote: string }[];
}

export interface BulletinTask {
  task: string;
  lead: string;
  percent: number | null;
  reason: string;
}
