import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { useSessionAllowed } from '../../session';
import NewRegisterModal from './NewRegisterModal';
import { useRegisters } from './queries';

export default function RegistersPage() {
  const { t } = useTranslation('registers');
  const registers = useRegisters();
  const allowed = useSessionAllowed();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        extra={
          allowed.defineRegisters && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="register-add">
              {t('newRegister.add')}
            </Button>
          )
        }
      />
      {registers.error && <Alert type="error" showIcon title={registers.error.message} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <List
          loading={registers.isPending}
          dataSource={registers.data ?? []}
          renderItem={(r) => (
            <List.Item key={r.id} extra={<Tag>{t('list.rows', { count: r.rowCount })}</Tag>}>
              <Link to={`/registers/${r.id}`} data-testid={`register-${r.key}`}>
                <Typography.Text strong>{r.name}</Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      </Card>
      {adding && (
        <NewRegisterModal
          onClose={(id) => {
            setAdding(false);
            if (id !== null) void navigate(`/registers/${id}?tab=schema`);
          }}
        />
      )}
    </>
  );
}
