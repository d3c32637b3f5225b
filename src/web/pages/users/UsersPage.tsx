import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Flex, Input, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../session';
import UserActions from './UserActions';
import { api } from '../../api';
import PageHeader from '../../components/PageHeader';
import { ROLES } from '../../../contract/enums';
import type { Role, User } from '../../../contract/users';
import { normaliseQuery } from '../../unit-search';
import UserFormModal from './UserFormModal';
import { USERS_KEY } from './user-queries';

const ROLE_COLOURS: Record<Role, string> = {
  admin: 'red',
  office: 'gold',
  reporter: 'blue',
  signatory: 'purple',
  viewer: 'default',
};

export default function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const me = useCurrentUser();
  // From the workbench: only the accounts an entry is about.
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter');
  const filterKnown = filter === 'mustChangePassword' || filter === 'noEmail' ? filter : null;
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users')).users,
  });

  const visible = useMemo(() => {
    const q = normaliseQuery(search);
    const all = (users.data ?? []).filter(
      (user) =>
        filterKnown === null ||
        (filterKnown === 'mustChangePassword' && user.mustChangePassword && user.active) ||
        (filterKnown === 'noEmail' && !user.email && user.active && (user.role === 'reporter' || user.role === 'signatory')),
    );
    if (!q) return all;
    return all.filter((user) =>
      [user.login, user.displayName, user.unitName].some((text) => text.toLowerCase().includes(q)),
    );
  }, [users.data, search, filterKnown]);

  const columns: TableColumnsType<User> = [
    {
      title: t('accounts.login'),
      dataIndex: 'login',
      key: 'login',
      sorter: (a, b) => a.login.localeCompare(b.login),
      render: (login: string) => <Typography.Text code>{login}</Typography.Text>,
    },
    {
      title: t('accounts.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      render: (name: string, user) => (
        <>
          {name}
          {user.mustChangePassword && (
            <Tooltip title={t('userAdmin.mustChangeHelp')}>
              <Tag color="orange" style={{ marginInlineStart: 6 }}>
                {t('userAdmin.mustChange')}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: t('accounts.unit'),
      dataIndex: 'unitName',
      key: 'unit',
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'),
      render: (unitName: string, user) => <Link to={`/units/${user.unitId}`}>{unitName}</Link>,
    },
    {
      title: t('accounts.role'),
      dataIndex: 'role',
      key: 'role',
      filters: ROLES.map((role) => ({ text: t(`role.${role}`), value: role })),
      onFilter: (value, user) => user.role === value,
      render: (role: Role) => <Tag color={ROLE_COLOURS[role]}>{t(`role.${role}`)}</Tag>,
    },
    {
      title: t('accounts.status'),
      dataIndex: 'active',
      key: 'active',
      filters: [
        { text: t('accounts.active'), value: true },
        { text: t('accounts.inactive'), value: false },
      ],
      onFilter: (value, user) => user.active === value,
      render: (active: boolean) =>
        active ? <Badge status="success" text={t('accounts.active')} /> : <Badge status="default" text={t('accounts.inactive')} />,
    },
    {
      title: t('userAdmin.email'),
      dataIndex: 'email',
      key: 'email',
      render: (email: string | null) => email ?? <Typography.Text type="secondary">{t('userAdmin.noEmail')}</Typography.Text>,
    },
    {
      title: t('userAdmin.actions'),
      key: 'actions',
      width: 190,
      render: (_, user) => <UserActions user={user} self={user.id === me.id} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('area.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        }
      />
      <Card size="small">
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ maxWidth: 320 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Typography.Text type="secondary">
            {search.trim()
              ? t('users.matched', { count: visible.length, total: users.data?.length ?? 0 })
              : t('users.total', { count: users.data?.length ?? 0 })}
          </Typography.Text>
        </Flex>
        {filterKnown && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('userAdmin.filtered', { what: t(`userAdmin.filters.${filterKnown}`) })}
            action={
              <Button size="small" onClick={() => setParams({})}>
                {t('userAdmin.showAll')}
              </Button>
            }
          />
        )}
        {users.error && <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 12 }} />}
        <Table<User>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={visible}
          loading={users.isPending}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {adding && <UserFormModal onClose={() => setAdding(false)} />}
    </>
  );
}
