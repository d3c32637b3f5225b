import { ColumnHeightOutlined, DownloadOutlined, EditOutlined, EyeOutlined, ExportOutlined, HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { displayValue } from './field-values';
import RangeFilter from './RangeFilter';
import EvaluationsTab from './EvaluationsTab';
import ImportModal from './ImportModal';
import { rowsSearch, useRegions, useRegister, useRows, type RegisterRow, type RowsParams } from './queries';
import RowDrawer from './RowDrawer';
import SchemaTab from './SchemaTab';
import SnapshotsTab from './SnapshotsTab';
import './registers.css';

const TABS = ['rows', 'evaluations', 'snapshots', 'schema'] as const;
type TabKey = (typeof TABS)[number];

export default function RegisterPage() {
  const { t, i18n } = useTranslation('registers');
  const id = Number(useParams().registerId);
  const register = useRegister(id);
  const regions = useRegions();
  const [params, setParams] = useState<RowsParams>({ page: 1, pageSize: 20, filters: {} });
  const rows = useRows(id, params);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<{ row: RegisterRow; tab: 'values' | 'history' } | null>(null);
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const en = i18n.language === 'en';
  const definition = register.data?.definition;

  const columns: TableColumnsType<RegisterRow> = useMemo(
    () =>
      (definition?.fields ?? []).map((f) => ({
        key: f.name,
        title: en && f.nameEn ? f.nameEn : f.name,
        dataIndex: ['values', f.name],
        sorter: true,
        sortOrder: params.sort === f.name ? (params.order === 'desc' ? 'descend' : 'ascend') : null,
        ellipsis: f.type === 'text',
        width: f.type === 'text' ? 200 : undefined,
        ...(f.type === 'enum' || f.type === 'boolean'
          ? {
              filters: (f.type === 'enum' ? (f.values ?? []) : ['是', '否']).map((v) => ({ text: v, value: v })),
              filterMultiple: false,
              filteredValue: params.filters[f.name] ? [params.filters[f.name]!] : null,
            }
          : {}),
        ...(f.type === 'date' || f.type === 'number' || f.type === 'integer'
          ? {
              filteredValue: params.ranges?.[f.name] ? [params.ranges[f.name]!.from ?? '', params.ranges[f.name]!.to ?? ''] : null,
              filterIcon: (filtered: boolean) => <ColumnHeightOutlined style={{ color: filtered ? '#1677ff' : undefined }} aria-label={t('range.title', { field: f.name })} />,
              filterDropdown: ({ close }: { close: () => void }) => (
                <RangeFilter
                  kind={f.type === 'date' ? 'date' : 'number'}
                  value={params.ranges?.[f.name]}
                  close={close}
                  testId={`range-${f.name}`}
                  onApply={(range) =>
                    setParams((p) => {
                      const ranges = { ...p.ranges };
                      if (range) ranges[f.name] = range;
                      else delete ranges[f.name];
                      return { ...p, page: 1, ranges };
                    })
                  }
                />
              ),
            }
          : {}),
        render: (v: string | number | boolean | null) => displayValue(v, t('register.yes'), t('register.no')),
      })),
    [definition, en, params, t],
  );
  const rangeFields = new Set((definition?.fields ?? []).filter((f) => f.type === 'date' || f.type === 'number' || f.type === 'integer').map((f) => f.name));

  const onChange = (pagination: TablePaginationConfig, filters: Record<string, FilterValue | null>, sorter: SorterResult<RegisterRow> | SorterResult<RegisterRow>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const exact: Record<string, string> = {};
    // Range columns keep their own state (RangeFilter); only the drop-down lists are exact filters.
    for (const [k, v] of Object.entries(filters)) if (v && v.length > 0 && !rangeFields.has(k)) exact[k] = String(v[0]);
    setParams((p) => ({
      ...p,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sort: s?.order ? String(s.columnKey) : undefined,
      order: s?.order === 'descend' ? 'desc' : 'asc',
      filters: exact,
    }));
  };

  if (register.error) return <Alert type="error" showIcon title={register.error.message} />;
  const view = register.data;
  const write = view?.permissions.write ?? 'none';
  const exportHref = `/api/registers/${id}/export.xlsx${rowsSearch({ ...params, page: undefined, pageSize: undefined })}`;

  const rowsPanel = (
    <>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>

          <Input.Search
            allowClear
            placeholder={t('register.search')}
            style={{ maxWidth: 260 }}
            onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q || undefined }))}
            data-testid="register-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('register.region')}
            style={{ minWidth: 180 }}
            options={(regions.data ?? []).filter((r) => r.kind !== 'province').map((r) => ({ value: r.id, label: r.name }))}
            onChange={(region: number | undefined) => setParams((p) => ({ ...p, page: 1, region }))}
          />
          <Typography.Text type="secondary" data-testid="register-total">
            {t('register.total', { count: rows.data?.total ?? 0 })}
          </Typography.Text>
          <Tag>{write === 'all' ? t('register.writeAll') : write === 'region' ? t('register.writeRegion') : t('register.writeNone')}</Tag>
          {Object.entries(params.ranges ?? {}).map(([name, r]) => (
            <Tag
              key={name}
              color="blue"
              closable
              onClose={() =>
                setParams((p) => {
                  const ranges = { ...p.ranges };
                  delete ranges[name];
                  return { ...p, page: 1, ranges };
                })
              }
              data-testid={`range-tag-${name}`}
            >
              {name} {r.from ?? '…'} ~ {r.to ?? '…'}
            </Tag>
          ))}
        </Flex>
        {rows.error && <Alert type="error" showIcon title={rows.error.message} style={{ marginBottom: 12 }} />}
        <div className="register-table-box">
          <Table<RegisterRow>
            size="small"
            rowKey="id"
            columns={[
              ...columns,
              {
                key: 'actions',
                fixed: 'right',
                width: 120,
                render: (_: unknown, row) => (
                  <Space size={4}>
                    <Button size="small" icon={row.canEdit ? <EditOutlined /> : <EyeOutlined />} onClick={() => setSelected({ row, tab: 'values' })} data-testid={`row-open-${row.id}`}>
                      {row.canEdit ? t('register.edit') : t('register.view')}
                    </Button>
                    <Tooltip title={t('register.history')}>
                      <Button
                        size="small"
                        icon={<HistoryOutlined />}
                        onClick={() => setSelected({ row, tab: 'history' })}
                        aria-label={t('register.historyOf', { name: String(row.values[definition?.uniqueKey.at(-1) ?? ''] ?? row.id) })}
                        data-testid={`row-history-${row.id}`}
                      />
                    </Tooltip>
                  </Space>
                ),
              },
            ]}
            dataSource={rows.data?.rows ?? []}
            loading={rows.isFetching}
            scroll={{ x: 'max-content' }}
            onChange={onChange}
            data-testid="register-rows"
            pagination={{ current: params.page, pageSize: params.pageSize, total: rows.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
          />
        </div>
    </>
  );

  const tab: TabKey = TABS.includes(asked as TabKey) && (asked !== 'evaluations' || definition?.evaluation) ? (asked as TabKey) : 'rows';
  const tabs = [
    { key: 'rows', label: t('register.rowsTab'), children: rowsPanel },
    ...(view && definition?.evaluation ? [{ key: 'evaluations', label: t('register.evaluations'), children: <EvaluationsTab register={view} config={definition.evaluation} /> }] : []),
    ...(view ? [{ key: 'snapshots', label: t('register.snapshots'), children: <SnapshotsTab register={view} /> }] : []),
    ...(view ? [{ key: 'schema', label: t('register.schemaTab'), children: <SchemaTab register={view} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={view?.name ?? ''}
        description={definition?.description}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={`/api/registers/${id}/template.xlsx`} data-testid="register-template">
              {t('register.template')}
            </Button>
            <Button icon={<ExportOutlined />} href={exportHref} data-testid="register-export">
              {t('register.export')}
            </Button>
            {view?.permissions.import && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="register-import">
                {t('register.import')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch((p) => {
            const next = new URLSearchParams(p);
            if (key === 'rows') next.delete('tab');
            else next.set('tab', key);
            return next;
          }, { replace: true })}
          items={tabs}
          destroyOnHidden
          data-testid="register-tabs"
        />
      </Card>
      {importing && view && <ImportModal register={view} onClose={() => setImporting(false)} />}
      {selected && view && <RowDrawer register={view} row={selected.row} tab={selected.tab} onClose={() => setSelected(null)} />}
    </>
  );
}
