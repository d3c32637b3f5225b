import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import consultationZhCN from '../../i18n/consultation.zh-CN';
import { useMarkNoticesRead, useNotices } from './queries';
import type { Notice } from './queries';
import { formatTime } from './ui';

type NoticeKey = keyof typeof consultationZhCN.notices.codes;

/** The catalogue key for a stored notice code (`consultation.opened` → `consultation_opened`), if the app knows it. */
export function noticeKey(code: string | null): NoticeKey | null {
  if (code === null) return null;
  const key = code.replace(/\./g, '_');
  return Object.hasOwn(consultationZhCN.notices.codes, key) ? (key as NoticeKey) : null;
}

/** The unit's notices: consultations sent to it, deadlines moved, reminders (催办). */
export default function NoticesCard() {
  const { t } = useTranslation('consultation');
  const notices = useNotices();
  const markRead = useMarkNoticesRead();
  const all = notices.data ?? [];
  const unread = all.filter((n) => !n.read);
  if (all.length === 0) return null;
  // Notices are stored as a code with parameters and read in the reader's language; rows from
  // before codes were kept (or codes this build does not know) show their stored text.
  const text = (notice: Notice) => {
    const key = noticeKey(notice.code);
    return key ? t(`notices.codes.${key}`, notice.params) : notice.message;
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <span>
          <BellOutlined style={{ marginInlineEnd: 8 }} />
          {t('notices.title')} <Badge count={unread.length} size="small" />
        </span>
      }
      extra={
        unread.length > 0 && (
          <Button size="small" type="link" loading={markRead.isPending} onClick={() => markRead.mutate(unread.map((n) => n.id))} data-testid="notices-read">
            {t('notices.markRead')}
          </Button>
        )
      }
      data-testid="notices"
    >
      <List
        size="small"
        dataSource={all.slice(0, 10)}
        renderItem={(notice) => (
          <List.Item
            extra={<Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatTime(notice.createdAt)}</Typography.Text>}
            data-testid="notice"
          >
            <Typography.Text strong={!notice.read} style={{ minWidth: 0 }}>
              {notice.kind.startsWith('consultation.reminder') && <Typography.Text type="danger">{t('notices.reminder')}</Typography.Text>}
              {notice.consultationId ? <Link to={`/consultations/${notice.consultationId}`}>{text(notice)}</Link> : text(notice)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
