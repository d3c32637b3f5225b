/**
 * What the consultation's office documents (意见汇总表, 征求意见情况说明) are made from. The
 * writers in src/office/consultation-*.ts take these plain values and touch no database.
 */
import type { Disposition } from '../domain/consultation.js';

export type { Disposition };

/** One opinion, one line of the 意见汇总表. */
export interface SummaryRow {
  /** 序号, as the caller numbers the rows (usually 1, 2, 3 … in the order given). */
  seq: number;
  /** The unit's name as it should be printed, e.g. 省发展改革委. */
  unit: string;
  /** The item the opinion is on, e.g. "(二)推动城镇基本公共服务覆盖未落户常住人口". */
  clause: string;
  /** The passage the opinion quotes (原文), if it is anchored to one. */
  quote: string | null;
  opinion: string;
  /** 建议修改: the wording the unit suggests. */
  suggestion: string | null;
  /** 理由: the unit's own reason for its opinion. */
  unitReason?: string | null;
  /** An opinion (the default), or a line for a unit that replied 无意见 or did not reply in time (逾期未反馈). */
  kind?: 'opinion' | 'no_opinion' | 'missing';
  /** null while undecided (printed 未处理). */
  disposition: Disposition | null;
  /** The office's reason for its decision (处理理由). */
  reason: string | null;
}

export interface ReportMeta {
  planTitle: string;
  /** The office that signs the documents, e.g. 湖南省推进新型城镇化工作领导小组办公室. */
  issuer: string;
  /** YYYY-MM-DD, the last day for replies (China time). */
  deadline: string;
  /** ISO instant the report is made; its China-time day is the date printed on it. */
  generatedAt: string;
}

/**
 * Unit names by recipient status. The lists mirror RecipientStatus (domain/consultation.ts):
 * a consulted unit is in at most one of replied / noOpinion / late / notReplied, and a unit
 * in none of them is still pending (the deadline has not passed). `late` holds every unit
 * whose sealed reply came after the deadline, whether or not it had opinions.
 */
export interface ConsultationStats {
  consulted: string[];
  /** Replied on time with opinions. */
  replied: string[];
  /** Replied 无意见 on time. */
  noOpinion: string[];
  /** Replied after the deadline (逾期反馈). */
  late: string[];
  /** The deadline has passed with no sealed reply (逾期未反馈). */
  notReplied: string[];
  treatMissingAsNoOpinion: boolean;
  /** Opinions in total, and by decision; undecided ones are counted in `undecided`. */
  opinions: number;
  adopted: number;
  partlyAdopted: number;
  rejected: number;
  undecided: number;
}
