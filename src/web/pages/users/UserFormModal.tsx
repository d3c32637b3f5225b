import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import UnitSelect from '../../components/UnitSelect';
import { ROLES } from '../../../contract/enums';
import type { NewUser, User } from '../../../contract/users';
import { useUnits } from '../../unit-queries';
import { USERS_KEY } from './user-queries';

const LOGIN_PATTERN = /^[A-Za-z0-9._-]+$/;
const MIN_PASSWORD = 8;

/** Add an account to a unit (admins only). */
export default function UserFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const create = useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/api/users', user),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      await queryClient.invalidateQueries({ queryKey: ['units', user.unitId, 'users'] });
      void message.success(t('users.form.created', { login: user.login }));
      onClose();
    },
  });

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate({ ...values, login: values.login.trim(), displayName: values.displayName.trim() });
  };

  return (
    <Modal
      open
      title={t('users.form.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
      <Form<NewUser> name="user" form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'reporter' }}>
        <Form.Item
          name="login"
          label={t('accounts.login')}
          extra={t('users.form.loginHelp')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.loginRequired') },
            { pattern: LOGIN_PATTERN, message: t('users.form.loginPattern') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <AccountFields />
        <Form.Item
          name="password"
          label={t('users.form.password')}
          rules={[
            { required: true, message: t('users.form.passwordRequired') },
            { min: MIN_PASSWORD, message: t('users.form.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An account's name, unit and role: the fields adding and editing share. */
export function AccountFields() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <>
      <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}>
        <Input data-testid="account-display-name" />
      </Form.Item>
      <Form.Item name="unitId" label={t('accounts.unit')} rules={[{ required: true, message: t('users.form.unitRequired') }]}>
        <UnitSelect units={units.data ?? []} placeholder={t('users.form.unitPlaceholder')} />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
        <Select options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
      </Form.Item>
    </>
  );
}
