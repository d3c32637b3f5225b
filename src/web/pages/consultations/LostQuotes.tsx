import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Redline, RedlineOpinion } from '../../../contract/plans';
import { useResolveQuote } from './queries';
import { changeSummary, shorten } from './redline-view';
import { DispositionTag } from './status';
import { formatTime } from './ui';

type Resolution = Redline['quoteResolutions'][number];

/** The way one lost quote was resolved: by whom and when, the note, and an undo for an acknowledgement. */
function ResolvedTag({ resolution, onReopen, busy }: { resolution: Resolution; onReopen: (() => void) | null; busy: boolean }) {
  const { t } = useTranslation('consultation');
  const by = t('redline.lostQuote.by', { by: resolution.by ?? t('redline.lostQuote.someone'), at: formatTime(resolution.at) });
  return (
    <Flex align="center" gap={4} wrap data-testid="lost-quote-resolved" data-how={resolution.how}>
      <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {resolution.how === 'linked' ? t('redline.lostQuote.linked') : t('redline.lostQuote.acknowledged')}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {by}
      </Typography.Text>
      {resolution.note && (
        <Typography.Text style={{ fontSize: 12 }} data-testid="lost-quote-note">
          “{resolution.note}”
        </Typography.Text>
      )}
      {onReopen && resolution.how === 'acknowledged' && (
        <Button size="small" type="link" loading={busy} onClick={onReopen} data-testid="lost-quote-reopen">
          {t('redline.lostQuote.reopen')}
        </Button>
      )}
    </Flex>
  );
}

/** One opinion whose quoted passage is gone, with its resolution or the office's ways to resolve it. */
function LostQuote({ view, opinion, itemName }: { view: Redline; opinion: RedlineOpinion; itemName: string }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const resolve = useResolveQuote(view.planId, view.from, view.to);
  const [note, setNote] = useState('');
  const resolution = view.quoteResolutions.find((r) => r.opinionId === opinion.id);
  const busy = resolve.isPending;
  const run = (input: Parameters<typeof resolve.mutate>[0]['input']) =>
    resolve.mutate({ opinionId: opinion.id, input }, { onError: (error) => void message.error(error.message) });
  const changes = view.changes
    .filter((c) => c.kind !== 'equal')
    .map((c) => ({ value: c.key, label: `${t(`redline.kinds.${c.kind}`)} · ${changeSummary(c)}` }));

  return (
    <li data-testid="flag-opinion" data-opinion={opinion.id} className="consult-lost-quote">
      <div>
        <strong>{opinion.unitName}</strong>
        <Typography.Text type="secondary"> · {itemName} · </Typography.Text>
        {opinion.quote && <Typography.Text delete>“{shorten(opinion.quote, 30)}”</Typography.Text>} {shorten(opinion.content, 80)}{' '}
        <DispositionTag disposition={opinion.disposition} />
      </div>
      {resolution ? (
        <ResolvedTag resolution={resolution} busy={busy} onReopen={view.allowed.resolveQuotes ? () => run(null) : null} />
      ) : (
        view.allowed.resolveQuotes && (
          <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
            <Select<string>
              size="small"
              placeholder={t('redline.lostQuote.linkTo')}
              options={changes}
              style={{ minWidth: 200, maxWidth: '100%', flex: '1 1 240px' }}
              popupMatchSelectWidth={false}
              disabled={busy}
              onChange={(changeKey) => run({ how: 'link', changeKey })}
              aria-label={t('redline.lostQuote.linkLabel')}
              data-testid="lost-quote-link"
            />
            <Popconfirm
              title={t('redline.lostQuote.acknowledgeTitle')}
              description={
                <Input.TextArea
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  placeholder={t('redline.lostQuote.notePlaceholder')}
                  maxLength={500}
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  style={{ width: 'min(300px, 70vw)' }}
                  data-testid="lost-quote-note-input"
                />
              }
              okText={t('redline.lostQuote.confirm')}
              onConfirm={() => run({ how: 'acknowledge', ...(note.trim() && { note: note.trim() }) })}
            >
              <Button size="small" loading={busy} data-testid="lost-quote-acknowledge">
                {t('redline.lostQuote.acknowledge')}
              </Button>
            </Popconfirm>
          </Flex>
        )
      )}
    </li>
  );
}

/**
 * The redline's check on quotes: opinions whose quoted passage is gone from the new version.
 * The office resolves each by linking it to the change that answers it, or by acknowledging
 * that the passage went on purpose; the alert turns green once every one is resolved.
 */
export default function LostQuotes({ view, itemName }: { view: Redline; itemName: (ordinal: number) => string }) {
  const { t } = useTranslation('consultation');
  const opinions = view.quoteGone.map((id) => view.opinions.find((o) => o.id === id)).filter((o): o is RedlineOpinion => o !== undefined);
  if (opinions.length === 0) return null;
  const resolved = opinions.filter((o) => view.quoteResolutions.some((r) => r.opinionId === o.id)).length;
  // Only those who may resolve are told about resolutions: for the others the alert stays as it was.
  const done = view.allowed.resolveQuotes && resolved === opinions.length;
  return (
    <Alert
      type={done ? 'success' : 'error'}
      showIcon
      title={
        view.allowed.resolveQuotes
          ? done
            ? t('redline.lostQuote.allResolved')
            : t('redline.lostQuote.summary', { count: opinions.length, resolved })
          : t('redline.quoteGone', { count: opinions.length })
      }
      description={
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {opinions.map((o) => (
            <LostQuote key={o.id} view={view} opinion={o} itemName={itemName(o.itemOrdinal)} />
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
      data-testid="flag-quote-gone"
      data-resolved={done ? 'true' : 'false'}
    />
  );
}
