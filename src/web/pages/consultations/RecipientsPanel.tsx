import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendReminders, useVerifySeals } from './queries';
import { isSilent } from './recipient-summary';
import SealCheck from './SealCheck';
import { RecipientStatusTag } from './status';
import type { Consultation, Recipient, ReminderResult } from '../../../contract/consultations';
import { formatTime } from './ui';

/** Who was consulted, who has replied, and reminders (催办) for those who have not. */
export default function RecipientsPanel({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const remind = useSendReminders(consultation.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const replyIds = useMemo(
    () => consultation.recipients.flatMap((r) => (r.replyId === null ? [] : [r.replyId])),
    [consultation.recipients],
  );
  const checks = useVerifySeals(replyIds);
  const silent = consultation.recipients.filter((r) => isSilent(r.status));
  const closed = consultation.closedAt !== null;

  const send = (unitIds?: number[]) =>
    remind.mutate(unitIds, {
      onSuccess: (answer) => {
        setResult(answer);
        setSelected([]);
      },
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<Recipient> = [
    { title: t('recipients.unit'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('recipients.status'),
      key: 'status',
      width: 130,
      filters: (['replied', 'no_opinion', 'late', 'pending', 'not_replied'] as const).map((s) => ({ text: t(`recipientStatus.${s}`), value: s })),
      onFilter: (value, r) => r.status === value,
      render: (_, r) => <RecipientStatusTag status={r.status} />,
    },
    { title: t('recipients.sealedAt'), key: 'sealedAt', width: 170, render: (_, r) => formatTime(r.sealedAt) },
    {
      title: t('recipients.seal'),
      key: 'seal',
      width: 150,
      render: (_, r) => (r.replyId === null ? null : <SealCheck check={checks.get(r.replyId)} />),
    },
  ];

  return (
    <div data-testid="recipients">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('recipients.summary', { total: consultation.recipients.length, silent: silent.length })}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            icon={<BellOutlined />}
            disabled={!consultation.allowed.remind || selected.length === 0}
            loading={remind.isPending && remind.variables !== undefined}
            onClick={() => send(selected)}
            data-testid="remind-selected"
          >
            {t('recipients.remindSelected', { count: selected.length })}
          </Button>
          <Button
            type="primary"
            icon={<BellOutlined />}
            disabled={!consultation.allowed.remind || silent.length === 0}
            loading={remind.isPending && remind.variables === undefined}
            onClick={() => send()}
            data-testid="remind-all"
          >
            {t('recipients.remindAll', { count: silent.length })}
          </Button>
        </Flex>
      </Flex>
      {closed && <Alert type="info" showIcon title={t('recipients.closedHint')} style={{ marginBottom: 12 }} />}
      {result && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={
            result.units.length === 0
              ? t('recipients.remindedNone')
              : t('recipients.reminded', { count: result.units.length, emails: result.emails })
          }
          description={result.units.length > 0 && result.emails === 0 ? t('recipients.noEmail') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="remind-result"
        />
      )}
      <Table<Recipient>
        size="small"
        rowKey="unitId"
        columns={columns}
        dataSource={consultation.recipients}
        pagination={false}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (r) => ({ disabled: closed || !isSilent(r.status) }),
        }}
        data-testid="recipient-table"
      />
    </div>
  );
}
