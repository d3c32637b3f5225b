import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import PageHeader from '../../components/PageHeader';
import type { PlanSummary } from '../../../contract/plans';
import { normaliseQuery } from '../../unit-search';
import PlanImportModal from './PlanImportModal';
import { usePlans, usePlansAllowed } from './plan-queries';
import PlanStatusTag from './plan-status';
import { formatChinaTime } from '../../format';

export default function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const allowed = usePlansAllowed().data;
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);

  const visible = useMemo(() => {
    const q = normaliseQuery(search);
    const all = plans.data ?? [];
    if (!q) return all;
    return all.filter((plan) => [plan.title, plan.ownerUnitName].some((text) => normaliseQuery(text).includes(q)));
  }, [plans.data, search]);

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('plans.columns.title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, plan) => (
        <Link to={`/plans/${plan.id}`} data-testid={`plan-link-${plan.id}`}>
          {title}
        </Link>
      ),
    },
    {
      title: t('plans.columns.version'),
      dataIndex: 'currentVersion',
      key: 'version',
      width: 100,
      render: (n: number) => t('plans.versionN', { n }),
    },
    {
      title: t('plans.columns.status'),
      dataIndex: 'status',
      key: 'status',
      width: 140,
      filters: (['draft', 'final'] as const).map((status) => ({ text: t(`plans.status.${status}`), value: status })),
      onFilter: (value, plan) => plan.status === value,
      render: (status: string) => <PlanStatusTag status={status} />,
    },
    {
      title: t('plans.columns.owner'),
      dataIndex: 'ownerUnitName',
      key: 'owner',
      width: 160,
      render: (name: string, plan) => <Link to={`/units/${plan.ownerUnitId}`}>{name}</Link>,
    },
    { title: t('plans.columns.items'), dataIndex: 'items', key: 'items', width: 90, align: 'right' },
    {
      title: t('plans.columns.warnings'),
      dataIndex: 'warnings',
      key: 'warnings',
      width: 110,
      align: 'right',
      render: (count: number) => (count > 0 ? <Typography.Text type="warning">{count}</Typography.Text> : count),
    },
    {
      title: t('plans.columns.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 170,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (at: string) => formatChinaTime(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={t('area.plans')}
        extra={
          allowed?.import && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">
              {t('plans.import')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
          <Input.Search
            allowClear
            placeholder={t('plans.searchPlaceholder')}
            style={{ maxWidth: 320 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="plan-search"
          />
          <Typography.Text type="secondary">
            {search.trim()
              ? t('plans.matched', { count: visible.length, total: plans.data?.length ?? 0 })
              : t('plans.total', { count: plans.data?.length ?? 0 })}
          </Typography.Text>
        </Flex>
        {plans.error && <Alert type="error" showIcon title={plans.error.message} style={{ marginBottom: 12 }} />}
        <Table<PlanSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={visible}
          loading={plans.isPending}
          locale={{ emptyText: t('plans.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          data-testid="plan-table"
        />
      </Card>
      {importing && <PlanImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
