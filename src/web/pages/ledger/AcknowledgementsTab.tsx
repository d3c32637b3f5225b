import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { tasksLink } from './ledger-view';
import { counted, testId, useUnitNames } from './ledger-ui';
import { usePendingAcknowledgements, useRemind } from './queries';
import type { PendingAcknowledgements } from './queries';

type Pending = PendingAcknowledgements['pending'][number];

/**
 * 签收: the units that have not acknowledged all their tasks, each linking to those tasks, and
 * 催办 — a reminder in the app (and by e-mail where the server sends mail) to the chosen units or all.
 */
export default function AcknowledgementsTab({ planId }: { planId: number }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const pending = usePendingAcknowledgements(planId, true);
  const remind = useRemind(planId);
  const unitName = useUnitNames();
  const [selected, setSelected] = useState<number[]>([]);
  if (pending.error) return <Alert type="error" showIcon title={pending.error.message} />;
  if (!pending.data) return <Skeleton active />;
  const rows = [...pending.data.pending].sort((a, b) => b.taskIds.length - a.taskIds.length);
  const tasks = rows.reduce((sum, r) => sum + r.taskIds.length, 0);
  const send = (unitIds: number[] | undefined) =>
    remind.mutate(unitIds, {
      onSuccess: (r) => {
        void message.success(t('acks.reminded', { count: r.reminded, emailed: r.emailed }));
        setSelected([]);
      },
      onError: (e) => void message.error(e.message),
    });
  return (
    <Card
      size="small"
      title={counted(t('acks.title'), rows.length)}
      data-testid="acknowledgements"
      extra={
        rows.length > 0 && (
          <Flex gap={8} wrap>
            <Button disabled={selected.length === 0} loading={remind.isPending && remind.variables !== undefined} onClick={() => send(selected)} icon={<BellOutlined />} {...testId('remind-selected')}>
              {t('acks.remindSelected', { count: selected.length })}
            </Button>
            <Button type="primary" loading={remind.isPending && remind.variables === undefined} onClick={() => send(undefined)} icon={<BellOutlined />} {...testId('remind-all')}>
              {t('acks.remindAll')}
            </Button>
          </Flex>
        )
      }
    >
      {rows.length === 0 ? (
        <Empty description={t('acks.none')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('acks.summary', { units: rows.length, tasks })}</Typography.Paragraph>
          <div className="ledger-table-box">
            <Table<Pending>
              size="small"
              rowKey="unitId"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), columnWidth: 36 }}
              data-testid="pending-acks"
              columns={[
                { title: t('acks.unit'), render: (_, r) => <Link to={tasksLink(planId, { unitId: r.unitId, ack: 'no' })}>{unitName(r.unitId)}</Link> },
                {
                  title: t('acks.tasks'),
                  width: 120,
                  render: (_, r) => (
                    <Link to={tasksLink(planId, { unitId: r.unitId, ack: 'no' })} data-testid={`pending-${r.unitId}`}>
                      {r.taskIds.length}
                    </Link>
                  ),
                },
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
