import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationStatus, Disposition, RecipientStatus } from '../../../contract/consultations';

/** Colours of the recipient statuses, shared by tags, the progress bar and its legend. */
export const STATUS_COLOURS: Record<RecipientStatus, string> = {
  replied: '#1d5bb8',
  no_opinion: '#52c41a',
  late: '#fa8c16',
  pending: '#bfbfbf',
  not_replied: '#f5222d',
};

const STATUS_TAG: Record<RecipientStatus, string> = {
  replied: 'blue',
  no_opinion: 'green',
  late: 'orange',
  pending: 'default',
  not_replied: 'red',
};

export function RecipientStatusTag({ status }: { status: RecipientStatus }) {
  const { t } = useTranslation('consultation');
  return (
    <Tag color={STATUS_TAG[status]} data-status={status} data-testid="recipient-status">
      {t(`recipientStatus.${status}`)}
    </Tag>
  );
}

export function ConsultationStatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation('consultation');
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} data-testid="consultation-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

const DISPOSITION_TAG: Record<Disposition, string> = { adopted: 'green', partly_adopted: 'gold', rejected: 'red' };

export function DispositionTag({ disposition }: { disposition: Disposition | null }) {
  const { t } = useTranslation('consultation');
  if (disposition === null) return <Tag data-testid="disposition">{t('disposition.undecided')}</Tag>;
  return (
    <Tag color={DISPOSITION_TAG[disposition]} data-testid="disposition" data-disposition={disposition}>
      {t(`disposition.${disposition}`)}
    </Tag>
  );
}
