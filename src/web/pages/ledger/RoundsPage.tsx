import { DownloadOutlined, PlusOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Select, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { usePlanChoice } from './LedgerPage';
import { testId, useOfficeArea, useUnitNames } from './ledger-ui';
import { bulletinUrl, useNextRound, useOpenRound, useRounds } from './queries';
import type { OpenRoundInput, RoundList } from './queries';
import './ledger.css';

function OpenRoundModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const { message } = App.useApp();
  const open = useOpenRound(planId);
  const [form] = Form.useForm<OpenRoundInput>();
  const required = (label: string) => [{ required: true, whitespace: true, message: label }];
  return (
    <Modal
      open
      title={t('rounds.openTitle')}
      onCancel={onClose}
      okButtonProps={{ loading: open.isPending, ...testId('open-round-ok') }}
      onOk={() =>
        void form.validateFields().then((v) =>
          open.mutate(v, {
            onSuccess: () => {
              void message.success(t('rounds.opened'));
              onClose();
            },
          }),
        )
      }
      destroyOnHidden
    >
      <div data-testid="open-round-modal">
        {open.error && <Alert type="error" showIcon title={open.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ recurrence: 'none' }}>
          <Form.Item name="title" label={t('rounds.roundTitle')} rules={required(t('rounds.roundTitle'))}>
            <Input maxLength={200} data-testid="round-title" />
          </Form.Item>
          <Form.Item name="periodStart" label={t('rounds.periodStart')} rules={required(t('rounds.periodStart'))}>
            <Input type="date" data-testid="round-period-start" />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('rounds.periodEnd')} rules={required(t('rounds.periodEnd'))}>
            <Input type="date" data-testid="round-period-end" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('rounds.dueDate')} rules={required(t('rounds.dueDate'))}>
            <Input type="date" data-testid="round-due-date" />
          </Form.Item>
          <Form.Item name="recurrence" label={t('rounds.recurrence')}>
            <Select options={(['none', 'monthly', 'quarterly'] as const).map((r) => ({ value: r, label: t(`rounds.recurrenceOptions.${r}`) }))} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** 调度: a plan's reporting rounds, newest first, and opening a new one (an office, when the API allows it). */
export default function RoundsPage() {
  const { t } = useTranslation('ledger');
  const { plans, planId, selector } = usePlanChoice();
  const rounds = useRounds(planId);
  const unitName = useUnitNames();
  const [opening, setOpening] = useState(false);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const next = useNextRound();
  const rows = [...(rounds.data?.rounds ?? [])].reverse();
  const mayOpen = rounds.data?.allowed.open ?? false;
  const area = useOfficeArea();
  // The next period follows the newest round each office runs (an older one's next period exists already).
  const newest = new Set(
    [...rows]
      .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.id - a.id)
      .filter((r, i, all) => all.findIndex((x) => x.ownerUnitId === r.ownerUnitId) === i)
      .map((r) => r.id),
  );
  // 开启下一期: the following month or quarter of a round, due as long after its end; the server
  // refuses a period already opened (and may refuse a one-off round), in words shown here.
  const openNext = (roundId: number) =>
    next.mutate(roundId, {
      onSuccess: ({ id }) => {
        void message.success(t('rounds.nextOpened'));
        void navigate(`/rounds/${id}`);
      },
      onError: (e) => void message.error(e.message),
    });
  return (
    <>
      <PageHeader
        title={t('rounds.title')}
        description={t('rounds.description')}
        extra={[
          selector,
          rounds.data?.allowed.open && (
            <Button key="open" type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-round">
              {t('rounds.open')}
            </Button>
          ),
        ]}
      />
      {(plans.error ?? rounds.error) && <Alert type="error" showIcon title={(plans.error ?? rounds.error)?.message} />}
      {plans.data && planId === null && <Empty description={t('common.noPlan')} />}
      {planId !== null && !rounds.data && !rounds.error && <Skeleton active />}
      {rounds.data && (
        <div className="ledger-table-box">
          <Table<RoundList['rounds'][number]>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('rounds.none') }}
            data-testid="round-list"
            scroll={{ x: 880 }}
            columns={[
              {
                title: t('rounds.columns.title'),
                dataIndex: 'title',
                render: (title: string, r) => (
                  <Link to={`/rounds/${r.id}`} data-testid={`round-link-${r.id}`}>
                    {title}
                  </Link>
                ),
              },
              { title: t('rounds.columns.period'), render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
              { title: t('rounds.columns.dueDate'), dataIndex: 'dueDate' },
              {
                title: t('rounds.recurrence'),
                dataIndex: 'recurrence',
                render: (v: string) => <Tag color={v === 'none' ? 'default' : 'blue'}>{t(`rounds.recurrenceOptions.${v === 'monthly' || v === 'quarterly' ? v : 'none'}`)}</Tag>,
              },
              { title: t('rounds.columns.owner'), render: (_, r) => unitName(r.ownerUnitId) },
              {
                title: '',
                render: (_, r) => (
                  <Flex gap={4} wrap>
                    {mayOpen && newest.has(r.id) && (area === null || r.ownerUnitId === area) && (
                      <Button
                        size="small"
                        icon={<StepForwardOutlined />}
                        loading={next.isPending && next.variables === r.id}
                        onClick={() => openNext(r.id)}
                        title={r.recurrence === 'none' ? t('rounds.nextOneOff') : t('rounds.nextHelp')}
                        data-testid={`round-next-${r.id}`}
                      >
                        {t('rounds.next')}
                      </Button>
                    )}
                    <Button size="small" type="link" icon={<DownloadOutlined />} href={bulletinUrl(r.id)}>
                      {t('common.bulletin')}
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        </div>
      )}
      {opening && planId !== null && <OpenRoundModal planId={planId} onClose={() => setOpening(false)} />}
    </>
  );
}
