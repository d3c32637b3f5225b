import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import zhCN from '../../i18n/zh-CN';
import type { PlanItem, PlanWarning } from '../../../contract/plans';
import { formatTime } from '../consultations/ui';
import { filterWarnings, warningCounts } from './warning-review';
import type { WarningFilter } from './warning-review';
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

/** Where a warning is about: its item (a link that shows the item) or the whole document. */
function ItemLink({ item, onPickItem }: { item: PlanItem | undefined; onPickItem: (ordinal: number) => void }) {
  const { t } = useTranslation();
  if (!item) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('plan.warningReview.wholeDocument')}
      </Typography.Text>
    );
  }
  const title = item.title.length > 18 ? `${item.title.slice(0, 18)}…` : item.title;
  return (
    <Typography.Link
      style={{ fontSize: 12 }}
      onClick={(event) => {
        event.stopPropagation();
        onPickItem(item.ordinal);
      }}
      data-testid="warning-item"
    >
      {t('plan.warningReview.item', { number: item.number, title: ` ${title}` })}
    </Typography.Link>
  );
}

/**
 * The parser's notes: picking one shows its place in the text; each names its item, and an
 * office user who may correct the plan marks it as checked (or takes the mark back).
 */
export default function WarningsList({
  warnings,
  items,
  active,
  onPick,
  onPickItem,
  canCheck,
  checking,
  onCheck,
  height,
}: {
  warnings: readonly PlanWarning[];
  items: readonly PlanItem[];
  active: number | null;
  onPick: (index: number) => void;
  onPickItem: (ordinal: number) => void;
  /** From the API: the user may mark warnings as checked. */
  canCheck: boolean;
  /** The key of the warning whose mark is being saved. */
  checking: string | null;
  onCheck: (key: string, checked: boolean) => void;
  height: string;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<WarningFilter>('all');
  const itemsByOrdinal = useMemo(() => new Map(items.map((item) => [item.ordinal, item])), [items]);
  const render = (warning: PlanWarning): string => {
    const text = warningText(warning, TEXT_KEYS);
    if (!text) return warning.message;
    return t(`plan.warningText.${text.key}`, { ...text.params, ...(text.level && { level: t(`plan.warningLevels.${text.level}`) }) });
  };
  if (warnings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noWarnings')} style={{ paddingTop: 40 }} />;
  const counts = warningCounts(warnings);
  const shown = filterWarnings(warnings, filter);
  return (
    <div className="plan-structure" style={{ height, paddingTop: 8 }} data-testid="plan-warnings">
      <Flex justify="space-between" align="center" gap={8} wrap className="plan-warning-bar">
        <Typography.Text data-testid="warning-summary">{t('plan.warningReview.summary', { count: counts.total, checked: counts.checked })}</Typography.Text>
        <Segmented<WarningFilter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('plan.warningReview.all') },
            { value: 'unchecked', label: `${t('plan.warningReview.unchecked')} ${counts.total - counts.checked}` },
          ]}
          data-testid="warning-filter"
        />
      </Flex>
      {shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.warningReview.allChecked')} />}
      {shown.map(({ warning, index }) => (
        <div
          key={warning.key}
          className={`plan-warning-row${active === index ? ' plan-warning-active' : ''}${warning.checked ? ' plan-warning-checked' : ''}`}
          data-testid="plan-warning"
          data-key={warning.key}
          data-checked={warning.checked ? 'true' : 'false'}
          data-span={`${warning.span[0]}-${warning.span[1]}`}
        >
          <button type="button" className="plan-warning-pick" onClick={() => onPick(index)} data-testid="plan-warning-pick">
            <Tag color={warning.checked ? 'default' : warning.code.startsWith('unit') ? 'orange' : 'gold'} style={{ marginBottom: 4 }}>
              {isKnown(warning.code) ? t(`plan.warningCodes.${warning.code}`) : warning.code}
            </Tag>
            <Typography.Text style={{ display: 'block' }} type={warning.checked ? 'secondary' : undefined}>
              {render(warning)}
            </Typography.Text>
          </button>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4 }}>
            <ItemLink item={warning.itemOrdinal === null ? undefined : itemsByOrdinal.get(warning.itemOrdinal)} onPickItem={onPickItem} />
            <Flex align="center" gap={4} wrap>
              {warning.checked && (
                <Tooltip title={t('plan.warningReview.checkedBy', { by: warning.checked.by ?? t('plan.warningReview.someone'), at: formatTime(warning.checked.at) })}>
                  <Tag color="green" icon={<CheckCircleOutlined />} data-testid="warning-checked">
                    {t('plan.warningReview.checkedTag')} · {warning.checked.by ?? t('plan.warningReview.someone')} · {formatTime(warning.checked.at)}
                  </Tag>
                </Tooltip>
              )}
              {canCheck && (
                <Button
                  size="small"
                  type={warning.checked ? 'link' : 'default'}
                  loading={checking === warning.key}
                  onClick={() => onCheck(warning.key, !warning.checked)}
                  data-testid={warning.checked ? 'warning-uncheck' : 'warning-check'}
                >
                  {warning.checked ? t('plan.warningReview.uncheck') : t('plan.warningReview.check')}
                </Button>
              )}
            </Flex>
          </Flex>
        </div>
      ))}
    </div>
  );
}
