import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../settings';
import { useSealReply } from './queries';
import type { SealAlgorithm, SealResult } from '../../../contract/consultations';
import { SEAL_ALGORITHMS } from '../../../contract/enums';
import { testId } from './ui';

/** The signatory's confirmation: which algorithm, and that a sealed reply cannot be edited afterwards. */
export default function SealModal({ consultationId, replyId, late, onClose, onSealed }: { consultationId: number; replyId: number; late: boolean; onClose: () => void; onSealed: (result: SealResult) => void }) {
  const { t } = useTranslation('consultation');
  const seal = useSealReply(consultationId);
  const settings = useSettings();
  // The installation's default (SM2 for a new one) until the signatory picks another.
  const [picked, setPicked] = useState<SealAlgorithm | null>(null);
  const byDefault = settings.data?.sealAlgorithm;
  const algorithm = picked ?? byDefault ?? null;
  return (
    <Modal
      open
      title={
        <Flex gap={8} align="center">
          <ExclamationCircleFilled style={{ color: '#faad14' }} />
          {t('seal.confirmTitle')}
        </Flex>
      }
      okText={t('seal.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: seal.isPending || settings.isPending, disabled: algorithm === null, ...testId('seal-confirm') }}
      onCancel={onClose}
      onOk={() => algorithm && seal.mutate({ replyId, algorithm }, { onSuccess: onSealed })}
    >
      <div data-testid="seal-modal">
        {settings.error && <Alert type="error" showIcon title={settings.error.message} style={{ marginBottom: 12 }} />}
        {seal.error && <Alert type="error" showIcon title={seal.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>{t('seal.confirmBody')}</Typography.Paragraph>
        {late && <Alert type="warning" showIcon title={t('seal.lateWarning')} style={{ marginBottom: 12 }} />}
        <Typography.Text strong>{t('seal.algorithmLabel')}</Typography.Text>
        <Radio.Group
          value={algorithm}
          onChange={(event) => setPicked(event.target.value as SealAlgorithm)}
          style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
          data-testid="seal-algorithm"
        >
          {SEAL_ALGORITHMS.map((a) => (
            <Radio key={a} value={a} data-testid={`seal-algorithm-${a}`}>
              {t(`seal.algorithm.${a}`)}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t(`seal.algorithmHelp.${a}`)}
              </Typography.Text>
              {a === byDefault && (
                <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="seal-algorithm-default">
                  {t('seal.algorithmDefault')}
                </Tag>
              )}
            </Radio>
          ))}
        </Radio.Group>
      </div>
    </Modal>
  );
}
