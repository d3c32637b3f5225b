import { Alert, App, Card, Form, Input, Modal, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../contract/consultations';
import { useReturnReply } from './queries';
import { formatTime, testId } from './ui';

/** The latest reason the signatory gave for sending the draft back. */
export function returnComment(reply: Reply): string | null {
  return reply.history.findLast((e) => e.kind === 'return')?.comment ?? null;
}

/** Where the draft stands between the reporter and the signatory: submitted, or sent back with a reason. */
export function HandoffNotice({ reply }: { reply: Reply }) {
  const { t } = useTranslation('consultation');
  if (reply.status !== 'draft' || reply.handoff === 'none') return null;
  if (reply.handoff === 'returned') {
    return <Alert type="warning" showIcon title={t('handoff.returned', { comment: returnComment(reply) ?? '' })} style={{ marginBottom: 12 }} data-testid="handoff-returned" />;
  }
  const signer = reply.allowed.return;
  return (
    <Alert
      type="info"
      showIcon
      title={signer ? t('handoff.submittedForSigner') : t('handoff.submitted')}
      description={reply.submittedAt ? t('handoff.submittedAt', { at: formatTime(reply.submittedAt) }) : undefined}
      style={{ marginBottom: 12 }}
      data-testid="handoff-submitted"
    />
  );
}

/** The reply's history: drafted, submitted, sent back, sealed, decided — with people's names. */
export function ReplyHistory({ reply }: { reply: Reply }) {
  const { t } = useTranslation('consultation');
  if (reply.history.length === 0) return null;
  return (
    <Card size="small" title={t('handoff.history')} style={{ marginBottom: 16 }} data-testid="reply-history">
      <Timeline
        items={reply.history.map((e, index) => ({
          key: index,
          color: e.kind === 'return' || e.kind === 'withdraw' ? 'orange' : e.kind === 'seal' || e.kind === 'decide' ? 'green' : 'blue',
          content: (
            <>
              <Typography.Text>{t(`handoff.events.${e.kind}`, { name: e.actorName })}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatTime(e.at)}
              </Typography.Text>
              {e.comment && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {e.kind === 'decide' ? t(`disposition.${e.comment as 'adopted'}`) : e.comment}
                </Typography.Paragraph>
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}

/** The signatory sends a submitted draft back to the reporter, saying why. */
export function ReturnModal({ consultationId, replyId, onClose }: { consultationId: number; replyId: number; onClose: () => void }) {
  const { t } = useTranslation('consultation');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const send = useReturnReply(consultationId);
  const submit = async () => {
    const { comment } = await form.validateFields();
    send.mutate(
      { replyId, comment: comment.trim() },
      {
        onSuccess: () => {
          void message.success(t('handoff.returnDone'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal open title={t('handoff.returnTitle')} okText={t('handoff.return')} okButtonProps={{ danger: true, ...testId('return-confirm') }} confirmLoading={send.isPending} onOk={() => void submit().catch(() => undefined)} onCancel={onClose}>
      {send.error && <Alert type="error" showIcon title={send.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="comment" label={t('handoff.returnComment')} rules={[{ required: true, whitespace: true, message: t('handoff.returnRequired') }]}>
          <Input.TextArea rows={4} placeholder={t('handoff.returnPlaceholder')} maxLength={2000} data-testid="return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
