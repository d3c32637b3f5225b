import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { useCurrentUser, useSessionAllowed } from '../../session';
import NoticesCard from './NoticesCard';
import OpenConsultationModal from './OpenConsultationModal';
import { useConsultations } from './queries';
import { countStatuses } from './recipient-summary';
import { ConsultationStatusTag, RecipientStatusTag } from './status';
import StatusBar from './StatusBar';
import type { Consultation } from '../../../contract/consultations';
import './consultation.css';

function numberParam(value: string | null): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

function TitleCell({ consultation }: { consultation: Consultation }) {
  return (
    <>
      <Link to={`/consultations/${consultation.id}`} data-testid={`consultation-link-${consultation.id}`}>
        {consultation.title}
      </Link>
      {consultation.publishedAt && <PublishedTag />}
    </>
  );
}

function PublishedTag() {
  const { t } = useTranslation('consultation');
  return (
    <Tag color="purple" style={{ marginInlineStart: 8 }}>
      {t('list.published')}
    </Tag>
  );
}

/** A small, paged table of consultations: the office's list and a unit's inbox differ only in columns. */
function ConsultationTable({
  columns,
  consultations,
  loading,
  emptyText,
  testId,
}: {
  columns: TableColumnsType<Consultation>;
  consultations: Consultation[];
  loading: boolean;
  emptyText: string;
  testId: string;
}) {
  return (
    <Table<Consultation>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={consultations}
      loading={loading}
      locale={{ emptyText }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      data-testid={testId}
    />
  );
}

/** The office's table: every consultation with its replies counted by status. */
function OfficeTable({ consultations, loading }: { consultations: Consultation[]; loading: boolean }) {
  const { t } = useTranslation('consultation');
  const columns: TableColumnsType<Consultation> = [
    { title: t('list.columns.title'), key: 'title', render: (_, c) => <TitleCell consultation={c} /> },
    {
      title: t('list.columns.plan'),
      key: 'plan',
      width: 240,
      render: (_, c) => (
        <Link to={`/plans/${c.planId}?version=${c.versionNumber}`}>
          {c.planTitle}
          <Typography.Text type="secondary">{t('list.versionSuffix', { n: c.versionNumber })}</Typography.Text>
        </Link>
      ),
    },
    { title: t('list.columns.deadline'), dataIndex: 'deadline', key: 'deadline', width: 110 },
    {
      title: t('list.columns.status'),
      key: 'status',
      width: 90,
      filters: (['open', 'closed'] as const).map((status) => ({ text: t(`status.${status}`), value: status })),
      onFilter: (value, c) => c.status === value,
      render: (_, c) => <ConsultationStatusTag status={c.status} />,
    },
    {
      title: t('list.columns.counts'),
      key: 'counts',
      width: 300,
      render: (_, c) => {
        const counts = countStatuses(c.recipients);
        return (
          <span className="consult-count-tags" data-testid="consultation-counts">
            <Tag color="blue">{t('list.count.replied', { count: counts.replied })}</Tag>
            <Tag color="green">{t('list.count.no_opinion', { count: counts.no_opinion })}</Tag>
            <Tag color="orange">{t('list.count.late', { count: counts.late })}</Tag>
            {c.status === 'open' ? (
              <Tag>{t('list.count.pending', { count: counts.pending })}</Tag>
            ) : (
              <Tag color="red">{t('list.count.not_replied', { count: counts.not_replied })}</Tag>
            )}
          </span>
        );
      },
    },
    {
      title: t('list.columns.progress'),
      key: 'progress',
      width: 180,
      render: (_, c) => <StatusBar counts={countStatuses(c.recipients)} />,
    },
  ];
  return <ConsultationTable columns={columns} consultations={consultations} loading={loading} emptyText={t('list.empty')} testId="consultation-table" />;
}

/** A unit's inbox: the consultations sent to it, with its own status. */
function Inbox({ consultations, loading }: { consultations: Consultation[]; loading: boolean }) {
  const { t } = useTranslation('consultation');
  const navigate = useNavigate();
  const columns: TableColumnsType<Consultation> = [
    { title: t('list.columns.title'), key: 'title', render: (_, c) => <TitleCell consultation={c} /> },
    { title: t('list.columns.plan'), dataIndex: 'planTitle', key: 'plan', width: 260 },
    {
      title: t('list.columns.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      width: 110,
    },
    {
      title: t('list.columns.ownStatus'),
      key: 'own',
      width: 120,
      render: (_, c) => {
        const own = c.recipients[0];
        return own ? <RecipientStatusTag status={own.status} /> : null;
      },
    },
    {
      title: t('list.columns.action'),
      key: 'action',
      width: 120,
      render: (_, c) => {
        const own = c.recipients[0];
        const canReply = c.allowed.draftReply && own !== undefined && own.replyId === null;
        return (
          <Button size="small" type={canReply ? 'primary' : 'default'} onClick={() => void navigate(`/consultations/${c.id}`)} data-testid={`inbox-open-${c.id}`}>
            {canReply ? t('list.reply') : t('list.view')}
          </Button>
        );
      },
    },
  ];
  return <ConsultationTable columns={columns} consultations={consultations} loading={loading} emptyText={t('list.inboxEmpty')} testId="consultation-inbox" />;
}

/** 征求意见: the office's consultations, or a unit's inbox. `?open=<planId>` opens the form for that plan. */
export default function ConsultationsPage() {
  const { t } = useTranslation('consultation');
  const user = useCurrentUser();
  const office = useSessionAllowed().manageConsultations;
  const consultations = useConsultations();
  const [searchParams, setSearchParams] = useSearchParams();
  const askedPlan = numberParam(searchParams.get('open'));
  const [opening, setOpening] = useState(false);
  const showForm = office && (opening || askedPlan !== null);
  const closeForm = () => {
    setOpening(false);
    if (askedPlan !== null) setSearchParams({}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={office ? t('list.descriptionOffice') : t('list.descriptionUnit', { unit: user.unitName })}
        extra={
          office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="consultation-open">
              {t('open.button')}
            </Button>
          )
        }
      />
      <Card size="small">
        {consultations.error && <Alert type="error" showIcon title={consultations.error.message} style={{ marginBottom: 12 }} />}
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('list.total', { count: consultations.data?.length ?? 0 })}</Typography.Text>
        </Flex>
        {office ? (
          <OfficeTable consultations={consultations.data ?? []} loading={consultations.isPending} />
        ) : (
          <Inbox consultations={consultations.data ?? []} loading={consultations.isPending} />
        )}
      </Card>
      {!office && <NoticesCard />}
      {showForm && <OpenConsultationModal planId={askedPlan} onClose={closeForm} />}
    </>
  );
}
