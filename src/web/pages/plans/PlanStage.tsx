import { CheckOutlined, SendOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PlanView } from '../../../contract/plans';
import PublishModal from '../ledger/PublishModal';
import PublicationControl from '../public/PublicationControl';
import { useMarkFinal } from './plan-queries';

/**
 * Where a plan stands: 征求意见稿 → 送审稿 (revised after the consultation) → 定稿 → 印发 (the
 * ledger published). The office marks the version it shows as final, and publishes (印发) a
 * version into the task ledger, from here.
 */
export function stageStep(plan: Pick<PlanView, 'stage' | 'versions'>): number {
  if (plan.stage === 'published') return 3;
  if (plan.stage === 'final') return 2;
  return plan.stage === 'consultation' && plan.versions.length > 1 ? 1 : 0;
}

export default function PlanStage({ plan, canEdit }: { plan: PlanView; canEdit: boolean }) {
  const { t } = useTranslation();
  const { t: tl } = useTranslation('ledger');
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);
  const shownIsPublished = plan.stage === 'published' && plan.publishedVersion === plan.version.number;
  const mark = useMarkFinal(plan.id);
  const step = stageStep(plan);
  const confirm = () =>
    modal.confirm({
      title: t('planStage.confirmTitle', { n: plan.version.number }),
      content: t('planStage.confirmBody'),
      okText: t('planStage.markFinal'),
      cancelText: t('common.cancel'),
      onOk: () =>
        mark.mutateAsync(plan.version.number).then(
          () => void message.success(t('planStage.marked', { n: plan.version.number })),
          (error: Error) => void message.error(error.message),
        ),
    });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="plan-stage" data-step={step}>
      <Flex align="center" gap={16} wrap justify="space-between">
        <Steps
          size="small"
          current={step}
          status={step === 3 ? 'finish' : 'process'}
          style={{ flex: 1, minWidth: 260 }}
          items={[{ title: t('planStage.draft') }, { title: t('planStage.review') }, { title: t('planStage.final') }, { title: t('planStage.published') }]}
        />
        <Flex gap={8} wrap>
          {canEdit && plan.version.status !== 'final' && (
            <Button icon={<CheckOutlined />} loading={mark.isPending} onClick={() => void confirm()} data-testid="plan-mark-final">
              {t('planStage.markFinal')}
            </Button>
          )}
          {canEdit && !shownIsPublished && (
            <Button type={plan.version.status === 'final' ? 'primary' : 'default'} icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="plan-publish">
              {plan.publishedVersion !== null ? tl('publish.openAgain', { version: plan.version.number }) : tl('publish.open')}
            </Button>
          )}
          {plan.stage === 'published' && (
            <Button icon={<TableOutlined />} onClick={() => void navigate(`/ledger?plan=${plan.id}`)} data-testid="plan-ledger-link">
              {tl('publish.openLedger')}
            </Button>
          )}
          {canEdit && plan.stage === 'published' && <PublicationControl planId={plan.id} />}
        </Flex>
      </Flex>
      {publishing && <PublishModal plan={plan} onClose={() => setPublishing(false)} />}
    </Card>
  );
}
