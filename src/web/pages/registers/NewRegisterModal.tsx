import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../consultations/ui';
import { FIELD_TYPES } from './FieldEditorModal';
import { useCreateRegister, type RegisterDefinitionView } from './queries';

interface FormValues {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  keyField: string;
  keyType: RegisterDefinitionView['fields'][number]['type'];
}

/**
 * The office adds a register: no code, a definition. It starts with the field that identifies a
 * row (its unique key, which re-imports update by); the other fields are added in its 字段定义 tab.
 */
export default function NewRegisterModal({ onClose }: { onClose: (id: number | null) => void }) {
  const { t } = useTranslation('registers');
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRegister();
  const submit = (v: FormValues) => {
    const keyField = v.keyField.trim();
    const definition: RegisterDefinitionView = {
      key: v.key.trim(),
      name: v.name.trim(),
      ...(v.nameEn?.trim() && { nameEn: v.nameEn.trim() }),
      ...(v.description?.trim() && { description: v.description.trim() }),
      fields: [{ name: keyField, type: v.keyType, required: true, public: true }],
      uniqueKey: [keyField],
      rollups: [],
    };
    create.mutate(definition, { onSuccess: (register) => onClose(register.id) });
  };
  return (
    <Modal
      open
      title={t('newRegister.title')}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      okText={t('newRegister.ok')}
      cancelText={t('register.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={testId('new-register-ok')}
    >
      <Typography.Paragraph type="secondary">{t('newRegister.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ keyField: '名称', keyType: 'text' }}>
        <Form.Item name="name" label={t('newRegister.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="new-register-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('newRegister.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('newRegister.key')}
          extra={t('newRegister.keyHint')}
          rules={[{ required: true }, { pattern: /^[a-z0-9][a-z0-9-]{1,60}$/, message: t('newRegister.keyPattern') }]}
        >
          <Input placeholder="county-markets" data-testid="new-register-key" />
        </Form.Item>
        <Form.Item name="description" label={t('newRegister.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="keyField" label={t('newRegister.keyField')} extra={t('newRegister.keyFieldHint')} rules={[{ required: true, whitespace: true, max: 40 }, { pattern: /^[^"'\\.[\]$`]+$/, message: t('schema.nameChars') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="keyType" label={t('schema.type')}>
          <Select options={FIELD_TYPES.filter((v) => v !== 'attachment' && v !== 'boolean').map((v) => ({ value: v, label: t(`schema.types.${v}`) }))} />
        </Form.Item>
        {create.error && <Alert type="error" showIcon title={create.error.message} data-testid="new-register-error" />}
      </Form>
    </Modal>
  );
}
