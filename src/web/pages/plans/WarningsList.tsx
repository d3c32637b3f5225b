import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import zhCN from '../../i18n/zh-CN';
import type { PlanWarning } from '../../../contract/plans';
import { warningText } from './warning-text';

const TEXT_KEYS = Object.keys(zhCN.plan.warningText);

// The parser's warning codes that the catalogue names; an unknown (newer) code is shown as is.
const KNOWN_CODES = [
  'unit_corrected',
  'unit_unknown',
  'responsibility_missing',
  'responsibility_unclear',
  'responsibility_carried',
  'target_uncertain',
  'numbering_irregular',
  'title_missing',
  'no_structure',
  'responsibility_not_unit',
  'responsibility_reference_unresolved',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** The parser's notes; picking one shows its place in the text. */
export default function WarningsList({
  warnings,
  active,
  onPick,
  height,
}: {
  warnings: readonly PlanWarning[];
  active: number | null;
  onPick: (index: number) => void;
  height: string;
}) {
  const { t } = useTranslation();
  const render = (warning: PlanWarning): string => {
    const text = warningText(warning, TEXT_KEYS);
    if (!text) return warning.message;
    return t(`plan.warningText.${text.key}`, { ...text.params, ...(text.level && { level: t(`plan.warningLevels.${text.level}`) }) });
  };
  if (warnings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noWarnings')} style={{ paddingTop: 40 }} />;
  return (
    <div className="plan-structure" style={{ height, paddingTop: 8 }} data-testid="plan-warnings">
      {warnings.map((warning, index) => (
        <button
          type="button"
          key={index}
          className={`plan-warning-row${active === index ? ' plan-warning-active' : ''}`}
          onClick={() => onPick(index)}
          data-testid="plan-warning"
          data-span={`${warning.span[0]}-${warning.span[1]}`}
        >
          <Tag color={warning.code.startsWith('unit') ? 'orange' : 'gold'} style={{ marginBottom: 4 }}>
            {isKnown(warning.code) ? t(`plan.warningCodes.${warning.code}`) : warning.code}
          </Tag>
          <Typography.Text style={{ display: 'block' }}>{render(warning)}</Typography.Text>
        </button>
      ))}
    </div>
  );
}
