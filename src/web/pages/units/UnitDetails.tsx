import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Descriptions, Empty, Flex, Result, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../api';
import type { Unit } from '../../../contract/units';
import type { User } from '../../../contract/users';

const KIND_COLOURS: Record<Unit['kind'], string> = {
  office: 'red',
  province: 'volcano',
  department: 'blue',
  prefecture: 'green',
  county: 'cyan',
  other: 'default',
};

export function KindTag({ kind }: { kind: Unit['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOURS[kind]}>{t(`kind.${kind}`)}</Tag>;
}

function UnitAccounts({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const accounts = useQuery({
    queryKey: ['units', unit.id, 'users'],
    queryFn: async () => (await api.get<{ users: User[] }>(`/api/units/${unit.id}/users`)).users,
  });
  const columns: TableColumnsType<User> = [
    { title: t('accounts.login'), dataIndex: 'login', key: 'login', render: (login: string) => <code>{login}</code> },
    { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('accounts.role'), dataIndex: 'role', key: 'role', render: (role: User['role']) => t(`role.${role}`) },
    {
      title: t('accounts.status'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) =>
        active ? <Badge status="success" text={t('accounts.active')} /> : <Badge status="default" text={t('accounts.inactive')} />,
    },
  ];

  let body;
  if (isApiError(accounts.error) && accounts.error.status === 403) {
    body = (
      <Result
        icon={<LockOutlined style={{ color: '#bfbfbf', fontSize: 40 }} />}
        title={<span style={{ fontSize: 16 }}>{t('units.noAccess')}</span>}
        subTitle={t('units.noAccessDetail')}
        style={{ padding: '16px 0' }}
        data-testid="accounts-forbidden"
      />
    );
  } else if (accounts.error) {
    body = <Alert type="error" showIcon title={accounts.error.message} />;
  } else {
    body = (
      <Table<User>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={accounts.data ?? []}
        loading={accounts.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noAccounts')} /> }}
      />
    );
  }
  return (
    <Card size="small" title={t('units.accounts')} style={{ marginTop: 16 }}>
      {body}
    </Card>
  );
}

export default function UnitDetails({ unit, units, onEdit }: { unit: Unit; units: readonly Unit[]; onEdit?: () => void }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const parent = unit.parentId === null ? undefined : units.find((u) => u.id === unit.parentId);
  const children = units.filter((u) => u.parentId === unit.id);
  return (
    <div data-testid="unit-details">
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <span>{unit.name}</span>
            <KindTag kind={unit.kind} />
            {unit.member && <Tag color="gold">{t('units.memberTag')}</Tag>}
          </Flex>
        }
        extra={
          onEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('units.edit')}
            </Button>
          )
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, xl: 2 }}
          items={[
            { key: 'code', label: t('units.field.code'), children: <code>{unit.code}</code> },
            { key: 'kind', label: t('units.field.kind'), children: t(`kind.${unit.kind}`) },
            { key: 'name', label: t('units.field.name'), children: unit.name, span: 'filled' },
            { key: 'shortName', label: t('units.field.shortName'), children: unit.shortName || none },
            { key: 'divisionCode', label: t('units.field.divisionCode'), children: unit.divisionCode ?? none },
            {
              key: 'aliases',
              label: t('units.field.aliases'),
              span: 'filled',
              children:
                unit.aliases.length > 0 ? (
                  <Flex gap={4} wrap>
                    {unit.aliases.map((alias) => (
                      <Tag key={alias}>{alias}</Tag>
                    ))}
                  </Flex>
                ) : (
                  none
                ),
            },
            {
              key: 'parent',
              label: t('units.field.parent'),
              children: parent ? <Link to={`/units/${parent.id}`}>{parent.name}</Link> : none,
            },
            {
              key: 'children',
              label: t('units.children'),
              children: children.length > 0 ? t('units.childrenCount', { count: children.length }) : none,
            },
            { key: 'member', label: t('units.field.member'), children: unit.member ? t('common.yes') : t('common.no') },
          ]}
        />
      </Card>
      <UnitAccounts unit={unit} />
    </div>
  );
}
