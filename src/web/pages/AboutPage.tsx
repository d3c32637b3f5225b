import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import PageHeader from '../components/PageHeader';
import type { Health } from '../../contract/system';

/** Service status, database and version: for administrators, not on the clerks' workbench. */
export default function AboutPage() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/health') });
  const none = t('common.none');
  return (
    <>
      <PageHeader title={t('about.title')} description={t('about.description')} />
      <Card size="small" style={{ maxWidth: 640 }}>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'status',
              label: t('about.status'),
              children: health.data ? (
                <Badge status="success" text={t('about.statusOk')} />
              ) : health.error ? (
                <Badge status="error" text={health.error.message} />
              ) : (
                <Badge status="processing" text={t('common.loading')} />
              ),
            },
            { key: 'db', label: t('about.database'), children: <span data-testid="about-database">{health.data?.db === 'postgres' ? 'PostgreSQL' : health.data ? 'SQLite' : none}</span> },
            { key: 'version', label: t('about.version'), children: health.data?.version ?? none },
            { key: 'api', label: t('about.api'), children: <a href="/api/docs">/api/docs</a> },
          ]}
        />
      </Card>
    </>
  );
}
