import { Alert, App, Flex, Select, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../contract/plans';
import LostQuotes from './LostQuotes';
import { useLinkChange } from './queries';
import { foldUnchanged, shorten } from './redline-view';
import { DispositionTag } from './status';
import type { Redline as RedlineView, RedlineChange, RedlineOpinion } from '../../../contract/plans';

/** A paragraph of the redline: inserted text green, deleted text red and struck through. */
function ChangeText({ change }: { change: RedlineChange }) {
  if (change.kind === 'insert') return <ins className="consult-ins">{change.newText}</ins>;
  if (change.kind === 'delete') return <del className="consult-del">{change.oldText}</del>;
  if (change.kind === 'modify' && change.inline) {
    return (
      <>
        {change.inline.map((part, i) =>
          part.op === 'insert' ? (
            <ins key={i} className="consult-ins">
              {part.text}
            </ins>
          ) : part.op === 'delete' ? (
            <del key={i} className="consult-del">
              {part.text}
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </>
    );
  }
  return <>{change.newText ?? change.oldText}</>;
}

function OpinionLine({ opinion, itemName }: { opinion: RedlineOpinion; itemName: string }) {
  return (
    <li data-testid="flag-opinion" data-opinion={opinion.id}>
      <strong>{opinion.unitName}</strong>
      <Typography.Text type="secondary"> · {itemName} · </Typography.Text>
      {shorten(opinion.content, 80)} <DispositionTag disposition={opinion.disposition} />
    </li>
  );
}

/**
 * The redline between the consulted version and a revision: what changed, paragraph by
 * paragraph and inside paragraphs, each change with the opinions it answers; and the checks
 * that keep the revision honest (adopted opinions without a change, quotes that are gone).
 */
export default function Redline({ view, items, editable }: { view: RedlineView; items: readonly PlanItem[]; editable: boolean }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const link = useLinkChange(view.planId, view.from, view.to);
  const rows = useMemo(() => foldUnchanged(view.changes), [view.changes]);
  const opinionsById = useMemo(() => new Map(view.opinions.map((o) => [o.id, o])), [view.opinions]);
  const itemName = (ordinal: number) => {
    const item = items.find((i) => i.ordinal === ordinal);
    return item ? item.number || String(item.ordinal) : t('opinions.itemN', { n: ordinal });
  };
  const options = view.opinions.map((o) => ({
    value: o.id,
    label: `${o.unitName} · ${itemName(o.itemOrdinal)} · ${shorten(o.content, 24)}`,
    opinion: o,
  }));

  const flagList = (ids: number[]): ReactNode => (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
      {ids.map((id) => {
        const opinion = opinionsById.get(id);
        return opinion ? <OpinionLine key={id} opinion={opinion} itemName={itemName(opinion.itemOrdinal)} /> : null;
      })}
    </ul>
  );

  /** A check's alert listing the opinions it flags; nothing when it flags none. */
  const flag = (
    type: 'warning' | 'info',
    title: 'redline.adoptedWithoutChange' | 'redline.quoteMoved',
    ids: number[],
    testId: string,
  ): ReactNode =>
    ids.length > 0 && (
      <Alert
        type={type}
        showIcon
        title={t(title, { count: ids.length })}
        description={flagList(ids)}
        style={{ marginBottom: 12 }}
        data-testid={testId}
      />
    );

  return (
    <div data-testid="redline">
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="redline-stats">
        <Tag color="green">{t('redline.stats.inserted', { count: view.stats.inserted })}</Tag>
        <Tag color="red">{t('redline.stats.deleted', { count: view.stats.deleted })}</Tag>
        <Tag color="gold">{t('redline.stats.modified', { count: view.stats.modified })}</Tag>
        <Tag>{t('redline.stats.unchanged', { count: view.stats.unchanged })}</Tag>
      </Flex>
      {flag('warning', 'redline.adoptedWithoutChange', view.adoptedWithoutChange, 'flag-adopted-without-change')}
      <LostQuotes view={view} itemName={itemName} />
      {flag('info', 'redline.quoteMoved', view.quoteMoved.map((m) => m.opinionId), 'flag-quote-moved')}
      {view.adoptedWithoutChange.length === 0 && view.quoteGone.length === 0 && (
        <Alert type="success" showIcon title={t('redline.allClear')} style={{ marginBottom: 12 }} data-testid="flag-clear" />
      )}
      <div className="consult-redline" style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {rows.map((row) =>
          row.type === 'folded' ? (
            <div key={`f${row.first}`} className="consult-folded">
              {t('redline.folded', { count: row.count })}
            </div>
          ) : (
            <div
              key={row.change.index}
              className={`consult-para consult-para-${row.change.kind}`}
              data-testid={row.change.kind === 'equal' ? undefined : 'redline-change'}
              data-kind={row.change.kind}
            >
              <div className="consult-para-text">
                <ChangeText change={row.change} />
                {row.change.movedWith !== undefined && (
                  <Tag style={{ marginInlineStart: 8 }}>{t('redline.moved')}</Tag>
                )}
              </div>
              <div className="consult-para-links">
                {row.change.kind !== 'equal' && (
                  <Select<number[]>
                    mode="multiple"
                    allowClear
                    disabled={!editable}
                    style={{ width: '100%' }}
                    placeholder={t('redline.linkPlaceholder')}
                    value={row.change.opinionIds}
                    loading={link.isPending && link.variables?.changeKey === row.change.key}
                    options={options}
                    optionRender={(option) => (
                      <Flex vertical>
                        <span>
                          <strong>{option.data.opinion.unitName}</strong>
                          <Typography.Text type="secondary"> · {itemName(option.data.opinion.itemOrdinal)} </Typography.Text>
                          <DispositionTag disposition={option.data.opinion.disposition} />
                        </span>
                        <span style={{ whiteSpace: 'normal' }}>{shorten(option.data.opinion.content, 60)}</span>
                      </Flex>
                    )}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(ids) =>
                      link.mutate(
                        { changeKey: row.change.key, opinionIds: ids },
                        { onError: (error) => void message.error(error.message) },
                      )
                    }
                    aria-label={t('redline.linkLabel')}
                    data-testid="change-links"
                  />
                )}
              </div>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
