import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Statistic, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import PageHeader from '../../components/PageHeader';
import { useSessionAllowed } from '../../session';
import { figuresByPrefecture, periodsOf, trendSeries } from './indicator-figures';
import FiguresImportModal from './FiguresImportModal';
import IndicatorFiguresEntry from './IndicatorFiguresEntry';
import { IndicatorMap, IndicatorTrend, TargetBars } from './IndicatorMap';
import NewIndicatorModal from './NewIndicatorModal';
import { useIndicatorLevelValues, useIndicators, useIndicatorValues, useRegions, useSetIndicatorPublic } from './queries';

/**
 * Indicators by 市州 on the map of Hunan, as bars against their targets and as lines over the
 * periods; the office publishes them and enters the figures kept by hand.
 */
export default function StatisticsPage() {
  const { t } = useTranslation('registers');
  const { message } = App.useApp();
  const allowed = useSessionAllowed();
  const indicators = useIndicators();
  const regions = useRegions();
  const [chosen, setChosen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const indicatorId = chosen ?? indicators.data?.[0]?.id ?? null;
  const indicator = indicators.data?.find((i) => i.id === indicatorId);
  const all = useIndicatorValues(indicatorId, null);
  const province = useIndicatorLevelValues(indicatorId, 'province');
  const periods = useMemo(() => periodsOf([...(all.data ?? []), ...(province.data ?? [])]), [all.data, province.data]);
  const [period, setPeriod] = useState<string | null>(null);
  const current = period && periods.includes(period) ? period : (periods.find((p) => indicator?.year !== null && p === String(indicator?.year)) ?? periods[0] ?? null);
  const values = (all.data ?? []).filter((v) => v.period === current);
  const figures = figuresByPrefecture(regions.data ?? [], values);
  // The province's own figure where there is one, else the sum of the 市州 — but a rate (%, ‰) cannot be added up.
  const provinceFigure = (province.data ?? []).find((v) => v.period === current)?.value;
  const rate = /[%‰]/.test(indicator?.unit ?? '');
  const total = provinceFigure ?? (rate ? null : Math.round(figures.reduce((sum, f) => sum + (f.value ?? 0), 0) * 100) / 100);
  const publish = useSetIndicatorPublic();

  const provinceId = regions.data?.find((r) => r.kind === 'province')?.id;
  const [trendChoice, setTrendChoice] = useState<number[] | null>(null);
  const hasProvince = (province.data ?? []).length > 0;
  const trendUnits = trendChoice ?? (hasProvince && provinceId !== undefined ? [provinceId] : (regions.data ?? []).filter((r) => r.kind === 'prefecture').slice(0, 3).map((r) => r.id));
  const trend = trendSeries(regions.data ?? [], [...(province.data ?? []), ...(all.data ?? [])], trendUnits);
  const trendOptions = (regions.data ?? [])
    .filter((r) => r.kind === 'prefecture' || (r.kind === 'province' && hasProvince))
    .map((r) => ({ value: r.id, label: r.name }));

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        description={t('statistics.description')}
        extra={
          allowed.manageIndicators && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="indicator-add">
              {t('indicatorForm.add')}
            </Button>
          )
        }
      />
      {indicators.error && <Alert type="error" showIcon title={indicators.error.message} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={indicatorId}
            onChange={(id: number) => {
              setChosen(id);
              setPeriod(null);
              setTrendChoice(null);
            }}
            options={(indicators.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
            aria-label={t('statistics.indicator')}
            data-testid="indicator-select"
          />
          <Select style={{ minWidth: 120 }} value={current} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} aria-label={t('statistics.period')} />
          {indicator && allowed.manageIndicators ? (
            <Flex gap={6} align="center">
              <Switch
                checked={indicator.public}
                loading={publish.isPending}
                onChange={(published) =>
                  publish.mutate(
                    { id: indicator.id, published },
                    { onSuccess: (i) => void message.success(i.public ? t('statistics.publishedNow', { name: i.name }) : t('statistics.withdrawnNow', { name: i.name })) },
                  )
                }
                aria-label={t('statistics.publishToggle')}
                data-testid="indicator-public"
              />
              <Typography.Text>{indicator.public ? t('statistics.public') : t('statistics.notPublic')}</Typography.Text>
            </Flex>
          ) : (
            indicator?.public && <Tag color="green">{t('statistics.public')}</Tag>
          )}
          {indicator && <Tag>{t(`statistics.source.${indicator.source === 'register' || indicator.source === 'task' ? indicator.source : 'manual'}`)}</Tag>}
        </Flex>
        {publish.error && <Alert type="error" showIcon title={publish.error.message} style={{ marginTop: 12 }} />}
      </Card>
      {indicator && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('statistics.map')}>
              <Statistic
                value={total ?? '—'}
                suffix={total === null ? undefined : indicator.unit}
                title={indicator.target !== null && String(indicator.year) === current ? t('statistics.provinceTarget', { target: indicator.target, unit: indicator.unit }) : undefined}
                data-testid="indicator-total"
              />
              {values.length === 0 ? <Empty description={t('statistics.noData')} /> : <IndicatorMap figures={figures} unit={indicator.unit} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('statistics.mapSource')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('statistics.bars')}>
              <TargetBars figures={figures} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              size="small"
              title={t('statistics.trend')}
              extra={
                <Select
                  mode="multiple"
                  maxTagCount="responsive"
                  style={{ minWidth: 200, maxWidth: 520 }}
                  value={trendUnits}
                  onChange={(ids: number[]) => setTrendChoice(ids)}
                  options={trendOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('statistics.trendRegions')}
                  aria-label={t('statistics.trendRegions')}
                  data-testid="trend-regions"
                />
              }
            >
              {trend.periods.length === 0 || trendUnits.length === 0 ? (
                <Empty description={trendUnits.length === 0 ? t('statistics.trendChoose') : t('statistics.noData')} />
              ) : (
                <IndicatorTrend periods={trend.periods} series={trend.series} unit={indicator.unit} />
              )}
              {trend.periods.length === 1 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('statistics.onePeriod')}
                </Typography.Text>
              )}
            </Card>
          </Col>
          {allowed.manageIndicators && (
            <Col xs={24}>
              <Card size="small" title={t('figures.title')} data-testid="figures-card">
                {indicator.source === 'manual' ? (
                  <>
                    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                      <Button
                        icon={<DownloadOutlined />}
                        href={`/api/indicators/${indicator.id}/values/template.xlsx${current ? `?period=${encodeURIComponent(current)}` : ''}`}
                        data-testid="figures-template"
                      >
                        {t('figuresImport.template')}
                      </Button>
                      <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="figures-import-open">
                        {t('figuresImport.import')}
                      </Button>
                    </Flex>
                    <IndicatorFiguresEntry
                      key={indicator.id}
                      indicator={indicator}
                      regions={regions.data ?? []}
                      values={[...(province.data ?? []), ...(all.data ?? [])]}
                      periods={periods}
                      initialPeriod={current}
                    />
                  </>
                ) : (
                  <Typography.Text type="secondary">{t(indicator.source === 'register' ? 'figures.fromRegister' : 'figures.fromReports')}</Typography.Text>
                )}
              </Card>
            </Col>
          )}
        </Row>
      )}
      {importing && indicator && (
        <FiguresImportModal
          title={t('figuresImport.indicatorTitle', { name: indicator.name })}
          hint={t('figuresImport.indicatorHint')}
          path={`/api/indicators/${indicator.id}/values/import`}
          refresh={[['indicators']]}
          onClose={() => setImporting(false)}
        />
      )}
      {adding && (
        <NewIndicatorModal
          onClose={(id) => {
            setAdding(false);
            if (id !== null) {
              setChosen(id);
              setPeriod(null);
              setTrendChoice(null);
            }
          }}
        />
      )}
    </>
  );
}
