import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CELL_COLOR } from './ledger-view';
import { counted, LightTag, NoticeLines, PercentBar } from './ledger-ui';
import { useMyLedger } from './queries';
import type { UnitLedger } from './queries';

type DueRow = UnitLedger['reportsDue'][number];

function dueState(r: DueRow): keyof typeof CELL_COLOR {
  if (r.timeliness === 'missing' && (r.status === 'none' || r.status === 'draft')) return 'missing';
  return r.status === 'none' ? 'pending' : r.status;
}

/** A unit's own view: its tasks, the reports it owes (returned ones first in mind) and its notices. */
export default function MineTab({ planId }: { planId: number }) {
  const { t } = useTranslation('ledger');
  const mine = useMyLedger(planId, true);
  if (mine.error) return <Alert type="error" showIcon title={mine.error.message} />;
  const m = mine.data;
  if (!m) return <Skeleton active />;
  if (m.tasks.length === 0 && m.reportsDue.length === 0) return <Empty description={t('mine.officeHint')} />;
  return (
    <Flex vertical gap={12} data-testid="my-ledger">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={counted(t('mine.reportsDue'), m.reportsDue.length)} data-testid="reports-due">
            {m.reportsDue.length === 0 ? (
              <Typography.Text type="secondary">{t('mine.nothingDue')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={m.reportsDue}
                renderItem={(r) => (
                  <List.Item extra={<Link to={`/rounds/${r.roundId}/tasks/${r.taskId}`}>{t('mine.write')}</Link>}>
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <span>
                        <Tag color={CELL_COLOR[dueState(r)]}>{t(`cell.${dueState(r)}`)}</Tag>
                        <Link to={`/rounds/${r.roundId}/tasks/${r.taskId}`}>{r.taskTitle}</Link>
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.roundTitle} · {t('rounds.dueDate')} {r.dueDate}
                      </Typography.Text>
                      {r.reviewComment && <Typography.Text type="warning">{t('mine.reviewComment', { comment: r.reviewComment })}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={counted(t('mine.notices'), m.notices.length)}>
            <NoticeLines notices={m.notices} taskTitle={(id) => m.notices.find((n) => n.taskId === id)?.taskTitle ?? `#${id}`} showUnit={false} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={counted(t('mine.tasks'), m.tasks.length)}>
        <div className="ledger-table-box">
          <Table
            size="small"
            rowKey="id"
            dataSource={m.tasks}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('ledger.columns.title'), dataIndex: 'title', width: 260, render: (title: string, r) => <Link to={`/ledger/tasks/${r.id}`}>{title}</Link> },
              { title: t('mine.role'), dataIndex: 'role', width: 70, render: (role: string) => t(`role.${role as 'lead'}`) },
              { title: t('ledger.columns.dueDate'), dataIndex: 'dueDate', width: 100 },
              { title: t('ledger.columns.light'), width: 200, render: (_, r) => <LightTag light={r.light} reason={r.lightReason} /> },
              { title: t('mine.ownPercent'), width: 130, render: (_, r) => <PercentBar percent={r.ownPercent} /> },
              {
                title: t('mine.acknowledged'),
                width: 90,
                render: (_, r) => (r.acknowledgedAt ? <Tag color="success">{t('mine.acknowledged')}</Tag> : <Tag color="warning">{t('mine.notAcknowledged')}</Tag>),
              },
              { title: t('ledger.columns.status'), dataIndex: 'status', width: 80, render: (s: 'open' | 'closed') => t(`taskStatus.${s}`) },
            ]}
          />
        </div>
      </Card>
    </Flex>
  );
}
