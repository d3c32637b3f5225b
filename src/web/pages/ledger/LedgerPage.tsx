import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import PageHeader from '../../components/PageHeader';
import { useCurrentUser } from '../../session';
import { useUnits } from '../../unit-queries';
import AcknowledgementsTab from './AcknowledgementsTab';
import CityTab from './CityTab';
import { filterFromSearch } from './ledger-view';
import LightRulesTab from './LightRulesTab';
import MineTab from './MineTab';
import OverviewTab from './OverviewTab';
import TasksTab from './TasksTab';
import { ledgerWorkbookUrl, useMayGovernPlans, usePublishedPlans, useRounds } from './queries';

const TABS = ['overview', 'tasks', 'mine', 'city', 'acks', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** The plan chosen in the URL, else the newest published one (so the office lands on the seed plan's overview). */
export function usePlanChoice() {
  const [search, setSearch] = useSearchParams();
  const plans = usePublishedPlans();
  const asked = Number(search.get('plan'));
  const planId = plans.data?.some((p) => p.id === asked) ? asked : (plans.data?.[0]?.id ?? null);
  const choose = (id: number) => {
    const next = new URLSearchParams(search);
    next.set('plan', String(id));
    setSearch(next);
  };
  const selector =
    (plans.data?.length ?? 0) > 1 ? (
      <Select
        key="plan"
        style={{ minWidth: 260, maxWidth: '100%' }}
        value={planId}
        onChange={choose}
        options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        data-testid="plan-select"
      />
    ) : null;
  return { plans, planId, selector };
}

/** 任务台账: the overview dashboards, the task list, a unit's own view and a 市州's view of one published plan. */
export default function LedgerPage() {
  const { t } = useTranslation('ledger');
  const user = useCurrentUser();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const { plans, planId, selector } = usePlanChoice();
  const isOffice = user.role === 'office' || user.role === 'admin';
  const askedTab = search.get('tab');
  // Whether the reader runs this plan's ledger, as the API answers it: the rounds list's flag
  // (round.manage and task.manage are granted alike, to the office governing the plan).
  const rounds = useRounds(planId);
  const manage = rounds.data?.allowed.open ?? false;
  // The light rules are the plan owner's (the provincial office's) to change.
  const governsPlans = useMayGovernPlans().data ?? false;

  const own = units.data?.find((u) => u.id === user.unitId);
  const fallback: Tab = isOffice ? (own?.kind === 'prefecture' ? 'city' : 'overview') : 'mine';
  // A 市州's own people (its office, reporters, signatories) see their city; the provincial office sees any.
  const ownCity = own?.kind === 'prefecture' ? own.id : null;
  const showCity = ownCity !== null || (isOffice && own?.kind !== 'county');
  const visible = (key: Tab) => (key === 'mine' ? user.role !== 'admin' : key === 'city' ? showCity : key === 'acks' ? manage : true);
  const tab: Tab = TABS.includes(askedTab as Tab) && visible(askedTab as Tab) ? (askedTab as Tab) : fallback;
  const askedCity = Number(search.get('city'));
  const cityId = askedCity > 0 ? askedCity : (ownCity ?? units.data?.find((u) => u.kind === 'prefecture')?.id ?? null);

  const setTab = (key: string) => {
    const next = new URLSearchParams(search);
    next.set('tab', key);
    if (planId !== null) next.set('plan', String(planId));
    setSearch(next);
  };
  const setCity = (id: number) => {
    const next = new URLSearchParams(search);
    next.set('city', String(id));
    setSearch(next, { replace: true });
  };

  const title = plans.data?.find((p) => p.id === planId)?.title;
  // The export holds what the task list shows: its filters go into the workbook's URL.
  const filter = tab === 'tasks' ? filterFromSearch(search) : {};
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        description={title ?? t('ledger.description')}
        extra={[
          selector,
          planId !== null && (
            <Button key="xlsx" icon={<DownloadOutlined />} href={ledgerWorkbookUrl(planId, filter)} data-testid="ledger-download">
              {filtered ? t('common.downloadFiltered') : t('common.download')}
            </Button>
          ),
        ]}
      />
      {plans.error && <Alert type="error" showIcon title={plans.error.message} />}
      {plans.isPending && <Skeleton active />}
      {plans.data && planId === null && <Empty description={t('common.noPlan')} />}
      {planId !== null && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'overview', label: t('ledger.tabs.overview'), children: <OverviewTab planId={planId} /> },
            { key: 'tasks', label: t('ledger.tabs.tasks'), children: <TasksTab planId={planId} manage={manage} /> },
            ...(!visible('mine') ? [] : [{ key: 'mine', label: t('ledger.tabs.mine'), children: <MineTab planId={planId} /> }]),
            ...(!visible('city') ? [] : [{ key: 'city', label: t('ledger.tabs.city'), children: <CityTab planId={planId} unitId={ownCity ?? cityId} onUnit={setCity} locked={ownCity !== null} /> }]),
            ...(!visible('acks') ? [] : [{ key: 'acks', label: <span data-testid="tab-acks">{t('ledger.tabs.acks')}</span>, children: <AcknowledgementsTab planId={planId} /> }]),
            { key: 'rules', label: <span data-testid="tab-rules">{t('ledger.tabs.rules')}</span>, children: <LightRulesTab planId={planId} editable={manage && governsPlans} /> },
          ]}
        />
      )}
    </>
  );
}
