import { Alert, Checkbox, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateIndicator } from './queries';

interface FormValues {
  name: string;
  unit: string;
  target?: number | null;
  year?: number | null;
  public?: boolean;
}

/** The office adds an indicator whose figures are entered by hand (e.g. 常住人口城镇化率 by 市州 and year). */
export default function NewIndicatorModal({ onClose }: { onClose: (id: number | null) => void }) {
  const { t } = useTranslation('registers');
  const [form] = Form.useForm<FormValues>();
  const create = useCreateIndicator();
  const submit = (v: FormValues) =>
    create.mutate(
      { name: v.name.trim(), unit: v.unit.trim(), ...(typeof v.target === 'number' && { target: v.target }), ...(typeof v.year === 'number' && { year: v.year }), public: v.public === true },
      { onSuccess: (indicator) => onClose(indicator.id) },
    );
  return (
    <Modal
      open
      title={t('indicatorForm.title')}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      okText={t('indicatorForm.ok')}
      cancelText={t('register.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ public: false }}>
        <Form.Item name="name" label={t('indicatorForm.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="indicator-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('indicatorForm.unit')} rules={[{ required: true, whitespace: true, max: 20 }]} extra={t('indicatorForm.unitHint')}>
          <Input style={{ maxWidth: 160 }} data-testid="indicator-unit" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="target" label={t('indicatorForm.target')}>
            <InputNumber />
          </Form.Item>
          <Form.Item name="year" label={t('indicatorForm.year')} dependencies={['target']} rules={[({ getFieldValue }) => ({ validator: (_, y) => (typeof getFieldValue('target') === 'number' && typeof y !== 'number' ? Promise.reject(new Error(t('indicatorForm.yearNeeded'))) : Promise.resolve()) })]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="public" valuePropName="checked">
          <Checkbox>{t('indicatorForm.public')}</Checkbox>
        </Form.Item>
        {create.error && <Alert type="error" showIcon title={create.error.message} />}
      </Form>
    </Modal>
  );
}
