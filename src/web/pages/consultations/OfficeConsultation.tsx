import { CalendarOutlined, DownloadOutlined, ExportOutlined, GlobalOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Dropdown, Modal, Row, Statistic, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { usePlan } from '../plans/plan-queries';
import OpinionsPanel from './OpinionsPanel';
import { useCloseConsultation, useExtendDeadline, useOpinions, usePublish } from './queries';
import { countStatuses, replyPercent } from './recipient-summary';
import RecipientsPanel from './RecipientsPanel';
import RevisionPanel from './RevisionPanel';
import SituationPanel from './SituationPanel';
import { ConsultationStatusTag } from './status';
import StatusBar from './StatusBar';
import type { Consultation } from '../../../contract/consultations';
import { consultationFile, formatTime, testId } from './ui';

const TABS = ['recipients', 'opinions', 'situation', 'revision'] as const;
type TabKey = (typeof TABS)[number];

function ExtendModal({ consultation, onClose }: { consultation: Consultation; onClose: () => void }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const extend = useExtendDeadline(consultation.id);
  const [day, setDay] = useState<Dayjs | null>(dayjs(consultation.deadline).add(7, 'day'));
  return (
    <Modal
      open
      title={t('office.extendTitle')}
      okText={t('office.extend')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !day, loading: extend.isPending, ...testId('extend-submit') }}
      onCancel={onClose}
      onOk={() =>
        day &&
        extend.mutate(day.format('YYYY-MM-DD'), {
          onSuccess: (c) => {
            void message.success(t('office.extended', { deadline: c.deadline }));
            onClose();
          },
        })
      }
    >
      {extend.error && <Alert type="error" showIcon title={extend.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('office.extendBody', { deadline: consultation.deadline })}</Typography.Paragraph>
      <DatePicker
        value={day}
        onChange={setDay}
        disabledDate={(d) => !d.isAfter(dayjs(consultation.deadline), 'day')}
        style={{ width: 220 }}
        data-testid="extend-date"
      />
    </Modal>
  );
}

/** The office's page of one consultation: replies, opinions and decisions, the reports, the revision. */
export default function OfficeConsultation({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation('consultation');
  const { message, modal } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(asked ?? '') ? (asked as TabKey) : 'recipients';
  const consulted = usePlan(consultation.planId, consultation.versionNumber);
  const current = usePlan(consultation.planId, null);
  const undecided = useOpinions(consultation.id, { state: 'undecided' });
  const all = useOpinions(consultation.id, {});
  const close = useCloseConsultation(consultation.id);
  const publish = usePublish(consultation.id);
  const [extending, setExtending] = useState(false);
  const counts = countStatuses(consultation.recipients);
  const pendingCount = undecided.data?.length ?? 0;
  const closed = consultation.closedAt !== null;
  const publicPath = `/public/consultations/${consultation.id}`;

  const confirmClose = () =>
    modal.confirm({
      title: t('office.closeTitle'),
      content: t('office.closeBody'),
      okText: t('office.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        close.mutateAsync().then(
          () => void message.success(t('office.closed')),
          (error: Error) => void message.error(error.message),
        ),
    });

  const confirmPublish = () =>
    modal.confirm({
      title: t('office.publishTitle'),
      content: consultation.publishedAt ? t('office.republishBody') : t('office.publishBody'),
      okText: t('office.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync().then(
          () => void message.success(t('office.published')),
          (error: Error) => void message.error(error.message),
        ),
    });

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/consultations">{t('list.title')}</Link> }, { title: consultation.title }]} />
      <PageHeader
        title={<span data-testid="consultation-title">{consultation.title}</span>}
        description={
          <>
            <ConsultationStatusTag status={consultation.status} />
            {consultation.publishedAt && <Tag color="purple">{t('list.published')}</Tag>}
            <Link to={`/plans/${consultation.planId}?version=${consultation.versionNumber}`}>
              {t('office.planLine', { title: consultation.planTitle, n: consultation.versionNumber })}
            </Link>
            {' · '}
            <span data-testid="consultation-deadline">{t('office.deadlineLine', { deadline: consultation.deadline })}</span>
            {closed && ` · ${t('office.closedAt', { at: formatTime(consultation.closedAt) })}`}
          </>
        }
        extra={
          <>
            <Button icon={<CalendarOutlined />} disabled={!consultation.allowed.extend} onClick={() => setExtending(true)} data-testid="extend">
              {t('office.extend')}
            </Button>
            <Button icon={<StopOutlined />} danger disabled={!consultation.allowed.close} loading={close.isPending} onClick={() => void confirmClose()} data-testid="close">
              {t('office.close')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: <a href={consultationFile(consultation.id, 'summary.xlsx')} download data-testid="download-summary-xlsx">{t('exports.summaryXlsx')}</a> },
                  { key: 'docx', label: <a href={consultationFile(consultation.id, 'summary.docx')} download data-testid="download-summary-docx">{t('exports.summaryDocx')}</a> },
                  {
                    key: 'xlsx-all',
                    label: (
                      <a href={`${consultationFile(consultation.id, 'summary.xlsx')}?noOpinion=1&missing=1`} download data-testid="download-summary-xlsx-all">
                        {t('exports.summaryXlsxAll')}
                      </a>
                    ),
                  },
                  {
                    key: 'docx-all',
                    label: (
                      <a href={`${consultationFile(consultation.id, 'summary.docx')}?noOpinion=1&missing=1`} download>
                        {t('exports.summaryDocxAll')}
                      </a>
                    ),
                  },
                  { key: 'situation', label: <a href={consultationFile(consultation.id, 'situation.docx')} download>{t('exports.situationDocx')}</a> },
                  { key: 'letter', label: <a href={consultationFile(consultation.id, 'letter.docx')} download data-testid="download-letter">{t('exports.letterDocx')}</a> },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="exports">
                {t('exports.button')}
              </Button>
            </Dropdown>
            {consultation.publishedAt && (
              <Button icon={<ExportOutlined />} href={publicPath} target="_blank" data-testid="public-link">
                {t('office.publicPage')}
              </Button>
            )}
            <Tooltip
              title={
                consultation.allowed.publish
                  ? undefined
                  : consultation.closedAt === null
                    ? t('office.publishNeedsClose')
                    : t('office.publishBlocked', { count: consultation.undecidedOpinions ?? pendingCount })
              }
            >
              <Button
                // 公开 is the page's main action only once the API says publishing is allowed.
                type={consultation.allowed.publish && !consultation.publishedAt ? 'primary' : 'default'}
                icon={<GlobalOutlined />}
                disabled={!consultation.allowed.publish}
                loading={publish.isPending}
                onClick={() => void confirmPublish()}
                data-testid={consultation.publishedAt ? 'republish' : 'publish'}
              >
                {consultation.publishedAt ? t('office.republish') : t('office.publish')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('office.progress')} style={{ marginBottom: 16 }}>
            <Row gutter={16} align="middle">
              <Col flex="120px">
                <Statistic title={t('office.replyRate')} value={replyPercent(counts)} suffix="%" />
              </Col>
              <Col flex="auto">
                <StatusBar counts={counts} legend height={14} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('office.letter')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'contact', label: t('office.contact'), children: consultation.contact || t('common.none') },
                { key: 'instructions', label: t('office.instructions'), children: consultation.instructions || t('common.none') },
                {
                  key: 'reminders',
                  label: t('office.reminderDays'),
                  children: consultation.reminderDays > 0 ? t('office.reminderDaysValue', { count: consultation.reminderDays }) : t('office.reminderOff'),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams(key === 'recipients' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'recipients', label: <span data-testid="tab-recipients">{t('office.tabs.recipients')}</span>, children: <RecipientsPanel consultation={consultation} /> },
            {
              key: 'opinions',
              label: (
                <span data-testid="tab-opinions">
                  {t('office.tabs.opinions', { count: all.data?.length ?? 0 })}{' '}
                  <Badge count={pendingCount} size="small" title={t('office.undecidedBadge')} />
                </span>
              ),
              children: <OpinionsPanel consultation={consultation} items={consulted.data?.items ?? []} />,
            },
            { key: 'situation', label: <span data-testid="tab-situation">{t('office.tabs.situation')}</span>, children: <SituationPanel consultationId={consultation.id} /> },
            {
              key: 'revision',
              label: <span data-testid="tab-revision">{t('office.tabs.revision')}</span>,
              children: current.data ? (
                <RevisionPanel consultation={consultation} plan={current.data} items={consulted.data?.items ?? []} editable />
              ) : current.error ? (
                <Alert type="error" showIcon title={current.error.message} />
              ) : null,
            },
          ]}
        />
      </Card>
      {extending && <ExtendModal consultation={consultation} onClose={() => setExtending(false)} />}
    </>
  );
}
