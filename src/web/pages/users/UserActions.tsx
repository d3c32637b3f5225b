import { EditOutlined, KeyOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { User } from '../../../contract/users';
import { AccountFields } from './UserFormModal';
import { USERS_KEY } from './user-queries';
import { testId } from '../consultations/ui';

const MIN_PASSWORD = 8;

type Patch = Partial<Pick<User, 'displayName' | 'unitId' | 'role' | 'active' | 'email'>>;

function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Patch) => api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Change an account's name, unit, role and e-mail. */
function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Patch & { email: string }>();
  const update = useUpdateUser(user.id);
  const submit = async () => {
    const values = await form.validateFields();
    const email = values.email?.trim() ? values.email.trim() : null;
    update.mutate(
      { displayName: values.displayName?.trim(), unitId: values.unitId, role: values.role, email },
      {
        onSuccess: () => {
          void message.success(t('userAdmin.saved', { login: user.login }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal open title={t('userAdmin.editTitle', { login: user.login })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={update.isPending} onOk={() => void submit().catch(() => undefined)} onCancel={onClose}>
      {update.error && <Alert type="error" showIcon title={update.error.message} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ displayName: user.displayName, unitId: user.unitId, role: user.role, email: user.email ?? '' }}>
        <AccountFields />
        <Form.Item name="email" label={t('userAdmin.email')} rules={[{ type: 'email', message: t('userAdmin.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Give an account a new password; the person must change it at the next sign-in. */
function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: (password: string) => api.post<void>(`/api/users/${user.id}/password`, { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
  const submit = async () => {
    const { password } = await form.validateFields();
    reset.mutate(password, {
      onSuccess: () => {
        void message.success(t('userAdmin.resetDone', { login: user.login }));
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={t('userAdmin.resetTitle', { name: user.displayName })}
      okText={t('userAdmin.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={testId('reset-confirm')}
    >
      <Alert type="info" showIcon title={t('userAdmin.resetHelp')} style={{ marginBottom: 16 }} />
      {reset.error && <Alert type="error" showIcon title={reset.error.message} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="password"
          label={t('password.new')}
          rules={[
            { required: true, message: t('users.form.passwordRequired') },
            { min: MIN_PASSWORD, message: t('users.form.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Edit, reset the password, disable or re-enable: an admin's care of one account. */
export default function UserActions({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'edit' | 'reset' | null>(null);
  const update = useUpdateUser(user.id);
  const toggle = () =>
    update.mutate(
      { active: !user.active },
      {
        onSuccess: (u) => void message.success(t(u.active ? 'userAdmin.enabled' : 'userAdmin.disabled', { login: u.login })),
        onError: (error) => void message.error(error.message),
      },
    );
  return (
    <>
      <Space size={0} wrap>
        <Tooltip title={t('userAdmin.edit')}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen('edit')} aria-label={t('userAdmin.edit')} data-testid={`edit-${user.login}`} />
        </Tooltip>
        <Tooltip title={t('userAdmin.resetPassword')}>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setOpen('reset')} aria-label={t('userAdmin.resetPassword')} data-testid={`reset-${user.login}`} />
        </Tooltip>
        {!self &&
          (user.active ? (
            <Popconfirm title={t('userAdmin.confirmDisable', { name: user.displayName })} okText={t('userAdmin.disable')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={toggle}>
              <Button type="link" size="small" danger icon={<StopOutlined />} loading={update.isPending} data-testid={`disable-${user.login}`}>
                {t('userAdmin.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" icon={<CheckCircleOutlined />} loading={update.isPending} onClick={toggle} data-testid={`enable-${user.login}`}>
              {t('userAdmin.enable')}
            </Button>
          ))}
      </Space>
      {open === 'edit' && <EditUserModal user={user} onClose={() => setOpen(null)} />}
      {open === 'reset' && <ResetPasswordModal user={user} onClose={() => setOpen(null)} />}
    </>
  );
}
