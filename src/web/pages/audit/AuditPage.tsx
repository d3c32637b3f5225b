import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Table,
  Tag,
  Tooltip,
  Typography,
  type GetProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api';
import PageHeader from '../../components/PageHeader';
import { auditAction, auditDetailLines, auditEntity } from '../../audit-words';
import { formatChinaTime } from '../../format';
import type { AuditEvent, AuditPage as AuditPageData, AuditVerification } from '../../../contract/audit';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface FilterForm {
  action?: string;
  entity?: string;
  actor?: string;
  range?: RangeValue;
}

interface Filters {
  action?: string;
  entity?: string;
  actor?: string;
  from?: string;
  to?: string;
}

function toFilters(values: FilterForm): Filters {
  const [start, end] = values.range ?? [];
  return {
    action: values.action?.trim() || undefined,
    entity: values.entity?.trim() || undefined,
    actor: values.actor?.trim() || undefined,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.endOf('day').toISOString() : undefined,
  };
}

/** The detail as key: value lines in words, names in place of ids; the raw value on hover. */
function DetailList({ event, language }: { event: AuditEvent; language: string }) {
  const lines = auditDetailLines(event.detail, event.names, language);
  if (lines.length === 0) return <>—</>;
  return (
    <dl className="audit-detail" data-testid="audit-detail">
      {lines.map((line) => (
        <div key={line.key} className="audit-detail-line">
          {line.label && (
            <dt title={line.key}>
              {line.label}
              {language === 'en' ? ':' : '：'}
            </dt>
          )}
          <dd title={line.raw}>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ShortHash({ value }: { value: string }) {
  if (!value) return <>—</>;
  return (
    <Tooltip title={<span style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{value}</span>}>
      <Typography.Text code copyable={{ text: value }} style={{ fontSize: 12 }}>
        {value.slice(0, 10)}…
      </Typography.Text>
    </Tooltip>
  );
}

function VerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return <Alert type="success" showIcon title={t('audit.verifyOk', { count: result.checked })} data-testid="verify-result" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      title={t('audit.verifyBroken', {
        seq: result.firstBroken?.seq ?? '?',
        reason: result.firstBroken?.reason ?? '',
        count: result.checked,
      })}
    />
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });

  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () =>
      api.get<AuditPageData>(
        `/api/audit${query({ ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', key: 'seq', width: 80, responsive: ['sm'] },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatChinaTime(at)}</span>,
    },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      minWidth: 96,
      // The person's name; the login on hover.
      render: (name: string, e: AuditEvent) =>
        e.actorLogin ? (
          <span title={e.actorLogin} data-testid="audit-actor">
            {name}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      key: 'action',
      // In words; the code on hover (and in the filter).
      render: (action: string) => (
        <Tag color="blue" title={action} data-testid="audit-action">
          {auditAction(action, i18n.language)}
        </Tag>
      ),
    },
    {
      title: t('audit.columns.entity'),
      dataIndex: 'entity',
      key: 'entity',
      minWidth: 80,
      // The kind of object in words and its name where it has one; codes and the id on hover.
      render: (entity: string, e: AuditEvent) => (
        <span title={e.entityId === null ? entity : `${entity} ${e.entityId}`} data-testid="audit-entity">
          {auditEntity(entity, i18n.language)}
          {e.entityName ? ` · ${e.entityName}` : e.entityId ? ` ${e.entityId}` : ''}
        </span>
      ),
    },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      key: 'detail',
      responsive: ['lg'],
      render: (_: unknown, e: AuditEvent) => <DetailList event={e} language={i18n.language} />,
    },
    { title: t('audit.columns.hash'), dataIndex: 'hash', key: 'hash', width: 150, responsive: ['md'], render: (hash: string) => <ShortHash value={hash} /> },
  ];

  const search = (values: FilterForm) => {
    setFilters(toFilters(values));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const reset = () => {
    form.resetFields();
    setFilters({});
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('area.audit')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify.data} />
        </div>
      )}
      {verify.error && (
        <Alert type="error" showIcon title={t('audit.verifyFailed', { message: verify.error.message })} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FilterForm> name="audit-filter" form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }}>
          <Form.Item name="action" label={t('audit.filters.action')}>
            <Input allowClear placeholder={t('audit.filters.actionPlaceholder')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.filters.entity')}>
            <Input allowClear placeholder={t('audit.filters.entityPlaceholder')} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.filters.actor')}>
            <Input allowClear placeholder={t('audit.filters.actorPlaceholder')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.filters.range')}>
            <DatePicker.RangePicker style={{ width: 250 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('audit.filters.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={reset}>{t('audit.filters.reset')}</Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        {events.error && <Alert type="error" showIcon title={events.error.message} style={{ marginBottom: 12 }} />}
        <Table<AuditEvent>
          size="small"
          rowKey="seq"
          columns={columns}
          dataSource={events.data?.events ?? []}
          loading={events.isFetching}
          expandable={{
            expandedRowRender: (event) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'detail', label: t('audit.detail'), children: <DetailList event={event} language={i18n.language} /> },
                  { key: 'codes', label: t('audit.codes'), children: <code>{[event.action, event.entity, event.entityId].filter(Boolean).join(' · ')}</code> },
                  { key: 'digest', label: t('audit.digest'), children: <code style={{ wordBreak: 'break-all' }}>{event.digest}</code> },
                  { key: 'prev', label: t('audit.prevHash'), children: <code style={{ wordBreak: 'break-all' }}>{event.prevHash}</code> },
                  { key: 'hash', label: t('audit.hash'), children: <code style={{ wordBreak: 'break-all' }}>{event.hash}</code> },
                ]}
              />
            ),
          }}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('audit.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
