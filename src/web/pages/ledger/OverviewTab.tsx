import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { IndicatorBars, LightPie, PercentBars, StackedLights } from './Charts';
import { formatPercent, LIGHT_HEX, LIGHT_ORDER, roundLink, tasksLink } from './ledger-view';
import { counted, formatTime, NoticeLines, useUnitNames } from './ledger-ui';
import { useOverview, useTasks } from './queries';
import type { Overview } from './queries';
import { formatChinaDate } from '../../format';

function Stat({ title, value, to, color, testid }: { title: string; value: number | string; to: string; color?: string; testid: string }) {
  return (
    <Link to={to} className="ledger-stat" data-testid={testid}>
      <Card size="small" hoverable>
        <Statistic title={title} value={value} styles={{ content: color ? { color } : {} }} />
      </Card>
    </Link>
  );
}

function ListCard({ title, entries, testid }: { title: string; entries: Overview['redList']; testid: string }) {
  const { t } = useTranslation('ledger');
  const unitName = useUnitNames();
  return (
    <Card size="small" title={title} data-testid={testid}>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('overview.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={entries}
          renderItem={(e) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={`/ledger/tasks/${e.taskId}`}>{e.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {unitName(e.leadUnitId)} · {formatPercent(e.percent)} · {e.reason}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The plan overview: counts by light, completion by section and unit, the lists behind them, indicators and rounds. */
export default function OverviewTab({ planId }: { planId: number }) {
  const { t } = useTranslation('ledger');
  const navigate = useNavigate();
  const overview = useOverview(planId);
  const tasks = useTasks(planId, {});
  const unitName = useUnitNames();
  if (overview.error) return <Alert type="error" showIcon title={overview.error.message} />;
  const o = overview.data;
  if (!o) return <Skeleton active />;
  const open = o.tasks - o.closed;
  const taskTitle = (id: number) => tasks.data?.find((task) => task.id === id)?.title ?? `#${id}`;
  // A unit's late and missing reports are those of the latest round that fell due: its matrix, filtered.
  const latest = o.latestRound;
  const roundCount = (v: number, state: 'late' | 'missing', unitId: number) => (latest && v > 0 ? <Link to={roundLink(latest.id, state, unitId)}>{v}</Link> : v);

  return (
    <Flex vertical gap={12} data-testid="ledger-overview">
      <Typography.Text type="secondary">
        {o.publishedVersion !== null && o.publishedAt ? t('overview.published', { version: o.publishedVersion, date: formatChinaDate(o.publishedAt) }) + ' · ' : ''}
        {t('overview.asOf', { time: formatTime(o.asOf) })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Stat title={t('overview.tasks')} value={o.tasks} to={tasksLink(planId, {})} testid="stat-tasks" />
        </Col>
        {LIGHT_ORDER.map((l) => (
          <Col key={l} xs={12} md={8} xl={4}>
            <Stat title={t(`light.${l}`)} value={o.lights[l]} color={LIGHT_HEX[l]} to={tasksLink(planId, { light: l })} testid={`stat-${l}`} />
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Stat title={t('overview.closed')} value={o.closed} to={tasksLink(planId, { status: 'closed' })} testid="stat-closed" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat title={t('taskStatus.open')} value={open} to={tasksLink(planId, { status: 'open' })} testid="stat-open" />
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('overview.lights')} style={{ height: '100%' }}>
            <LightPie lights={o.lights} onPick={(light) => void navigate(tasksLink(planId, { light }))} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('overview.bySection')} style={{ height: '100%' }}>
            <StackedLights
              testid="chart-sections"
              rows={o.bySection.map((s) => ({ id: String(s.section ?? 0), label: counted(s.title, formatPercent(s.percent)), lights: s.lights }))}
              onPick={(section) => void navigate(tasksLink(planId, { section: Number(section) }))}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <ListCard title={counted(t('overview.redList'), o.redList.length)} entries={o.redList} testid="red-list" />
        </Col>
        <Col xs={24} lg={8}>
          <ListCard title={counted(t('overview.yellowList'), o.yellowList.length)} entries={o.yellowList} testid="yellow-list" />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={counted(t('overview.openNotices'), o.openNotices.length)} data-testid="open-notices">
            <NoticeLines notices={o.openNotices} taskTitle={taskTitle} showUnit />
          </Card>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('overview.lightsByRound')} style={{ height: '100%' }}>
            {o.rounds.length === 0 ? (
              <Empty description={t('rounds.none')} />
            ) : (
              <StackedLights testid="chart-rounds" height={220} rows={o.rounds.map((r) => ({ id: String(r.roundId), label: r.title, lights: r.lights }))} onPick={(id) => void navigate(roundLink(Number(id)))} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('overview.indicators')} style={{ height: '100%' }}>
            {o.indicators.length === 0 ? <Empty description={t('overview.noIndicators')} /> : <IndicatorBars indicators={o.indicators} onPick={(taskId) => void navigate(`/ledger/tasks/${taskId}`)} />}
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={counted(t('overview.lateReports'), o.lateReports.length)}
        extra={
          o.latestRound && (
            <Flex gap={8} wrap align="center" justify="flex-end">
              <Link to={roundLink(o.latestRound.id)}>{t('overview.latestRound', { title: o.latestRound.title, date: o.latestRound.dueDate })}</Link>
              <Link to={roundLink(o.latestRound.id, 'late')} data-testid="latest-late">
                <Tag color="warning" style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
                  {t('overview.late', { count: o.latestRound.late })}
                </Tag>
              </Link>
              <Link to={roundLink(o.latestRound.id, 'missing')} data-testid="latest-missing">
                <Tag color="error" style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
                  {t('overview.missing', { count: o.latestRound.missing })}
                </Tag>
              </Link>
            </Flex>
          )
        }
        data-testid="late-reports"
      >
        {o.lateReports.length === 0 ? (
          <Typography.Text type="secondary">{t('overview.none')}</Typography.Text>
        ) : (
          <div className="ledger-table-box">
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => `${r.roundId}:${r.taskId}:${r.unitId}`}
              dataSource={o.lateReports}
              columns={[
                { title: t('round.unit'), dataIndex: 'unitId', render: (id: number) => unitName(id) },
                { title: t('round.task'), dataIndex: 'taskId', render: (id: number, r) => <Link to={`/rounds/${r.roundId}/tasks/${id}?unitId=${r.unitId}`}>{taskTitle(id)}</Link> },
                { title: t('round.state'), dataIndex: 'timeliness', render: (v: 'late' | 'missing') => <Tag color={v === 'missing' ? 'error' : 'warning'}>{t(`cell.${v}`)}</Tag> },
                { title: t('round.submittedAt'), dataIndex: 'firstSubmittedAt', render: (v: string | null) => formatTime(v) },
              ]}
            />
          </div>
        )}
      </Card>

      <Card size="small" title={t('overview.byUnit')}>
        <PercentBars
          testid="chart-units"
          rows={o.byUnit.filter((u) => u.lead > 0 || u.tasks > 2).map((u) => ({ id: String(u.unitId), label: unitName(u.unitId), percent: u.percent }))}
          onPick={(id) => void navigate(tasksLink(planId, { unitId: Number(id) }))}
        />
        <div className="ledger-table-box" style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="unitId"
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            dataSource={o.byUnit}
            data-testid="by-unit"
            columns={[
              { title: t('overview.unitColumns.unit'), dataIndex: 'unitId', render: (id: number) => <Link to={tasksLink(planId, { unitId: id })}>{unitName(id)}</Link> },
              { title: t('overview.unitColumns.tasks'), dataIndex: 'tasks', render: (v: number, u) => <Link to={tasksLink(planId, { unitId: u.unitId })}>{v}</Link> },
              { title: t('overview.unitColumns.lead'), dataIndex: 'lead', render: (v: number, u) => <Link to={tasksLink(planId, { unitId: u.unitId, lead: true })}>{v}</Link> },
              { title: t('overview.unitColumns.closed'), dataIndex: 'closed', render: (v: number, u) => <Link to={tasksLink(planId, { unitId: u.unitId, status: 'closed' })}>{v}</Link> },
              { title: t('overview.unitColumns.percent'), dataIndex: 'percent', render: (v: number | null) => formatPercent(v) },
              {
                title: t('overview.unitColumns.acknowledged'),
                dataIndex: 'acknowledged',
                render: (v: number, u) => (
                  <Flex gap={6} wrap>
                    <Link to={tasksLink(planId, { unitId: u.unitId, ack: 'yes' })}>{v}</Link>
                    {v < u.tasks && (
                      <Link to={tasksLink(planId, { unitId: u.unitId, ack: 'no' })} style={{ color: '#d4380d' }} data-testid={`unacknowledged-${u.unitId}`}>
                        {t('overview.notAcknowledged', { count: u.tasks - v })}
                      </Link>
                    )}
                  </Flex>
                ),
              },
              { title: t('overview.unitColumns.late'), dataIndex: 'late', render: (v: number, u) => roundCount(v, 'late', u.unitId) },
              { title: t('overview.unitColumns.missing'), dataIndex: 'missing', render: (v: number, u) => roundCount(v, 'missing', u.unitId) },
            ]}
          />
        </div>
      </Card>
    </Flex>
  );
}

