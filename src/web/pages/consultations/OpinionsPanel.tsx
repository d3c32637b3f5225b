import { Alert, App, Button, Flex, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../contract/plans';
import DecideModal, { type DecideTarget } from './DecideModal';
import { arrangeByGroup, groupBands, groupSizes } from './opinion-groups';
import { useOpinions, useVerifySeals } from './queries';
import { itemLabel } from './reply-draft';
import SealCheck from './SealCheck';
import { DispositionTag } from './status';
import type { Consultation, Disposition, Opinion, OpinionFilter, OpinionState } from '../../../contract/consultations';
import { DISPOSITIONS } from '../../../contract/enums';

const STATES: readonly OpinionState[] = ['undecided', 'decided', ...DISPOSITIONS];

/** The opinion itself: the quoted passage, the opinion, the suggested wording and the unit's reason. */
export function OpinionText({ opinion }: { opinion: Pick<Opinion, 'quote' | 'content' | 'suggestion' | 'reason'> }) {
  const { t } = useTranslation('consultation');
  return (
    <div>
      {opinion.quote && (
        <span className="consult-quote" style={{ marginBottom: 4 }} data-testid="opinion-quote">
          {opinion.quote}
        </span>
      )}
      <div className="consult-prewrap" data-testid="opinion-content">
        {opinion.content}
      </div>
      {opinion.suggestion && (
        <div className="consult-prewrap" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('opinion.suggestionLabel')}</Typography.Text>
          {opinion.suggestion}
        </div>
      )}
      {opinion.reason && (
        <div className="consult-prewrap" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('opinion.reasonLabel')}</Typography.Text>
          {opinion.reason}
        </div>
      )}
    </div>
  );
}

