import { Progress, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../unit-queries';
import { LIGHT_HEX, LIGHT_TAG } from './ledger-view';
import type { Light } from './queries';

/** A light as a coloured tag with its reason in words beside it (never the colour alone). */
export function LightTag({ light, reason, compact = false }: { light: Light; reason?: string | undefined; compact?: boolean }) {
  const { t } = useTranslation('ledger');
  const tag = (
    <Tag color={LIGHT_TAG[light]} data-testid="light-tag" data-light={light} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {t(`light.${light}`)}
      {reason && !compact ? `：${reason}` : ''}
    </Tag>
  );
  return compact && reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

export function PercentBar({ percent, light }: { percent: number | null; light?: Light | undefined }) {
  if (percent === null) return <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <Progress
      percent={percent}
      size="small"
      strokeColor={light ? LIGHT_HEX[light] : undefined}
      format={(p) => `${Number.isInteger(p) ? p : (p ?? 0).toFixed(1)}%`}
      style={{ minWidth: 90, margin: 0 }}
    />
  );
}

/** Unit names by id from the registry (loaded once for the app). */
export function useUnitNames(): (id: number | null | undefined) => string {
  const units = useUnits();
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.shortName])), [units.data]);
  return (id) => (id === null || id === undefined ? '—' : (names.get(id) ?? `#${id}`));
}

/** A date-time in China time as the office writes it (2022-01-10 09:30). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
