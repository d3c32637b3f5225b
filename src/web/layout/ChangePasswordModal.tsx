import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const MIN_LENGTH = 8;

export function usePasswordChange() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/session/password', body),
  });
}

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = usePasswordChange();

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.success'));
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      forceRender
    >
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <PasswordFields form={form} />
    </Modal>
  );
}

/** The current password, the new one and its confirmation, with the checks the server makes first. */
export function PasswordFields({ form }: { form: FormInstance<PasswordForm> }) {
  const { t } = useTranslation();
  return (
  <Form<PasswordForm> name="password" form={form} layout="vertical" requiredMark={false}>
    <Form.Item
      name="currentPassword"
      label={t('password.current')}
      rules={[{ required: true, message: t('password.currentRequired') }]}
    >
      <Input.Password autoComplete="current-password" />
    </Form.Item>
    <Form.Item
      name="newPassword"
      label={t('password.new')}
      dependencies={['currentPassword']}
      rules={[
        { required: true, message: t('password.newRequired') },
        { min: MIN_LENGTH, message: t('password.tooShort') },
        ({ getFieldValue }) => ({
          validator: (_, value: string | undefined) =>
            value && value === getFieldValue('currentPassword')
              ? Promise.reject(new Error(t('password.sameAsCurrent')))
              : Promise.resolve(),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
    <Form.Item
      name="confirm"
      label={t('password.confirm')}
      dependencies={['newPassword']}
      rules={[
        { required: true, message: t('password.confirmRequired') },
        ({ getFieldValue }) => ({
          validator: (_, value: string | undefined) =>
            !value || value === getFieldValue('newPassword')
              ? Promise.resolve()
              : Promise.reject(new Error(t('password.mismatch'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  </Form>
  );
}
