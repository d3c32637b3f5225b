import { Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { answered, type StatusCounts } from './recipient-summary';
import { STATUS_COLOURS } from './status';
import { RECIPIENT_STATUSES } from '../../../contract/enums';

/**
 * The recipients' statuses as one stacked bar (replied, no opinion, late, pending, not
 * replied), with the share that has replied; `legend` adds the counts underneath.
 */
export default function StatusBar({ counts, legend = false, height = 8 }: { counts: StatusCounts; legend?: boolean; height?: number }) {
  const { t } = useTranslation('consultation');
  const total = RECIPIENT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return (
    <div data-testid="status-bar">
      <Flex align="center" gap={8}>
        <div className="consult-status-bar" style={{ height }} role="img" aria-label={t('list.progressLabel', { answered: answered(counts), total })}>
          {total > 0 &&
            RECIPIENT_STATUSES.filter((status) => counts[status] > 0).map((status) => (
              <Tooltip key={status} title={t('list.statusTip', { status: t(`recipientStatus.${status}`), count: counts[status] })}>
                <span style={{ width: `${(counts[status] / total) * 100}%`, background: STATUS_COLOURS[status] }} />
              </Tooltip>
            ))}
        </div>
        <span className="consult-status-bar-figure">
          {answered(counts)}/{total}
        </span>
      </Flex>
      {legend && (
        <Flex gap={16} wrap style={{ marginTop: 8 }}>
          {RECIPIENT_STATUSES.map((status) => (
            <span key={status} className="consult-legend" data-testid={`count-${status}`}>
              <i style={{ background: STATUS_COLOURS[status] }} />
              {t(`recipientStatus.${status}`)} <strong>{counts[status]}</strong>
            </span>
          ))}
        </Flex>
      )}
    </div>
  );
}
