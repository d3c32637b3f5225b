import { ArrowLeftOutlined, DeleteOutlined, FileOutlined, HistoryOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Form, Input, InputNumber, Skeleton, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { CELL_COLOR } from './ledger-view';
import { counted, formatTime, testId, useUnitNames } from './ledger-ui';
import { useRemoveAttachment, useReport, useReviewReport, useRound, useRounds, useSaveReport, useSubmitReport, useTask, useUploadEvidence } from './queries';
import type { ReportView, SaveReportInput, TaskDetail } from './queries';
import TextModal from './TextModal';
import './ledger.css';

interface FormValues {
  progress: string;
  problems?: string;
  nextSteps?: string;
  percent: number;
  indicators?: Record<string, number | null>;
}

function valuesOf(report: ReportView | null): Partial<FormValues> {
  if (!report) return {};
  return {
    progress: report.progress,
    problems: report.problems,
    nextSteps: report.nextSteps,
    percent: report.percent,
    indicators: Object.fromEntries(report.indicators.map((i) => [String(i.indicatorId), i.value])),
  };
}

function toInput(v: FormValues): SaveReportInput {
  return {
    progress: v.progress.trim(),
    problems: v.problems ?? '',
    nextSteps: v.nextSteps ?? '',
    percent: v.percent,
    indicators: Object.entries(v.indicators ?? {}).flatMap(([id, value]) => (typeof value === 'number' ? [{ indicatorId: Number(id), value }] : [])),
  };
}

/** A report as read: the three texts, percent, indicator values, evidence and its seal. */
function ReportText({ report, task }: { report: ReportView; task: TaskDetail | undefined }) {
  const { t } = useTranslation('ledger');
  const indicatorName = (id: number) => task?.indicators.find((i) => i.id === id);
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'progress', label: t('report.progress'), children: <div className="ledger-report-text" data-testid="report-progress">{report.progress}</div> },
        { key: 'problems', label: t('report.problems'), children: <div className="ledger-report-text">{report.problems || '—'}</div> },
        { key: 'next', label: t('report.nextSteps'), children: <div className="ledger-report-text">{report.nextSteps || '—'}</div> },
        { key: 'percent', label: t('report.percent'), children: `${report.percent}%` },
        ...(report.indicators.length > 0
          ? [
              {
                key: 'indicators',
                label: t('report.indicators'),
                children: report.indicators.map((i) => `${indicatorName(i.indicatorId)?.subject ?? `#${i.indicatorId}`}：${i.value} ${indicatorName(i.indicatorId)?.unit ?? ''}`).join('；'),
              },
            ]
          : []),
        ...(report.attachments.length > 0
          ? [
              {
                key: 'attachments',
                label: t('report.attachments'),
                children: report.attachments.map((a) => (
                  <div key={a.id}>
                    <a href={`/api/attachments/${a.id}`}>
                      <FileOutlined /> {a.filename}
                    </a>
                  </div>
                )),
              },
            ]
          : []),
      ]}
    />
  );
}

function SealLine({ report }: { report: ReportView }) {
  const { t } = useTranslation('ledger');
  if (!report.seal || !report.submittedAt) return null;
  return (
    <Typography.Text type="success" data-testid="report-seal">
      <SafetyCertificateOutlined /> {t('report.seal', { signatory: report.submittedBy ?? '', time: formatTime(report.submittedAt), algorithm: report.seal.algorithm, keyId: report.seal.keyId })}
    </Typography.Text>
  );
}