/** Every opinion of the sealed replies: filters, similar ones banded together, decisions one by one or in bulk. */
export default function OpinionsPanel({ consultation, items }: { consultation: Consultation; items: readonly PlanItem[] }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const [filter, setFilter] = useState<OpinionFilter>({});
  const opinions = useOpinions(consultation.id, filter);
  const [selected, setSelected] = useState<number[]>([]);
  const [deciding, setDeciding] = useState<DecideTarget | null>(null);

  const rows = useMemo(() => arrangeByGroup(opinions.data ?? []), [opinions.data]);
  const bands = useMemo(() => groupBands(rows), [rows]);
  const sizes = useMemo(() => groupSizes(rows), [rows]);
  const replyIds = useMemo(() => [...new Set(rows.map((o) => o.replyId))], [rows]);
  const checks = useVerifySeals(replyIds);
  const itemsByOrdinal = useMemo(() => new Map(items.map((item) => [item.ordinal, item])), [items]);

  const setOne = <K extends keyof OpinionFilter>(key: K, value: OpinionFilter[K] | undefined) => {
    setSelected([]);
    setFilter((current) => {
      const next = { ...current };
      if (value === undefined || value === null) delete next[key];
      else next[key] = value;
      return next;
    });
  };

  const bulk = (disposition: Disposition) => setDeciding({ ids: selected, disposition });
  const selectGroup = (group: number) =>
    setSelected((current) => [...new Set([...current, ...rows.filter((o) => o.group === group).map((o) => o.id)])]);

  const columns: TableColumnsType<Opinion> = [
    {
      title: t('opinions.columns.group'),
      key: 'group',
      width: 84,
      onCell: () => ({ className: 'consult-group-cell' }),
      render: (_, o) => {
        const band = bands.get(o.group);
        return (
          <>
            {band && <span className="consult-group-band" style={{ background: band }} data-testid="group-band" />}
            {(sizes.get(o.group) ?? 0) > 1 ? (
              <Tooltip title={t('opinions.similarTip', { count: sizes.get(o.group) })}>
                <Tag
                  color={band ?? undefined}
                  style={{ marginInlineEnd: 0, cursor: 'pointer' }}
                  onClick={() => selectGroup(o.group)}
                  data-testid="group-tag"
                >
                  {t('opinions.similar', { n: o.group })}
                </Tag>
              </Tooltip>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('opinions.columns.unit'),
      key: 'unit',
      width: 140,
      render: (_, o) => (
        <>
          <div>{o.unitName}</div>
          {o.late && <Tag color="orange">{t('recipientStatus.late')}</Tag>}
        </>
      ),
    },
    {
      title: t('opinions.columns.item'),
      key: 'item',
      width: 150,
      render: (_, o) => {
        const item = itemsByOrdinal.get(o.itemOrdinal);
        return item ? (
          <Tooltip title={itemLabel(item)}>
            <span>{item.number || item.ordinal}</span>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', maxWidth: 140, fontSize: 12 }}>
              {item.title}
            </Typography.Text>
          </Tooltip>
        ) : (
          t('opinions.itemN', { n: o.itemOrdinal })
        );
      },
    },
    { title: t('opinions.columns.opinion'), key: 'opinion', render: (_, o) => <OpinionText opinion={o} /> },
    {
      title: t('opinions.columns.decision'),
      key: 'decision',
      width: 220,
      render: (_, o) => (
        <div data-testid="opinion-decision">
          <DispositionTag disposition={o.disposition} />
          {o.decisionReason && (
            <div className="consult-prewrap" style={{ marginTop: 4, fontSize: 13 }} data-testid="decision-reason">
              {o.decisionReason}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('opinions.columns.seal'),
      key: 'seal',
      width: 110,
      render: (_, o) => <SealCheck check={checks.get(o.replyId)} />,
    },
    {
      title: t('opinions.columns.action'),
      key: 'action',
      width: 80,
      render: (_, o) => (
        <Button
          size="small"
          type={o.disposition === null ? 'primary' : 'default'}
          onClick={() => setDeciding({ ids: [o.id], disposition: o.disposition ?? undefined, reason: o.decisionReason })}
          data-testid="decide-one"
        >
          {o.disposition === null ? t('opinions.decide') : t('opinions.redecide')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="opinions">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<number>
          allowClear
          placeholder={t('opinions.filterUnit')}
          style={{ width: 180 }}
          value={filter.unitId}
          onChange={(value) => setOne('unitId', value)}
          options={consultation.recipients.map((r) => ({ value: r.unitId, label: r.unitName }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="filter-unit"
        />
        <Select<number>
          allowClear
          placeholder={t('opinions.filterItem')}
          style={{ width: 260 }}
          value={filter.itemOrdinal}
          onChange={(value) => setOne('itemOrdinal', value)}
          options={items.map((item) => ({ value: item.ordinal, label: itemLabel(item) }))}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={420}
          data-testid="filter-item"
        />
        <Select<OpinionState>
          allowClear
          placeholder={t('opinions.filterState')}
          style={{ width: 150 }}
          value={filter.state}
          onChange={(value) => setOne('state', value)}
          options={STATES.map((state) => ({ value: state, label: t(`opinions.state.${state}`) }))}
          data-testid="filter-state"
        />
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
          {t('opinions.total', { count: rows.length })}
        </Typography.Text>
      </Flex>
      {selected.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={
            <Flex align="center" gap={8} wrap data-testid="bulk-bar">
              <span>{t('opinions.selected', { count: selected.length })}</span>
              {DISPOSITIONS.map((d) => (
                <Button key={d} size="small" onClick={() => bulk(d)} data-testid={`bulk-${d}`}>
                  {t(`opinions.bulk.${d}`)}
                </Button>
              ))}
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('opinions.clearSelection')}
              </Button>
            </Flex>
          }
        />
      )}
      {opinions.error && <Alert type="error" showIcon title={opinions.error.message} style={{ marginBottom: 12 }} />}
      <Table<Opinion>
        className="consult-opinions"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={opinions.isPending}
        locale={{ emptyText: filter.unitId || filter.itemOrdinal || filter.state ? t('opinions.noMatch') : t('opinions.empty') }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        data-testid="opinion-table"
      />
      {deciding && (
        <DecideModal
          consultationId={consultation.id}
          target={deciding}
          onClose={() => setDeciding(null)}
          onDone={(count) => {
            setDeciding(null);
            setSelected([]);
            void message.success(t('decide.done', { count }));
          }}
        />
      )}
    </div>
  );
}
