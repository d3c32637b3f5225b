import { Alert, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { useRegisters } from './queries';

export default function RegistersPage() {
  const { t } = useTranslation('registers');
  const registers = useRegisters();
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
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
    </>
  );
}
