import { Card, Empty, List, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import LanguageSwitch from '../../components/LanguageSwitch';
import { figuresByPrefecture, periodsOf } from './indicator-figures';
import { IndicatorMap } from './IndicatorMap';
import { useIndicatorValues, usePublicOverview, useRegions } from './queries';
import '../public/public.css';
import { formatChinaDate, formatChinaTime } from '../../format';

/** The public portal: published indicators on the map, register snapshots and consultation notices. No account. */
export default function PublicPortalPage() {
  const { t } = useTranslation('registers');
  const { t: tp } = useTranslation('public');
  const overview = usePublicOverview();
  const regions = useRegions();
  const [chosen, setChosen] = useState<number | null>(null);
  const indicators = overview.data?.indicators ?? [];
  const indicatorId = chosen ?? indicators[0]?.id ?? null;
  const indicator = indicators.find((i) => i.id === indicatorId);
  const values = useIndicatorValues(indicatorId, null, true);
  const periods = useMemo(() => periodsOf(values.data ?? []), [values.data]);
  const period = periods.find((p) => indicator?.year !== null && p === String(indicator?.year)) ?? periods[0];
  const figures = figuresByPrefecture(regions.data ?? [], (values.data ?? []).filter((v) => v.period === period));
  if (!overview.data) return <div className="public-page">{overview.error ? <Empty description={overview.error.message} /> : <Spin />}</div>;
  const data = overview.data;
  return (
    <div className="public-page">
      <div className="public-bar">
        <span>{t('public.updated', { time: formatChinaTime(data.updatedAt) || '—' })}</span>
        <LanguageSwitch />
      </div>
      <main className="public-sheet public-portal">
      <h1 className="public-title">{t('public.title')}</h1>
      <div className="public-rule" />
      <p className="public-lead">{tp('portal.lead')}</p>
      <Typography.Text type="secondary" data-testid="public-updated">
        {t('public.updated', { time: formatChinaTime(data.updatedAt) || '—' })}
      </Typography.Text>
      <Card size="small" title={tp('portal.plans')} style={{ marginTop: 16 }} data-testid="public-plans">
        <List
          dataSource={data.plans}
          locale={{ emptyText: t('public.none') }}
          renderItem={(p) => (
            <List.Item key={p.id}>
              <List.Item.Meta
                title={
                  <Link to={`/public/plans/${p.id}`} data-testid="public-plan-link">
                    {p.title}
                  </Link>
                }
                description={
                  <>
                    {tp('portal.planLine', { count: p.tasks, closed: p.closed, percent: p.percent === null ? '—' : `${p.percent}%` })}
                    {' · '}
                    {tp('portal.updated', { time: formatChinaTime(p.updatedAt) })}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('public.indicators')} style={{ marginTop: 16 }}>
        {indicators.length === 0 ? (
          <Empty description={t('public.none')} />
        ) : (
          <>
            <Select
              style={{ width: '100%', maxWidth: 360 }}
              value={indicatorId}
              onChange={setChosen}
              options={indicators.map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {period}
            </Typography.Paragraph>
            {indicator && <IndicatorMap figures={figures} unit={indicator.unit} />}
          </>
        )}
      </Card>
      <Card size="small" title={t('public.registers')} style={{ marginTop: 16 }}>
        <List
          dataSource={data.registers.flatMap((r) => r.snapshots.map((s) => ({ ...s, registerName: r.name })))}
          locale={{ emptyText: t('public.none') }}
          renderItem={(s) => (
            <List.Item key={s.id} extra={t('public.rows', { count: s.rowCount })}>
              <Link to={`/public/snapshots/${s.id}`}>
                {s.registerName} · {s.label}
              </Link>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('public.notices')} style={{ marginTop: 16 }}>
        <List
          dataSource={data.notices}
          locale={{ emptyText: t('public.none') }}
          renderItem={(n) => (
            <List.Item key={n.id} extra={t('public.published', { time: formatChinaDate(n.publishedAt) })}>
              <Link to={`/public/consultations/${n.id}`}>{n.title}</Link>
            </List.Item>
          )}
        />
      </Card>
      </main>
    </div>
  );
}
