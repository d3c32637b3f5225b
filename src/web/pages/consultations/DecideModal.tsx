import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDecide } from './queries';
import type { Disposition } from '../../../contract/consultations';
import { DISPOSITIONS } from '../../../contract/enums';
import { testId } from './ui';

interface DecideValues {
  disposition: Disposition;
  reason: string;
}

export interface DecideTarget {
  ids: number[];
  disposition?: Disposition;
  reason?: string | null;
}

/** Decide one opinion or a selection: 采纳 / 部分采纳 / 不采纳, with a reason unless adopted. */
export default function DecideModal({ consultationId, target, onClose, onDone }: { consultationId: number; target: DecideTarget; onClose: () => void; onDone: (count: number) => void }) {
  const { t } = useTranslation('consultation');
  const [form] = Form.useForm<DecideValues>();
  const decide = useDecide(consultationId);
  const disposition = Form.useWatch('disposition', form);

  const submit = async () => {
    const values = await form.validateFields();
    const reason = values.reason.trim();
    const answer = await decide.mutateAsync({
      ids: target.ids,
      decision: { disposition: values.disposition, ...(reason ? { reason } : {}) },
    });
    onDone(answer.decided);
  };

  return (
    <Modal
      open
      title={target.ids.length === 1 ? t('decide.titleOne') : t('decide.titleMany', { count: target.ids.length })}
      okText={t('decide.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: decide.isPending, ...testId('decide-submit') }}
      destroyOnHidden
    >
      <div data-testid="decide-modal">
        {decide.error && <Alert type="error" showIcon title={decide.error.message} style={{ marginBottom: 12 }} data-testid="decide-error" />}
        <Form<DecideValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          name="decide"
          initialValues={{ disposition: target.disposition ?? 'adopted', reason: target.reason ?? '' }}
        >
          <Form.Item name="disposition" label={t('decide.disposition')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="decide-disposition">
              {DISPOSITIONS.map((d) => (
                <Radio.Button key={d} value={d} data-testid={`decide-${d}`}>
                  {t(`disposition.${d}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('decide.reason')}
            dependencies={['disposition']}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (form.getFieldValue('disposition') !== 'adopted' && !value?.trim()) throw new Error(t('decide.reasonRequired'));
                },
              },
            ]}
            extra={
              <Typography.Text type="secondary">{disposition === 'adopted' ? t('decide.reasonOptional') : t('decide.reasonHelp')}</Typography.Text>
            }
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="decide-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
