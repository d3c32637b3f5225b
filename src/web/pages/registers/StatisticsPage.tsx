import { Alert, Card, Col, Empty, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import PageHeader from '../../components/PageHeader';
import { figuresByPrefecture, periodsOf } from './indicator-figures';
import { IndicatorMap, TargetBars } from './IndicatorMap';
import { useIndicators, useIndicatorValues, useRegions } from './queries';

/** Indicators by 市州 on the map of Hunan and as bars against their targets. */
export default function StatisticsPage() {
  const { t } = useTranslation('registers');
  const indicators = useIndicators();
  const regions = useRegions();
  const [chosen, setChosen] = useState<number | null>(null);
  const indicatorId = chosen ?? indicators.data?.[0]?.id ?? null;
  const indicator = indicators.data?.find((i) => i.id === indicatorId);
  const all = useIndicatorValues(indicatorId, null);
  const periods = useMemo(() => periodsOf(all.data ?? []), [all.data]);
  const [period, setPeriod] = useState<string | null>(null);
  const current = period && periods.includes(period) ? period : (periods.find((p) => indicator?.year !== null && p === String(indicator?.year)) ?? periods[0] ?? null);
  const values = (all.data ?? []).filter((v) => v.period === current);
  const figures = figuresByPrefecture(regions.data ?? [], values);
  const total = figures.reduce((sum, f) => sum + (f.value ?? 0), 0);

  return (
    <>
      <PageHeader title={t('statistics.title')} description={t('statistics.description')} />
      {indicators.error && <Alert type="error" showIcon title={indicators.error.message} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={indicatorId}
            onChange={(id: number) => {
              setChosen(id);
              setPeriod(null);
            }}
            options={(indicators.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
            aria-label={t('statistics.indicator')}
            data-testid="indicator-select"
          />
          <Select style={{ minWidth: 120 }} value={current} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} aria-label={t('statistics.period')} />
          {indicator?.public && <Tag color="green">{t('statistics.public')}</Tag>}
        </Flex>
      </Card>
      {indicator && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('statistics.map')}>
              <Statistic
                value={total}
                suffix={indicator.unit}
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
        </Row>
      )}
    </>
  );
}
