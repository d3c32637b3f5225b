import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnits } from '../../unit-queries';
import { formatPercent, tasksLink } from './ledger-view';
import { counted, LightTag, PercentBar, useUnitNames } from './ledger-ui';
import { useCityLedger } from './queries';
import type { CityLedger } from './queries';

function TaskRows({ rows }: { rows: CityLedger['shares'] }) {
  const { t } = useTranslation('ledger');
  return (
    <div className="ledger-table-box">
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        columns={[
          { title: t('ledger.columns.title'), dataIndex: 'title', width: 260, render: (title: string, r) => <Link to={`/ledger/tasks/${r.id}`}>{title}</Link> },
          { title: t('ledger.columns.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('ledger.columns.light'), width: 200, render: (_, r) => <LightTag light={r.light} reason={r.lightReason} /> },
          { title: t('ledger.columns.percent'), width: 130, render: (_, r) => <PercentBar percent={r.ownPercent ?? r.percent} /> },
        ]}
      />
    </div>
  );
}

/** A 市州's view: its shares of provincial tasks, its local measures, its counties and the targets it divided. */
export default function CityTab({ planId, unitId, onUnit, locked }: { planId: number; unitId: number | null; onUnit: (id: number) => void; locked: boolean }) {
  const { t } = useTranslation('ledger');
  const units = useUnits();
  const unitName = useUnitNames();
  const city = useCityLedger(planId, unitId);
  const prefectures = (units.data ?? []).filter((u) => u.kind === 'prefecture' && (!locked || u.id === unitId));
  const c = city.data;
  const figure = (taskId: number | null, text: string) => (taskId ? <Link to={`/ledger/tasks/${taskId}`}>{text}</Link> : text);
  // A county's share and actual come from its tasks: the list filtered to the county.
  const countyFigure = (v: number | null, unitId: number) => (v === null ? '—' : <Link to={tasksLink(planId, { unitId })}>{v}</Link>);
  return (
    <Flex vertical gap={12} data-testid="city-ledger">
      <Select
        style={{ width: 220, maxWidth: '100%' }}
        placeholder={t('city.choose')}
        value={unitId}
        onChange={onUnit}
        options={prefectures.map((u) => ({ value: u.id, label: u.shortName }))}
        data-testid="city-select"
      />
      {city.error && <Alert type="error" showIcon title={city.error.message} />}
      {unitId !== null && !c && !city.error && <Skeleton active />}
      {c && (
        <>
          <Card size="small" title={t('city.indicators')}>
            {c.indicators.length === 0 ? (
              <Empty description={t('overview.noIndicators')} />
            ) : (
              c.indicators.map((i) => (
                <Flex key={i.id} vertical gap={6} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>
                    {i.taskId ? <Link to={`/ledger/tasks/${i.taskId}`}>{i.subject}</Link> : i.subject}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {/* The figures live on the indicator's task, where it is divided among the counties. */}
                    {figure(i.taskId, `${t('city.target')} ${i.allocated ?? '—'} ${i.unit}`)} · {figure(i.taskId, `${t('city.suballocated')} ${i.suballocated}`)} ·{' '}
                    {figure(i.taskId, `${t('city.remainder')} ${i.remainder ?? '—'}`)} · {figure(i.taskId, `${t('city.actual')} ${i.actual ?? '—'}`)}
                  </Typography.Text>
                  <div className="ledger-table-box">
                    <Table
                      size="small"
                      rowKey="unitId"
                      pagination={false}
                      dataSource={i.counties}
                      columns={[
                        { title: t('city.columns.unit'), dataIndex: 'unitId', render: (id: number) => <Link to={tasksLink(planId, { unitId: id })}>{unitName(id)}</Link> },
                        { title: t('allocation.value'), dataIndex: 'allocated', render: (v: number | null, u) => countyFigure(v, u.unitId) },
                        { title: t('allocation.actual'), dataIndex: 'actual', render: (v: number | null, u) => countyFigure(v, u.unitId) },
                      ]}
                    />
                  </div>
                </Flex>
              ))
            )}
          </Card>
          <Card size="small" title={counted(t('city.shares'), c.shares.length)}>
            <TaskRows rows={c.shares} />
          </Card>
          <Card size="small" title={counted(t('city.localTasks'), c.localTasks.length)}>
            <TaskRows rows={c.localTasks} />
          </Card>
          <Card size="small" title={t('city.counties')}>
            <div className="ledger-table-box">
              <Table
                size="small"
                rowKey="unitId"
                pagination={false}
                dataSource={c.counties}
                columns={[
                  { title: t('city.columns.unit'), dataIndex: 'unitId', render: (id: number) => <Link to={tasksLink(planId, { unitId: id })}>{unitName(id)}</Link> },
                  { title: t('city.columns.tasks'), dataIndex: 'tasks', render: (v: number, u) => <Link to={tasksLink(planId, { unitId: u.unitId })} data-testid={`county-tasks-${u.unitId}`}>{v}</Link> },
                  { title: t('city.columns.percent'), dataIndex: 'percent', render: (v: number | null, u) => <Link to={tasksLink(planId, { unitId: u.unitId })}>{formatPercent(v)}</Link> },
                  {
                    title: t('city.columns.acknowledged'),
                    dataIndex: 'acknowledged',
                    render: (v: number, u) => (
                      <Flex gap={6} wrap>
                        <Link to={tasksLink(planId, { unitId: u.unitId, ack: 'yes' })}>{v}</Link>
                        {v < u.tasks && (
                          <Link to={tasksLink(planId, { unitId: u.unitId, ack: 'no' })} style={{ color: '#d4380d' }}>
                            {t('overview.notAcknowledged', { count: u.tasks - v })}
                          </Link>
                        )}
                      </Flex>
                    ),
                  },
                ]}
              />
            </div>
          </Card>
        </>
      )}
    </Flex>
  );
}