/** 调度报告: the reporter's editor (with "start from my last report" and evidence), the signatory's seal, the office's review. */
export default function ReportPage() {
  const { t } = useTranslation('ledger');
  const { message, modal } = App.useApp();
  const params = useParams();
  const roundId = Number(params.roundId);
  const taskId = Number(params.taskId);
  const [search] = useSearchParams();
  const unitId = Number(search.get('unitId')) || null;
  const page = useReport(roundId, taskId, unitId);
  const task = useTask(taskId);
  const round = useRound(roundId);
  const rounds = useRounds(round.data?.planId ?? null);
  const unitName = useUnitNames();
  const save = useSaveReport(roundId, taskId);
  const submit = useSubmitReport(roundId, taskId);
  const review = useReviewReport(roundId, taskId);
  const upload = useUploadEvidence(page.data?.report?.id ?? 0);
  const removeAttachment = useRemoveAttachment();
  const [form] = Form.useForm<FormValues>();
  const [returning, setReturning] = useState(false);

  if (page.error) return <Alert type="error" showIcon title={page.error.message} />;
  const p = page.data;
  if (!p) return <Skeleton active />;
  const report = p.report;
  const status = report?.status ?? null;
  const editing = p.can.edit;
  const onSave = () =>
    void form.validateFields().then((v) =>
      save.mutate(toInput(v), { onSuccess: () => void message.success(t('report.saved')), onError: (e) => void message.error(e.message) }),
    );
  const fromLast = () => {
    if (!p.previous) return;
    form.setFieldsValue(valuesOf(p.previous));
    void message.info(t('report.startedFromLast'));
  };
  const onSubmit = () => {
    modal.confirm({
      title: t('report.submitTitle'),
      content: t('report.submitBody'),
      okText: t('report.submit'),
      okButtonProps: testId('submit-confirm'),
      onOk: () => submit.mutateAsync().then(() => void message.success(t('report.submitted')), (e: Error) => void message.error(e.message)),
    });
  };
  const onAccept = () =>
    review.mutate({ accept: true, unitId: p.unitId }, { onSuccess: () => void message.success(t('report.accepted')), onError: (e) => void message.error(e.message) });

  return (
    <Flex vertical gap={12} data-testid="report-page">
      <Link to={`/rounds/${roundId}`}>
        <ArrowLeftOutlined /> {t('report.back')}
      </Link>
      <PageHeader
        title={task.data?.title ?? t('report.title')}
        description={
          <>
            {round.data ? `${round.data.title} · ${t('rounds.dueDate')} ${round.data.dueDate} · ` : ''}
            {t('report.unitOf', { unit: unitName(p.unitId) })}
          </>
        }
        extra={
          <Flex gap={6} wrap align="center" data-testid="report-status" data-status={status ?? 'none'}>
            {status ? <Tag color={CELL_COLOR[status]}>{t(`cell.${status}`)}</Tag> : <Tag>{t('cell.pending')}</Tag>}
            {report && <Tag>{t(`report.timeliness.${report.timeliness}`)}</Tag>}
            {report && report.revision > 0 && <Tag>{t('report.revision', { n: report.revision })}</Tag>}
          </Flex>
        }
      />
      {report?.status === 'returned' && report.reviewComment && <Alert type="warning" showIcon title={t('report.reviewComment', { comment: report.reviewComment })} data-testid="review-comment" />}
      {report && <SealLine report={report} />}

      {editing ? (
        <Card size="small" title={t('report.title')}>
          <Form key={`${report?.id ?? 'new'}:${report?.updatedAt ?? ''}`} form={form} layout="vertical" initialValues={valuesOf(report)} data-testid="report-form">
            <Form.Item name="progress" label={t('report.progress')} rules={[{ required: true, whitespace: true, message: t('report.progress') }]}>
              <Input.TextArea rows={5} maxLength={20_000} data-testid="report-progress-input" />
            </Form.Item>
            <Form.Item name="problems" label={t('report.problems')}>
              <Input.TextArea rows={3} maxLength={20_000} data-testid="report-problems-input" />
            </Form.Item>
            <Form.Item name="nextSteps" label={t('report.nextSteps')}>
              <Input.TextArea rows={3} maxLength={20_000} data-testid="report-next-input" />
            </Form.Item>
            <Form.Item name="percent" label={t('report.percent')} rules={[{ required: true, message: t('report.percent') }]}>
              <InputNumber min={0} max={100} step={1} style={{ width: 140 }} suffix="%" data-testid="report-percent-input" />
            </Form.Item>
            {(task.data?.indicators ?? []).length > 0 && (
              <Form.Item label={t('report.indicators')}>
                <Flex vertical gap={8}>
                  {task.data?.indicators.map((i) => (
                    <Flex key={i.id} gap={8} align="center" wrap>
                      <Typography.Text style={{ minWidth: 160 }}>{i.subject}</Typography.Text>
                      <Form.Item name={['indicators', String(i.id)]} noStyle>
                        <InputNumber style={{ width: 140 }} suffix={i.unit} aria-label={i.subject} />
                      </Form.Item>
                    </Flex>
                  ))}
                </Flex>
              </Form.Item>
            )}
          </Form>
          <Flex vertical gap={6} style={{ marginBottom: 16 }}>
            <Typography.Text strong>{t('report.attachments')}</Typography.Text>
            {report?.attachments.map((a) => (
              <Flex key={a.id} gap={8} align="center" data-testid="report-attachment">
                <a href={`/api/attachments/${a.id}`}>
                  <FileOutlined /> {a.filename}
                </a>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => removeAttachment.mutate(a.id)} />
              </Flex>
            ))}
            <Upload
              showUploadList={false}
              disabled={!report}
              beforeUpload={(file) => {
                upload.mutate(file, { onError: (e) => void message.error(e.message) });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={!report} loading={upload.isPending} data-testid="report-upload">
                {t('report.upload')}
              </Button>
            </Upload>
            {!report && <Typography.Text type="secondary">{t('report.uploadHint')}</Typography.Text>}
          </Flex>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="report-save">
              {t('report.save')}
            </Button>
            {p.previous && (
              <Button icon={<HistoryOutlined />} onClick={fromLast} data-testid="report-from-last">
                {t('report.startFromLast')}
              </Button>
            )}
            {p.can.submit && report && (
              <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={onSubmit} loading={submit.isPending} data-testid="report-submit">
                {t('report.submit')}
              </Button>
            )}
          </Flex>
        </Card>
      ) : report ? (
        <Card size="small" title={t('report.title')}>
          <ReportText report={report} task={task.data} />
          {p.can.submit && (status === 'draft' || status === 'returned') && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={onSubmit} loading={submit.isPending} style={{ marginTop: 12 }} data-testid="report-submit">
              {t('report.submit')}
            </Button>
          )}
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('report.noReport')} />
      )}

      {p.can.review && status === 'submitted' && (
        <Card size="small" title={t('report.review')} data-testid="report-review">
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onAccept} loading={review.isPending} data-testid="report-accept">
              {t('report.accept')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="report-return">
              {t('report.return')}
            </Button>
          </Flex>
        </Card>
      )}

      {(p.previous || p.cooperating.length > 0) && (
        <Collapse
          items={[
            ...(p.previous
              ? [{ key: 'previous', label: t('report.previous', { round: rounds.data?.rounds.find((r) => r.id === p.previous?.roundId)?.title ?? `#${p.previous.roundId}` }), children: <ReportText report={p.previous} task={task.data} /> }]
              : []),
            ...(p.cooperating.length > 0
              ? [
                  {
                    key: 'cooperating',
                    label: counted(t('report.cooperating'), p.cooperating.length),
                    children: (
                      <Flex vertical gap={12}>
                        {p.cooperating.map((c) => (
                          <div key={c.id}>
                            <Typography.Text strong>{unitName(c.unitId)}</Typography.Text>
                            <ReportText report={c} task={task.data} />
                          </div>
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}

      {returning && (
        <TextModal
          title={t('report.returnTitle')}
          label={t('report.comment')}
          pending={review.isPending}
          error={review.error}
          onClose={() => setReturning(false)}
          onOk={(comment) => review.mutate({ accept: false, comment, unitId: p.unitId }, { onSuccess: () => setReturning(false) })}
          testid="return-modal"
        />
      )}
    </Flex>
  );
}
