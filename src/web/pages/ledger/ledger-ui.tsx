import { Flex, List, Progress, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import i18n from '../../i18n/setup';
import { useCurrentUser } from '../../session';
import { useUnits } from '../../unit-queries';
import { LIGHT_HEX, LIGHT_TAG } from './ledger-view';
import { formatTime as chinaTime } from '../consultations/ui';
import type { Light, NoticeLevel, NoticeView } from './queries';

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

/**
 * The area an office on the reader's unit runs: the nearest 市州 or 县市区 at or above its unit,
 * or null for the provincial level (which runs everything). The API decides; this only keeps
 * buttons the API would refuse (another office's rounds and tasks) off a 市州 office's pages.
 */
export function useOfficeArea(): number | null {
  const user = useCurrentUser();
  const units = useUnits();
  return useMemo(() => {
    const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
    for (let at = byId.get(user.unitId ?? -1), steps = 0; at && steps < 20; at = at.parentId === null ? undefined : byId.get(at.parentId), steps++) {
      if (at.kind === 'prefecture' || at.kind === 'county') return at.id;
    }
    return null;
  }, [units.data, user.unitId]);
}

/** China time in the app's one format (2021-10-15 09:30), or a dash where there is none. */
export function formatTime(iso: string | null | undefined): string {
  return chinaTime(iso) || '—';
}

export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}

const NOTICE_COLOR: Record<NoticeLevel, string> = { blue: 'blue', yellow: 'gold', red: 'red' };

/** A 督办's level as a tag (提醒 blue, 督办 yellow, 挂牌督办 red). */
export function NoticeLevelTag({ level }: { level: NoticeLevel }) {
  const { t } = useTranslation('ledger');
  return <Tag color={NOTICE_COLOR[level]}>{t(`noticeLevel.${level}`)}</Tag>;
}

type NoticeLine = Pick<NoticeView, 'id' | 'taskId' | 'unitId' | 'level' | 'answerBy' | 'overdue'> & { status: string };

/** Notices as short lines linking to their tasks (the overview's open notices, a unit's own). */
export function NoticeLines({ notices, taskTitle, showUnit }: { notices: NoticeLine[]; taskTitle: (taskId: number) => string; showUnit: boolean }) {
  const { t } = useTranslation('ledger');
  const unitName = useUnitNames();
  if (notices.length === 0) return <Typography.Text type="secondary">{t('task.noNotices')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={notices}
      renderItem={(n) => (
        <List.Item>
          <Flex gap={6} wrap align="center">
            <NoticeLevelTag level={n.level} />
            <Link to={`/ledger/tasks/${n.taskId}`}>{taskTitle(n.taskId)}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {showUnit ? `${unitName(n.unitId)} · ` : ''}
              {t(`noticeStatus.${n.status as NoticeView['status']}`)} · {t('notice.answerByDate', { date: n.answerBy })}
              {n.overdue ? ` · ${t('notice.overdue')}` : ''}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A label with a count or a remark in brackets, in the reader's punctuation: 红灯任务（3）, Red tasks (3). */
export function counted(label: string, count: number | string): string {
  return i18n.language === 'en' ? `${label} (${count})` : `${label}（${count}）`;
}
