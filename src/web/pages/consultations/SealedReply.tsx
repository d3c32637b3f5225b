import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem, Span } from '../../types';
import { OpinionText } from './OpinionsPanel';
import { useVerifySeal, useWithdrawReply } from './queries';
import { itemLabel } from './reply-draft';
import SealCheck from './SealCheck';
import { DispositionTag } from './status';
import type { Reply } from './types';
import { formatTime, shortHex } from './ui';

/** The seal of a reply: a stamp with the unit's name, and what was signed with which key, when and by whom. */
export function SealFacts({ reply }: { reply: Reply }) {
  const { t } = useTranslation('consultation');
  const check = useVerifySeal(reply.id);
  return (
    <div className="consult-seal" data-testid="seal">
      <div className="consult-seal-stamp" aria-hidden>
        {reply.unitName}
        <br />
        {t('seal.stamp')}
      </div>
      <Descriptions
        size="small"
        column={1}
        style={{ flex: 1, minWidth: 0 }}
        items={[
          {
            key: 'algorithm',
            label: t('seal.algorithmLabel'),
            children: (
              <span data-testid="seal-algorithm-value">{reply.algorithm ? t(`seal.algorithm.${reply.algorithm}`) : t('common.none')}</span>
            ),
          },
          {
            key: 'time',
            label: t('seal.sealedAt'),
            children: (
              <span>
                <span data-testid="seal-time">{formatTime(reply.sealedAt)}</span>
                {reply.late && (
                  <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="seal-late">
                    {t('recipientStatus.late')}
                  </Tag>
                )}
              </span>
            ),
          },
          { key: 'by', label: t('seal.signatory'), children: reply.sealedBy ? t('seal.signatoryValue', { name: reply.sealedBy.displayName, login: reply.sealedBy.login }) : t('common.none') },
          {
            key: 'key',
            label: t('seal.keyId'),
            children: reply.keyId ? (
              <Tooltip title={reply.keyId}>
                <span className="consult-mono">{shortHex(reply.keyId)}</span>
              </Tooltip>
            ) : (
              t('common.none')
            ),
          },
          {
            key: 'signature',
            label: t('seal.signature'),
            children: reply.signature ? (
              <Typography.Text className="consult-mono" copyable={{ text: reply.signature }} data-testid="seal-signature">
                {shortHex(reply.signature, 12)}
              </Typography.Text>
            ) : (
              t('common.none')
            ),
          },
          { key: 'check', label: t('seal.check'), children: <SealCheck check={check.data ?? (check.isError ? 'error' : 'loading')} /> },
        ]}
      />
    </div>
  );
}

/** The unit's reply as read back: 无意见, or its opinions with the office's decisions so far. */
export function ReplyContent({ reply, items, onPick }: { reply: Reply; items: readonly PlanItem[]; onPick?: (span: Span) => void }) {
  const { t } = useTranslation('consultation');
  if (reply.noOpinion) {
    return (
      <Alert type="success" showIcon title={t('reply.noOpinionSealed')} data-testid="reply-no-opinion" />
    );
  }
  if (reply.opinions.length === 0) return <Empty />;
  return (
    <>
      {reply.opinions.map((o, index) => {
        const item = items.find((i) => i.ordinal === o.itemOrdinal);
        return (
          <div
            key={o.id}
            className="consult-opinion-card"
            onMouseEnter={o.span && onPick ? () => onPick(o.span!) : undefined}
            data-testid="sealed-opinion"
          >
            <Flex justify="space-between" gap={8} style={{ marginBottom: 6 }}>
              <Typography.Text strong>
                {t('reply.opinionN', { n: index + 1 })}
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
                  {item ? itemLabel(item) : t('opinions.itemN', { n: o.itemOrdinal })}
                </Typography.Text>
              </Typography.Text>
              {reply.status === 'sealed' && <DispositionTag disposition={o.disposition} />}
            </Flex>
            <OpinionText opinion={o} />
            {o.decisionReason && (
              <div className="consult-prewrap" style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">{t('reply.decisionReason')}</Typography.Text>
                {o.decisionReason}
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}

/** A sealed reply: its content (no longer editable), its seal and check, and the signatory's 撤回 before the deadline. */
export default function SealedReply({ reply, items, canWithdraw, onPick }: { reply: Reply; items: readonly PlanItem[]; canWithdraw: boolean; onPick?: (span: Span) => void }) {
  const { t } = useTranslation('consultation');
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawReply(reply.consultationId);
  const confirmWithdraw = () =>
    modal.confirm({
      title: t('seal.withdrawTitle'),
      content: t('seal.withdrawBody'),
      okText: t('seal.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        withdraw.mutateAsync(reply.id).then(
          () => void message.success(t('seal.withdrawn')),
          (error: Error) => void message.error(error.message),
        ),
    });
  return (
    <div data-testid="sealed-reply">
      <Alert type="success" showIcon title={t('reply.sealedNotice')} style={{ marginBottom: 12 }} />
      <SealFacts reply={reply} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('reply.content')}
      </Typography.Title>
      <ReplyContent reply={reply} items={items} onPick={onPick} />
      {canWithdraw && (
        <Flex justify="flex-end">
          <Button danger icon={<RollbackOutlined />} loading={withdraw.isPending} onClick={() => void confirmWithdraw()} data-testid="withdraw">
            {t('seal.withdraw')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
