import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Flex, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetIndicatorValues, type Indicator, type IndicatorFigure, type IndicatorValue, type Region } from './queries';

const PERIOD = /^\d{4}(-(Q[1-4]|\d{2}))?$/;

/**
 * The office enters an indicator's figures by hand: one period at a time (a year, a quarter
 * 2021-Q3 or a month 2021-07, existing or new), the province and each 市州 on a line. Only the
 * figures changed are sent (`PUT /api/indicators/:id/values`).
 */
export default function IndicatorFiguresEntry({
  indicator,
  regions,
  values,
  periods,
  initialPeriod,
}: {
  indicator: Indicator;
  regions: Region[];
  /** The indicator's figures at every level the grid shows. */
  values: IndicatorValue[];
  periods: string[];
  initialPeriod: string | null;
}) {
  const { t } = useTranslation('registers');
  const { message } = App.useApp();
  // The period shown follows the page's until one is typed here (the page's arrives once the figures load).
  const [typedPeriod, setPeriod] = useState<string | null>(null);
  const period = typedPeriod ?? initialPeriod ?? String(new Date().getFullYear());
  const [typed, setTyped] = useState<Record<number, number | null>>({});
  const save = useSetIndicatorValues(indicator.id);
  const validPeriod = PERIOD.test(period);
  const lines = regions.filter((r) => r.kind === 'province' || r.kind === 'prefecture');
  const stored = new Map(values.filter((v) => v.period === period).map((v) => [v.unitId, v.value]));
  const changed: IndicatorFigure[] = Object.entries(typed)
    .filter(([unitId, v]) => v !== null && v !== stored.get(Number(unitId)))
    .map(([unitId, v]) => ({ unitId: Number(unitId), period, value: v! }));

  const onSave = () =>
    save.mutate(changed, {
      onSuccess: (answer) => {
        setTyped({});
        void message.success(t('figures.saved', { count: answer.changed }));
      },
    });

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('statistics.period')}</Typography.Text>
        <AutoComplete
          value={period}
          onChange={(p: string) => {
            setPeriod(p.trim());
            setTyped({});
          }}
          options={periods.map((p) => ({ value: p }))}
          style={{ width: 140 }}
          status={validPeriod ? undefined : 'error'}
          aria-label={t('statistics.period')}
          data-testid="figures-period"
        />
        <Typography.Text type="secondary">{validPeriod ? t('figures.periodHint') : t('figures.periodInvalid')}</Typography.Text>
      </Flex>
      <Table
        size="small"
        rowKey="id"
        dataSource={lines}
        pagination={false}
        data-testid="figures-grid"
        columns={[
          { key: 'name', title: t('figures.region'), dataIndex: 'name' },
          {
            key: 'value',
            title: `${t('figures.value')}（${indicator.unit}）`,
            render: (_, r: Region) => (
              <InputNumber
                size="small"
                value={r.id in typed ? typed[r.id] : (stored.get(r.id) ?? null)}
                onChange={(v) => setTyped((x) => ({ ...x, [r.id]: typeof v === 'number' ? v : null }))}
                disabled={!validPeriod}
                aria-label={`${r.name} ${period}`}
                style={{ width: 140 }}
                data-testid={`figure-${r.id}`}
              />
            ),
          },
        ]}
      />
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginTop: 12 }} />}
      <Button type="primary" icon={<SaveOutlined />} disabled={!validPeriod || changed.length === 0} loading={save.isPending} onClick={onSave} style={{ marginTop: 12 }} data-testid="figures-save">
        {t('figures.save', { count: changed.length })}
      </Button>
    </>
  );
}
