import { DownloadOutlined, DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Dropdown, Empty, Input, Row, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import FullPageSpin from '../../components/FullPageSpin';
import Highlight from '../../components/Highlight';
import PageHeader from '../../components/PageHeader';
import type { Unit } from '../../../contract/units';
import { useUnits, useUnitsAllowed } from '../../unit-queries';
import UnitDetails from './UnitDetails';
import UnitFormModal from './UnitFormModal';
import UnitImportButton from './UnitImportButton';
import { ancestorKeys, buildUnitTree, filterUnitTree, unitKey, type GroupNode, type UnitNode } from './unit-tree';

type FormState = { mode: 'create' } | { mode: 'edit'; unit: Unit } | null;

function UnitTitle({ node, query }: { node: UnitNode; query: string }) {
  const { t } = useTranslation();
  const { unit, match } = node;
  return (
    <span data-testid={`unit-${unit.code}`}>
      <Highlight text={unit.name} query={query} />
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {match && match.field !== 'name' ? (
          match.field === 'alias' ? (
            t('units.matchedAlias', { alias: match.text })
          ) : (
            <Highlight text={match.text} query={query} />
          )
        ) : (
          unit.code
        )}
      </Typography.Text>
    </span>
  );
}

function toTreeData(groups: GroupNode[], query: string, groupLabel: (group: GroupNode) => string): TreeDataNode[] {
  const unitData = (node: UnitNode): TreeDataNode => ({
    key: node.key,
    title: <UnitTitle node={node} query={query} />,
    children: node.children.length > 0 ? node.children.map(unitData) : undefined,
  });
  return groups.map((group) => ({
    key: group.key,
    selectable: false,
    title: (
      <span style={{ fontWeight: 500 }}>
        {groupLabel(group)}
        <Typography.Text type="secondary" style={{ marginLeft: 6, fontWeight: 400 }}>
          ({group.children.length})
        </Typography.Text>
      </span>
    ),
    children: group.children.map(unitData),
  }));
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const selectedId = params.unitId !== undefined && /^\d+$/.test(params.unitId) ? Number(params.unitId) : null;
  const units = useUnits();
  const [query, setQuery] = useState('');
  // null: the tree decides (search results wide open, else the groups and the selected unit)
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [form, setForm] = useState<FormState>(null);

  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const filtered = useMemo(() => filterUnitTree(tree, query), [tree, query]);
  const treeData = useMemo(
    () => toTreeData(filtered.groups, query, (group) => t(`units.groups.${group.group}`)),
    [filtered, query, t],
  );
  const defaultExpanded = useMemo(
    () => [
      ...tree.filter((group) => group.group !== 'other').map((group) => group.key),
      ...(selectedId === null ? [] : ancestorKeys(tree, selectedId)),
    ],
    [tree, selectedId],
  );
  const expandedKeys = expanded ?? (query.trim() ? filtered.expandedKeys : defaultExpanded);

  const allowed = useUnitsAllowed().data;
  const selected = selectedId === null ? undefined : units.data?.find((unit) => unit.id === selectedId);

  const actions = (
    <>
      {allowed?.create && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
          {t('units.add')}
        </Button>
      )}
      {allowed?.import && <UnitImportButton />}
      {allowed?.export && (
        <Dropdown
          menu={{
            items: [
              { key: 'json', label: <a href="/api/units/export.json" download>{t('units.exportJson')}</a> },
              { key: 'xlsx', label: <a href="/api/units/export.xlsx" download>{t('units.exportXlsx')}</a> },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />}>
            {t('units.export')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('units.title')} description={t('area.units')} extra={actions} />
      {units.error && <Alert type="error" showIcon title={units.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={10} xxl={8}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            <Input.Search
              allowClear
              placeholder={t('units.searchPlaceholder')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setExpanded(null);
              }}
              data-testid="unit-search"
            />
            <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0', fontSize: 12 }}>
              {query.trim()
                ? t('units.matched', { count: filtered.matched })
                : t('units.total', { count: units.data?.length ?? 0 })}
            </Typography.Text>
            <div style={{ maxHeight: 'calc(100vh - 290px)', minHeight: 320, overflow: 'auto' }} data-testid="unit-tree">
              {units.isPending ? (
                <FullPageSpin />
              ) : treeData.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noMatch')} />
              ) : (
                <Tree
                  blockNode
                  showLine={{ showLeafIcon: false }}
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selectedId === null ? [] : [unitKey(selectedId)]}
                  onSelect={(_, info) => {
                    const key = String(info.node.key);
                    if (key.startsWith('unit:')) void navigate(`/units/${key.slice(5)}`);
                  }}
                />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          {selectedId === null ? (
            <Card>
              <Empty description={t('units.selectHint')} />
            </Card>
          ) : selected ? (
            <UnitDetails
              unit={selected}
              units={units.data ?? []}
              onEdit={allowed?.update ? () => setForm({ mode: 'edit', unit: selected }) : undefined}
            />
          ) : units.isPending ? (
            <FullPageSpin />
          ) : (
            <Card>
              <Empty description={t('units.notFound')} />
            </Card>
          )}
        </Col>
      </Row>
      {form && (
        <UnitFormModal
          unit={form.mode === 'edit' ? form.unit : null}
          units={units.data ?? []}
          onClose={() => setForm(null)}
          onSaved={(unit) => {
            setForm(null);
            setExpanded(null);
            void navigate(`/units/${unit.id}`);
          }}
        />
      )}
    </>
  );
}
