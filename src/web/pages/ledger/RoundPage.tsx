import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Grid, Row, Select, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { CELL_COLOR, cellState, rowMatches, rowsByTask } from './ledger-view';
import type { CellState } from './ledger-view';
import { formatTime, useUnitNames } from './ledger-ui';
import { bulletinUrl, useRound, useTasks } from './queries';
import type { RoundView } from './queries';
import './ledger.css';

const COUNT_STATES: { key: keyof RoundView['counts']; state: CellState | 'late' | null }[] = [
  { key: 'expected', state: null },
  { key: 'submitted', state: 'submitted' },
  { key: 'accepted', state: 'accepted' },
  { key: 'returned', state: 'returned' },
  { key: 'late', state: 'late' },
  { key: 'missing', state: 'missing' },
  { key: 'pending', state: 'pending' },
];

const STATES: (CellState | 'late')[] = ['missing', 'pending', 'draft', 'submitted', 'returned', 'accepted', 'late'];

/** A round: its counts (each links to its rows) and every task × unit with the state of its report. */
export default function RoundPage() {
  const { t } = useTranslation('ledger');
  const id = Number(useParams().roundId);
  const round = useRound(id);
  const tasks = useTasks(round.data?.planId ?? null, {});
  const unitName = useUnitNames();
  // On a phone the task's title goes above its units instead of in a narrow column beside them.
  const wide = Grid.useBreakpoint().md === true;
  const [search, setSearch] = useSearchParams();
  const state = search.get('state');
  const unitFilter = Number(search.get('unitId')) || null;
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  if (round.error) return <Alert type="error" showIcon title={round.error.message} />;
  const r = round.data;
  if (!r) return <Skeleton active />;
  const titles = new Map((tasks.data ?? []).map((task) => [task.id, task.title]));
  const rows = r.rows.filter((row) => rowMatches(row, state) && (unitFilter === null || row.unitId === unitFilter));
  const groups = rowsByTask(rows);
  const unitIds = [...new Set(r.rows.map((row) => row.unitId))];

  return (
    <>
      <Link to={`/rounds?plan=${r.planId}`}>
        <ArrowLeftOutlined /> {t('round.back')}
      </Link>
      <PageHeader
        title={<span data-testid="round-title">{r.title}</span>}
        description={`${r.periodStart} ~ ${r.periodEnd} · ${t('rounds.dueDate')} ${r.dueDate} · ${unitName(r.ownerUnitId)}`}
        extra={
          <Button icon={<DownloadOutlined />} href={bulletinUrl(r.id)}>
            {t('common.bulletin')}
          </Button>
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {COUNT_STATES.map(({ key, state: s }) => (
          <Col key={key} xs={8} md={6} xl={3}>
            <Card size="small" hoverable onClick={() => set('state', s)} className="ledger-stat" data-testid={`round-count-${key}`}>
              <Statistic title={t(`round.counts.${key}`)} value={r.counts[key]} styles={{ content: { fontSize: 20, color: key === 'missing' && r.counts[key] > 0 ? '#f5222d' : undefined } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('round.matrix')}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              placeholder={t('round.state')}
              value={state}
              onChange={(v) => set('state', v ?? null)}
              style={{ width: 120 }}
              options={STATES.map((s) => ({ value: s, label: t(`cell.${s}`) }))}
              data-testid="round-state-filter"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('round.filterUnit')}
              value={unitFilter}
              onChange={(v) => set('unitId', v ? String(v) : null)}
              style={{ width: 180 }}
              options={unitIds.map((u) => ({ value: u, label: unitName(u) }))}
            />
          </Flex>
        }
      >
        <div className="ledger-table-box">
          <Table
            size="small"
            rowKey="taskId"
            dataSource={groups}
            pagination={{ pageSize: 30, hideOnSinglePage: true }}
            data-testid="round-matrix"
            columns={[
              ...(wide
                ? [
                    {
                      title: t('round.task'),
                      width: 240,
                      render: (_: unknown, g: (typeof groups)[number]) => <Link to={`/ledger/tasks/${g.taskId}`}>{titles.get(g.taskId) ?? `#${g.taskId}`}</Link>,
                    },
                  ]
                : []),
              {
                title: wide ? t('round.unit') : `${t('round.task')} · ${t('round.unit')}`,
                render: (_: unknown, g: (typeof groups)[number]) => (
                  <Flex gap={4} wrap>
                    {!wide && (
                      <Link to={`/ledger/tasks/${g.taskId}`} style={{ width: '100%' }}>
                        {titles.get(g.taskId) ?? `#${g.taskId}`}
                      </Link>
                    )}
                    {g.rows.map((row) => {
                      const cell = cellState(row);
                      return (
                        <Tooltip
                          key={row.unitId}
                          title={`${t(`role.${row.role as 'lead'}`)} · ${row.percent !== null ? `${row.percent}% · ` : ''}${formatTime(row.submittedAt)}`}
                        >
                          <Link to={`/rounds/${r.id}/tasks/${g.taskId}?unitId=${row.unitId}`} data-testid={`cell-${g.taskId}-${row.unitId}`} data-state={cell}>
                            <Tag color={CELL_COLOR[cell]} style={{ cursor: 'pointer', fontWeight: row.role === 'lead' ? 600 : undefined }}>
                              {unitName(row.unitId)} · {t(`cell.${cell}`)}
                              {row.timeliness === 'late' ? ` · ${t('cell.late')}` : ''}
                            </Tag>
                          </Link>
                        </Tooltip>
                      );
                    })}
                  </Flex>
                ),
              },
            ]}
          />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {STATES.filter((s) => s !== 'late').map((s) => (
            <Tag key={s} color={CELL_COLOR[s as CellState]}>
              {t(`cell.${s}`)}
            </Tag>
          ))}
        </Typography.Text>
      </Card>
    </>
  );
}
