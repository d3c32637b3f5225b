import { Button, DatePicker, Flex, InputNumber, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowRange } from './queries';

/** A column's range filter (dates or numbers, either end open), inside the table header's dropdown. */
export default function RangeFilter({
  kind,
  value,
  onApply,
  close,
  testId,
}: {
  kind: 'date' | 'number';
  value: RowRange | undefined;
  onApply: (range: RowRange | undefined) => void;
  close: () => void;
  testId: string;
}) {
  const { t } = useTranslation('registers');
  const [from, setFrom] = useState(value?.from ?? '');
  const [to, setTo] = useState(value?.to ?? '');
  const apply = (range: RowRange | undefined) => {
    onApply(range);
    close();
  };
  return (
    <div style={{ padding: 8, width: 280 }} onKeyDown={(e) => e.stopPropagation()} data-testid={testId}>
      {kind === 'date' ? (
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(dates) => {
            setFrom(dates?.[0]?.format('YYYY-MM-DD') ?? '');
            setTo(dates?.[1]?.format('YYYY-MM-DD') ?? '');
          }}
          placeholder={[t('range.from'), t('range.to')]}
          style={{ width: '100%' }}
        />
      ) : (
        <Space.Compact style={{ width: '100%' }}>
          <InputNumber value={from === '' ? null : Number(from)} onChange={(v) => setFrom(v === null ? '' : String(v))} placeholder={t('range.min')} style={{ width: '50%' }} aria-label={t('range.min')} />
          <InputNumber value={to === '' ? null : Number(to)} onChange={(v) => setTo(v === null ? '' : String(v))} placeholder={t('range.max')} style={{ width: '50%' }} aria-label={t('range.max')} />
        </Space.Compact>
      )}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          disabled={!value}
          onClick={() => {
            setFrom('');
            setTo('');
            apply(undefined);
          }}
        >
          {t('range.reset')}
        </Button>
        <Button size="small" type="primary" onClick={() => apply(from || to ? { ...(from && { from }), ...(to && { to }) } : undefined)} data-testid={`${testId}-apply`}>
          {t('range.apply')}
        </Button>
      </Flex>
    </div>
  );
}
