import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY } from '../session';
import { PasswordFields, usePasswordChange, type PasswordForm } from './ChangePasswordModal';

/**
 * Shown instead of every page while the account's password is one an administrator set: the
 * server refuses every other write (403 `password_change_required`) until it is changed.
 */
export default function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();
  const change = usePasswordChange();
  const submit = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
          void message.success(t('forcedPassword.done'));
        },
      },
    );
  };
  return (
    <Card style={{ maxWidth: 460, margin: '24px auto' }} data-testid="forced-password">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <LockOutlined style={{ marginInlineEnd: 8, color: '#1d5bb8' }} />
        {t('forcedPassword.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('forcedPassword.body')}</Typography.Paragraph>
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <PasswordFields form={form} />
      <Button type="primary" block loading={change.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="forced-password-submit">
        {t('password.submit')}
      </Button>
    </Card>
  );
}
