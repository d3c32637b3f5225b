import { DashboardOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LightPie } from './Charts';
import { LIGHT_HEX, LIGHT_ORDER, tasksLink } from './ledger-view';
import { counted } from './ledger-ui';
import { useOverview, usePublishedPlans } from './queries';

/**
 * The office's home page shows where the newest published plan stands without a click: the
 * counts by light (each linking to the tasks behind it), the pie, the red list, and a way into
 * the full dashboards. Nothing when no plan is published yet.
 */
export default function LedgerGlance() {
  const { t } = useTranslation('ledger');
  const navigate = useNavigate();
  const plans = usePublishedPlans();
  const plan = plans.data?.[0] ?? null;
  const overview = useOverview(plan?.id ?? null);
  if (plans.isPending) return <Skeleton active />;
  if (!plan) return null;
  const o = overview.data;
  return (
    <Card
      size="small"
      title={t('glance.title', { plan: plan.title })}
      extra={
        // The full dashboards are one click away, and the button says so.
        <Button type="primary" size="small" icon={<DashboardOutlined />} onClick={() => void navigate(`/ledger?plan=${plan.id}&tab=overview`)} data-testid="glance-more">
          {t('glance.more')} <RightOutlined />
        </Button>
      }
      data-testid="ledger-glance"
    >
      {!o ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10}>
            <LightPie lights={o.lights} onPick={(light) => void navigate(tasksLink(plan.id, { light }))} />
          </Col>
          <Col xs={24} md={14}>
            <Row gutter={[8, 8]}>
              <Col span={12}>
                <Link to={tasksLink(plan.id, {})} data-testid="glance-tasks">
                  <Statistic title={t('overview.tasks')} value={o.tasks} />
                </Link>
              </Col>
              <Col span={12}>
                <Link to={tasksLink(plan.id, { status: 'closed' })}>
                  <Statistic title={t('overview.closed')} value={o.closed} />
                </Link>
              </Col>
              {LIGHT_ORDER.map((l) => (
                <Col key={l} span={8}>
                  <Link to={tasksLink(plan.id, { light: l })} data-testid={`glance-${l}`}>
                    <Statistic title={t(`light.${l}`)} value={o.lights[l]} styles={{ content: { color: LIGHT_HEX[l] } }} />
                  </Link>
                </Col>
              ))}
            </Row>
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Button icon={<DashboardOutlined />} onClick={() => void navigate(`/ledger?plan=${plan.id}&tab=overview`)} data-testid="glance-overview">
                {t('glance.overview')}
              </Button>
              <Button onClick={() => void navigate(tasksLink(plan.id, {}))}>{t('glance.tasks')}</Button>
              <Button onClick={() => void navigate(`/rounds?plan=${plan.id}`)}>{t('glance.rounds')}</Button>
            </Flex>
            {o.redList.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <div style={{ fontWeight: 500, marginBottom: 4 }}>{counted(t('overview.redList'), o.redList.length)}</div>
                {o.redList.slice(0, 5).map((e) => (
                  <div key={e.taskId} style={{ overflowWrap: 'anywhere' }}>
                    <Link to={`/ledger/tasks/${e.taskId}`}>{e.title}</Link>
                  </div>
                ))}
              </div>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}
