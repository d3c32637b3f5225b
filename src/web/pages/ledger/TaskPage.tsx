import { ArrowLeftOutlined, CalendarOutlined, CheckOutlined, ScissorOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, List, Row, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../../session';
import AllocationModal from './AllocationModal';
import { CELL_COLOR, formatPercent, LIGHT_HEX, LIGHT_ORDER } from './ledger-view';
import { counted, formatTime, LightTag, NoticeLevelTag, PercentBar, testId, useUnitNames } from './ledger-ui';
import NoticeModal from './NoticeModal';
import { useAcknowledge, useAnswerNotice, useCloseNotice, useCloseTask, useOverrideLight, useReopenTask, useRounds, useSplitTask, useTask } from './queries';
import type { Light, NoticeView, ReportView, TaskDetail } from './queries';
import { EvidenceCard, ScheduleModal } from './TaskShaping';
import TextModal from './TextModal';
import './ledger.css';

type Dialog = 'close' | 'reopen' | 'override' | 'notice' | 'schedule' | { allocate: number } | { answer: number } | null;

function reportState(r: ReportView): keyof typeof CELL_COLOR {
  return r.status;
}

function Notices({ task, onAnswer }: { task: TaskDetail; onAnswer: (id: number) => void }) {
  const { t } = useTranslation('ledger');
  const user = useCurrentUser();
  const unitName = useUnitNames();
  const closeNotice = useCloseNotice();
  if (task.notices.length === 0) return <Typography.Text type="secondary">{t('task.noNotices')}</Typography.Text>;
  // Who may act: the unit's 签发人 answers (sealed); the office that governs the task closes.
  const mayAnswer = (n: NoticeView) => n.status === 'open' && user.role === 'signatory' && user.unitId === n.unitId;
  const mayClose = (n: NoticeView) => n.status !== 'closed' && task.can.manage;
  return (
    <List
      dataSource={task.notices}
      renderItem={(n) => (
        <List.Item
          data-testid={`notice-${n.id}`}
          actions={[
            mayAnswer(n) && (
              <Button key="answer" size="small" type="primary" onClick={() => onAnswer(n.id)} {...testId(`notice-answer-${n.id}`)}>
                {t('notice.answer')}
              </Button>
            ),
            mayClose(n) && (
              <Button key="close" size="small" loading={closeNotice.isPending} onClick={() => closeNotice.mutate(n.id)} {...testId(`notice-close-${n.id}`)}>
                {t('notice.close')}
              </Button>
            ),
          ].filter(Boolean)}
        >
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex gap={6} wrap align="center">
              <NoticeLevelTag level={n.level} />
              <Tag>{t(`noticeStatus.${n.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {unitName(n.unitId)} · {t('notice.issued', { time: formatTime(n.issuedAt) })} · {t('notice.answerByDate', { date: n.answerBy })}
              </Typography.Text>
              {n.escalations > 0 && <Tag color="volcano">{t('notice.escalated', { count: n.escalations })}</Tag>}
              {n.overdue && <Tag color="error">{t('notice.overdue')}</Tag>}
            </Flex>
            <Typography.Paragraph style={{ margin: 0 }}>{n.text}</Typography.Paragraph>
            {n.answer && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('notice.answered', { time: formatTime(n.answer.answeredAt) })}：{n.answer.text}
              </Typography.Paragraph>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Reports({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('ledger');
  const unitName = useUnitNames();
  const roundList = useRounds(task.planId);
  const rounds = new Map((roundList.data?.rounds ?? []).map((r) => [r.id, r.title]));
  if (task.reports.length === 0) return <Typography.Text type="secondary">{t('task.noReports')}</Typography.Text>;
  const rows = [...task.reports].sort((a, b) => b.roundId - a.roundId || Number(b.unitId === task.leadUnitId) - Number(a.unitId === task.leadUnitId));
  return (
    <div className="ledger-table-box">
      <Table<ReportView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        scroll={{ x: 760 }}
        data-testid="task-reports"
        columns={[
          { title: t('task.reportColumns.round'), width: 150, render: (_, r) => rounds.get(r.roundId) ?? `#${r.roundId}` },
          { title: t('task.reportColumns.unit'), width: 130, render: (_, r) => unitName(r.unitId) },
          {
            title: t('task.reportColumns.status'),
            width: 110,
            render: (_, r) => (
              <Flex gap={4} wrap>
                <Tag color={CELL_COLOR[reportState(r)]}>{t(`cell.${reportState(r)}`)}</Tag>
                {r.timeliness === 'late' && <Tag color="warning">{t('cell.late')}</Tag>}
              </Flex>
            ),
          },
          { title: t('task.reportColumns.percent'), width: 70, render: (_, r) => formatPercent(r.percent) },
          { title: t('task.reportColumns.progress'), width: 280, render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{r.progress}</Typography.Paragraph> },
          { title: '', width: 60, render: (_, r) => <Link to={`/rounds/${r.roundId}/tasks/${r.taskId}?unitId=${r.unitId}`}>{t('task.viewReport')}</Link> },
        ]}
      />
    </div>
  );
}

/** One task: its text in the plan, units, indicators (with allocation), reports, light history, notices and the actions the API allows. */
export default function TaskPage() {
  const { t } = useTranslation('ledger');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().taskId);
  const task = useTask(id);
  const user = useCurrentUser();
  const unitName = useUnitNames();
  const [dialog, setDialog] = useState<Dialog>(null);
  const acknowledge = useAcknowledge(id);
  const closeTask = useCloseTask(id);
  const reopenTask = useReopenTask(id);
  const override = useOverrideLight(id);
  const answer = useAnswerNotice();
  const split = useSplitTask(id);

  if (task.error) return <Alert type="error" showIcon title={task.error.message} />;
  const d = task.data;
  if (!d) return <Skeleton active />;
  const mine = d.units.find((u) => u.unitId === user.unitId);
  const done = () => setDialog(null);
  const isOffice = user.role === 'office' || user.role === 'admin';
  // 按条款拆分: an item's task becomes one task per clause (the server refuses once it has reports).
  const confirmSplit = () =>
    modal.confirm({
      title: t('split.title'),
      content: t('split.body'),
      okText: t('split.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: testId('split-ok'),
      onOk: () =>
        split.mutateAsync(undefined).then(
          (r) => {
            void message.success(t('split.done', { count: r.taskIds.length }));
            // This task is gone: its first clause takes its place.
            void navigate(`/ledger/tasks/${r.taskIds[0]}`, { replace: true });
          },
          (e: Error) => void message.error(e.message),
        ),
    });

  return (
    <Flex vertical gap={12} data-testid="task-page">
      <Link to={`/ledger?plan=${d.planId}&tab=tasks`}>
        <ArrowLeftOutlined /> {t('task.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
            {d.title}
          </Typography.Title>
          <Flex gap={6} wrap align="center" data-testid="task-light">
            <LightTag light={d.light} reason={d.lightReason} />
            <Tag color={d.status === 'closed' ? 'default' : 'processing'} data-testid="task-status">
              {t(`taskStatus.${d.status}`)}
            </Tag>
            {d.override && <Tag color="purple">{t('task.overrideActive')}</Tag>}
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          {d.can.acknowledge && mine && !mine.acknowledgedAt && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate(undefined, { onSuccess: () => void message.success(t('task.acknowledged')), onError: (e) => void message.error(e.message) })}
              {...testId('task-acknowledge')}
            >
              {t('task.acknowledge')}
            </Button>
          )}
          {d.can.manage && d.status === 'open' && (
            <>
              <Button icon={<CalendarOutlined />} onClick={() => setDialog('schedule')} {...testId('task-schedule')}>
                {t('schedule.open')}
              </Button>
              {d.origin === 'item' && d.span !== null && (
                <Button icon={<ScissorOutlined />} loading={split.isPending} onClick={() => void confirmSplit()} {...testId('task-split')}>
                  {t('split.open')}
                </Button>
              )}
              <Button onClick={() => setDialog('notice')} {...testId('task-notice')}>
                {t('task.issueNotice')}
              </Button>
              <Button onClick={() => setDialog('override')} {...testId('task-override')}>
                {t('task.override')}
              </Button>
              <Button type="primary" onClick={() => setDialog('close')} {...testId('task-close')}>
                {t('task.close')}
              </Button>
            </>
          )}
          {d.can.manage && d.status === 'closed' && (
            <Button onClick={() => setDialog('reopen')} {...testId('task-reopen')}>
              {t('task.reopen')}
            </Button>
          )}
        </Flex>
      </Flex>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('task.text')} extra={<Link to={`/plans/${d.planId}`}>{t('task.inPlan')}</Link>} style={{ height: '100%' }}>
            <Typography.Paragraph className="ledger-text" data-testid="task-text">
              {d.text}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'lead', label: t('ledger.columns.lead'), children: unitName(d.leadUnitId) },
                { key: 'due', label: t('task.dueDate'), children: counted(d.dueDate, t('task.expected', { expected: d.expected })) },
                { key: 'percent', label: t('ledger.columns.percent'), children: <PercentBar percent={d.percent} light={d.light} /> },
                ...(d.closedAt ? [{ key: 'closed', label: t('task.closed'), children: t('task.closedBy', { time: formatTime(d.closedAt), comment: d.closedComment ?? '' }) }] : []),
                ...(d.milestones.length > 0
                  ? [
                      {
                        key: 'milestones',
                        label: t('schedule.milestones'),
                        children: (
                          <Flex vertical data-testid="task-milestones">
                            {d.milestones.map((m) => (
                              <span key={`${m.date}:${m.title}`}>
                                <Typography.Text type={m.date < new Date().toISOString().slice(0, 10) ? 'secondary' : undefined}>{m.date}</Typography.Text> {m.title}
                              </span>
                            ))}
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={counted(t('task.units'), d.units.length)}>
        <Flex gap={6} wrap data-testid="task-units">
          {d.units.map((u) => (
            <Tag key={u.unitId} color={u.role === 'lead' ? 'blue' : undefined} title={u.acknowledgedAt ? t('task.acknowledgedAt', { time: formatTime(u.acknowledgedAt) }) : t('task.notAcknowledged')}>
              {unitName(u.unitId)} · {t(`role.${u.role}`)}
              {u.percent !== null ? ` · ${formatPercent(u.percent)}` : ''}
              {u.acknowledgedAt ? '' : ` · ${t('task.notAcknowledged')}`}
            </Tag>
          ))}
        </Flex>
      </Card>

      {d.indicators.length > 0 && (
        <Card size="small" title={t('task.indicators')}>
          <div className="ledger-table-box">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.indicators}
              data-testid="task-indicators"
              columns={[
                { title: t('task.indicatorColumns.subject'), dataIndex: 'subject' },
                { title: t('task.indicatorColumns.target'), render: (_, i) => (i.target === null ? '—' : `${i.comparator ?? ''} ${i.target} ${i.unit}`) },
                { title: t('task.indicatorColumns.actual'), render: (_, i) => (i.actual === null ? '—' : `${i.actual} ${i.unit}`) },
                { title: t('task.indicatorColumns.allocated'), dataIndex: 'allocated' },
                { title: t('task.indicatorColumns.remainder'), render: (_, i) => i.remainder ?? '—' },
                {
                  title: '',
                  render: (_, i) =>
                    isOffice && i.target !== null ? (
                      <Button size="small" onClick={() => setDialog({ allocate: i.id })} {...testId(`allocate-${i.id}`)}>
                        {t('task.allocate')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </div>
        </Card>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('task.reports')} style={{ height: '100%' }}>
            <Reports task={d} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('task.lightHistory')} style={{ height: '100%' }}>
            {d.lightHistory.length === 0 ? (
              <Typography.Text type="secondary">{t('task.noHistory')}</Typography.Text>
            ) : (
              <Timeline
                data-testid="light-history"
                items={d.lightHistory.map((h) => ({
                  color: LIGHT_HEX[h.light],
                  content: (
                    <Flex vertical>
                      <Link to={`/rounds/${h.roundId}`}>{h.title}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {h.dueDate}
                      </Typography.Text>
                      <LightTag light={h.light} reason={h.lightReason} />
                    </Flex>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('task.notices')}>
        <Notices task={d} onAnswer={(n) => setDialog({ answer: n })} />
      </Card>

      {(d.evidence.length > 0 || d.children.length > 0 || d.can.manage) && (
        <Row gutter={[12, 12]}>
          {(d.evidence.length > 0 || d.can.manage) && (
            <Col xs={24} lg={12}>
              <EvidenceCard task={d} />
            </Col>
          )}
          {d.children.length > 0 && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('task.children')}>
                {d.children.map((c) => (
                  <div key={c.id}>
                    <Link to={`/ledger/tasks/${c.id}`}>{c.title}</Link> <Typography.Text type="secondary">{unitName(c.ownerUnitId)}</Typography.Text>
                  </div>
                ))}
              </Card>
            </Col>
          )}
        </Row>
      )}

      {dialog === 'close' && (
        <TextModal title={t('task.closeTitle')} label={t('task.closeComment')} pending={closeTask.isPending} error={closeTask.error} onClose={done} onOk={(text) => closeTask.mutate(text, { onSuccess: done })} testid="close-modal" />
      )}
      {dialog === 'reopen' && (
        <TextModal title={t('task.reopenTitle')} label={t('task.reopenReason')} pending={reopenTask.isPending} error={reopenTask.error} onClose={done} onOk={(text) => reopenTask.mutate(text, { onSuccess: done })} testid="reopen-modal" />
      )}
      {dialog === 'override' && (
        <TextModal<Light>
          title={t('task.overrideTitle')}
          label={t('task.overrideReason')}
          pending={override.isPending}
          error={override.error}
          onClose={done}
          choice={{ label: t('ledger.columns.light'), initial: d.light, options: LIGHT_ORDER.map((l) => ({ value: l, label: t(`light.${l}`) })) }}
          onOk={(reason, light) => override.mutate({ light: light ?? d.light, reason }, { onSuccess: done })}
          testid="override-modal"
          extra={<Alert type="info" showIcon title={t('task.overrideActive')} style={{ marginBottom: 12 }} />}
        />
      )}
      {dialog === 'notice' && <NoticeModal task={d} onClose={done} />}
      {dialog === 'schedule' && <ScheduleModal task={d} onClose={done} />}
      {dialog !== null && typeof dialog === 'object' && 'allocate' in dialog && <AllocationModal indicatorId={dialog.allocate} onClose={done} />}
      {dialog !== null && typeof dialog === 'object' && 'answer' in dialog && (
        <TextModal
          title={t('notice.answerTitle')}
          label={t('notice.answerText')}
          pending={answer.isPending}
          error={answer.error}
          onClose={done}
          onOk={(text) => answer.mutate({ id: dialog.answer, text }, { onSuccess: done })}
          testid="answer-modal"
        />
      )}
    </Flex>
  );
}

