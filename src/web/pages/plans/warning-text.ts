import type { Catalogue } from '../../i18n/zh-CN';
import type { PlanWarning } from '../../../contract/plans';

export type WarningTextKey = keyof Catalogue['plan']['warningText'];
export type WarningLevel = keyof Catalogue['plan']['warningLevels'];

export interface WarningText {
  /** Entry under `plan.warningText`: the code, or `code_variant` for a variant of it. */
  key: WarningTextKey;
  params: Record<string, string | number>;
  /** The document's level, to be named in the reader's language (`plan.warningLevels`). */
  level: WarningLevel | null;
}

function isKey(key: string, keys: readonly string[]): key is WarningTextKey {
  return keys.includes(key);
}

/**
 * Which catalogue entry renders a parser warning in the reader's language, from its code and
 * parameters (the same variants as the parser's own zh-CN rendering: a `reason` parameter, or a
 * target's known subject). Null for warnings stored before they had parameters and for codes
 * this app does not know: those are shown as the parser wrote them.
 */
export function warningText(warning: Pick<PlanWarning, 'code' | 'params'>, keys: readonly string[]): WarningText | null {
  const params = warning.params;
  if (!params) return null;
  const variant =
    typeof params.reason === 'string' ? params.reason : warning.code === 'target_uncertain' && params.subject !== undefined ? 'subject' : '';
  const key = variant ? `${warning.code}_${variant}` : warning.code;
  if (!isKey(key, keys)) return null;
  const level = params.level;
  const levels: readonly string[] = ['national', 'province', 'prefecture', 'county'] satisfies WarningLevel[];
  return { key, params, level: typeof level === 'string' && levels.includes(level) ? (level as WarningLevel) : null };
}
