import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { visibleAreas } from '../areas';
import { useCurrentUser, useSessionAllowed } from '../session';
import type { Health } from '../../contract/system';

function SystemStatus() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.get<Health>('/api/health') });
  const none = t('common.none');
  return (
    <Card title={t('home.system')} size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'status',
            label: t('home.status'),
            children: health.data ? (
              <Badge status="success" text={t('home.statusOk')} />
            ) : health.error ? (
              <Badge status="error" text={health.error.message} />
            ) : (
              <Badge status="processing" text={t('common.loading')} />
            ),
          },
          { key: 'db', label: t('home.database'), children: health.data?.db === 'postgres' ? 'PostgreSQL' : health.data ? 'SQLite' : none },
          { key: 'version', label: t('home.version'), children: health.data?.version ?? none },
        ]}
      />
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const areas = visibleAreas(useSessionAllowed());
  return (
    <>
      <Flex vertical style={{ marginBottom: 20 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.subtitle', { unit: user.unitName, role: t(`role.${user.role}`) })}
        </Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card title={t('home.areas')} size="small">
            <Row gutter={[12, 12]}>
              {areas.map((area) => (
                <Col key={area.key} xs={24} md={12} xxl={8}>
                  <Link to={area.path}>
                    <Card hoverable size="small" style={{ height: '100%' }}>
                      <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
                        <Flex gap={8} align="center" style={{ fontSize: 15, fontWeight: 500, color: 'rgba(0,0,0,0.88)' }}>
                          <span style={{ color: '#1d5bb8' }}>{area.icon}</span>
                          {t(`nav.${area.key}`)}
                        </Flex>
                        {area.built ? <Tag color="green">{t('home.built')}</Tag> : <Tag>{t('home.notBuilt')}</Tag>}
                      </Flex>
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                        {t(`area.${area.key}`)}
                      </Typography.Paragraph>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <SystemStatus />
        </Col>
      </Row>
    </>
  );
}
