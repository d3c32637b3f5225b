import { MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import UnitSelect from '../../components/UnitSelect';
import { useUnits } from '../../unit-queries';
import { filterFromSearch, LIGHT_ORDER, rowFilterFromSearch, rowShown } from './ledger-view';
import { LightTag, PercentBar, testId, useOfficeArea, useUnitNames } from './ledger-ui';
import { useOverview, useTasks } from './queries';
import type { TaskRow } from './queries';
import { AddTaskModal, MergeModal } from './ShapeModals';

/**
 * The ledger's task list with the filters of GET /api/plans/:planId/tasks, kept in the URL so
 * every count can link here. `manage`: the reader runs this plan's ledger (adds and merges).
 */
export default function TasksTab({ planId, manage }: { planId: number; manage: boolean }) {
  const { t } = useTranslation('ledger');
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const narrow = rowFilterFromSearch(search);
  const tasks = useTasks(planId, filter);
  const unitName = useUnitNames();
  const units = useUnits();
  const overview = useOverview(planId);
  const [selected, setSelected] = useState<number[]>([]);
  // A 市州's office merges its own local measures only; the province's tasks are the province's.
  const area = useOfficeArea();
  const [dialog, setDialog] = useState<'add' | 'merge' | null>(null);
  const sections = new Map((overview.data?.bySection ?? []).map((sec) => [sec.section, sec.title]));
  // The server filters by section once it can; the list filters again so it holds either way.
  const rows = (tasks.data ?? []).filter((task) => rowShown(task, filter, narrow));
  const chosen = rows.filter((row) => selected.includes(row.id));

  const setParam = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(search);
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setSearch(next, { replace: true });
  };
  const clear = () => {
    const next = new URLSearchParams(search);
    for (const key of ['light', 'status', 'unitId', 'section', 'lead', 'ack']) next.delete(key);
    setSearch(next, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <div className="ledger-unit-filter" data-testid="filter-unit">
            <UnitSelect units={units.data ?? []} allowClear value={filter.unitId ?? null} onChange={(id) => setParam('unitId', id)} placeholder={t('ledger.filters.unit')} />
          </div>
          <Select
            allowClear
            placeholder={t('ledger.filters.section')}
            value={filter.section ?? null}
            onChange={(v) => setParam('section', v)}
            style={{ minWidth: 140, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            options={(overview.data?.bySection ?? []).map((sec) => ({ value: sec.section ?? 0, label: sec.title }))}
            data-testid="filter-section"
          />
          <Select
            allowClear
            placeholder={t('ledger.filters.light')}
            value={filter.light ?? null}
            onChange={(v) => setParam('light', v)}
            style={{ minWidth: 120 }}
            options={LIGHT_ORDER.map((l) => ({ value: l, label: t(`light.${l}`) }))}
            data-testid="filter-light"
          />
          <Select
            allowClear
            placeholder={t('ledger.filters.status')}
            value={filter.status ?? null}
            onChange={(v) => setParam('status', v)}
            style={{ minWidth: 120 }}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
            data-testid="filter-status"
          />
          {narrow.lead && (
            <Tag closable onClose={() => setParam('lead', null)} data-testid="filter-lead">
              {t('ledger.filters.leadOnly')}
            </Tag>
          )}
          {narrow.ack && (
            <Tag closable onClose={() => setParam('ack', null)} data-testid="filter-ack">
              {t(narrow.ack === 'yes' ? 'ledger.filters.acknowledged' : 'ledger.filters.notAcknowledged')}
            </Tag>
          )}
          {(filter.light || filter.status || filter.unitId || filter.section !== undefined) && (
            <Button onClick={clear} data-testid="filter-clear">
              {t('ledger.filters.clear')}
            </Button>
          )}
          <Typography.Text type="secondary" data-testid="task-count">
            {t('ledger.count', { count: rows.length })}
          </Typography.Text>
          {manage && (
            <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
              {chosen.length >= 2 && (
                <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} {...testId('merge-tasks')}>
                  {t('shape.mergeSelected', { count: chosen.length })}
                </Button>
              )}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} {...testId('add-task')}>
                {t('shape.add')}
              </Button>
            </Flex>
          )}
        </Flex>
        {manage && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
            {t('shape.selectHint')}
          </Typography.Text>
        )}
      </Card>
      {tasks.error && <Alert type="error" showIcon title={tasks.error.message} />}
      <div className="ledger-table-box">
        <Table<TaskRow>
          size="small"
          rowKey="id"
          loading={tasks.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="task-table"
          scroll={{ x: 1140 }}
          rowSelection={manage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), columnWidth: 36, getCheckboxProps: (r) => ({ disabled: r.status === 'closed' || (area !== null && r.ownerUnitId !== area) }) } : undefined}
          columns={[
            {
              title: t('ledger.columns.section'),
              width: 56,
              // The numeral as clerks cite it (四); the full heading on hover.
              render: (_, r) => {
                const title = sections.get(r.sectionOrdinal) ?? '—';
                return <Tooltip title={title}>{title.split('、')[0]}</Tooltip>;
              },
            },
            { title: t('ledger.columns.item'), width: 56, render: (_, r) => r.itemOrdinal ?? '—' },
            {
              title: t('ledger.columns.title'),
              dataIndex: 'title',
              width: 240,
              render: (title: string, r) => (
                <Link to={`/ledger/tasks/${r.id}`} data-testid={`task-link-${r.id}`}>
                  {title}
                </Link>
              ),
            },
            { title: t('ledger.columns.lead'), width: 120, render: (_, r) => unitName(r.leadUnitId) },
            {
              title: t('ledger.columns.units'),
              width: 160,
              render: (_, r) => {
                const others = r.unitIds.filter((id) => id !== r.leadUnitId);
                const shown = others.slice(0, 3).map((id) => unitName(id)).join('、');
                return (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {shown}
                    {others.length > 3 ? ` ${t('ledger.moreUnits', { count: others.length })}` : ''}
                  </Typography.Text>
                );
              },
            },
            { title: t('ledger.columns.dueDate'), dataIndex: 'dueDate', width: 100 },
            { title: t('ledger.columns.light'), width: 200, render: (_, r) => <LightTag light={r.light} reason={r.lightReason} /> },
            { title: t('ledger.columns.percent'), width: 130, render: (_, r) => <PercentBar percent={r.percent} light={r.light} /> },
            {
              title: t('ledger.columns.status'),
              dataIndex: 'status',
              width: 80,
              render: (s: TaskRow['status']) => <Tag color={s === 'closed' ? 'default' : 'processing'}>{t(`taskStatus.${s}`)}</Tag>,
            },
          ]}
        />
      </div>
      {dialog === 'add' && <AddTaskModal planId={planId} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && (
        <MergeModal
          planId={planId}
          tasks={chosen}
          onClose={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
    </Flex>
  );
}
