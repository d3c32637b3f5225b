import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AREAS } from './areas';
import { RequireAllowed, RequireSession } from './guards';
import FullPageSpin from './components/FullPageSpin';

// Every page is its own chunk: signing in does not download the admin pages, and so on.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomePage = lazy(() => import('./pages/HomePage'));
const AboutPage = lazy(() => import('./pages/AboutPage'));
const NotBuiltPage = lazy(() => import('./pages/NotBuiltPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const UnitsPage = lazy(() => import('./pages/units/UnitsPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage'));
const PlanPage = lazy(() => import('./pages/plans/PlanPage'));
const ConsultationsPage = lazy(() => import('./pages/consultations/ConsultationsPage'));
const ConsultationPage = lazy(() => import('./pages/consultations/ConsultationPage'));
const PublicNoticePage = lazy(() => import('./pages/public/PublicNoticePage'));
const PublicPlanPage = lazy(() => import('./pages/public/PublicPlanPage'));
const RegistersPage = lazy(() => import('./pages/registers/RegistersPage'));
const RegisterPage = lazy(() => import('./pages/registers/RegisterPage'));
const StatisticsPage = lazy(() => import('./pages/registers/StatisticsPage'));
const PublicPortalPage = lazy(() => import('./pages/registers/PublicPortalPage'));
const PublicSnapshotPage = lazy(() => import('./pages/registers/PublicSnapshotPage'));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage'));
const TaskPage = lazy(() => import('./pages/ledger/TaskPage'));
const RoundsPage = lazy(() => import('./pages/ledger/RoundsPage'));
const RoundPage = lazy(() => import('./pages/ledger/RoundPage'));
const ReportPage = lazy(() => import('./pages/ledger/ReportPage'));

function page(element: ReactNode): ReactNode {
  return <Suspense fallback={<FullPageSpin />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  // Published consultation outcomes are public: no sign-in.
  { path: '/public/consultations/:consultationId', element: page(<PublicNoticePage />) },
  { path: '/public', element: page(<PublicPortalPage />) },
  { path: '/public/snapshots/:snapshotId', element: page(<PublicSnapshotPage />) },
  { path: '/public/plans/:planId', element: page(<PublicPlanPage />) },
  {
    path: '/',
    element: <RequireSession>{page(<AppLayout />)}</RequireSession>,
    children: [
      { index: true, element: <HomePage /> },
      ...AREAS.filter((area) => !area.built).map((area) => ({
        path: area.path.slice(1),
        element: <NotBuiltPage area={area.key} />,
      })),
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:planId', element: <PlanPage /> },
      { path: 'consultations', element: <ConsultationsPage /> },
      { path: 'consultations/:consultationId', element: <ConsultationPage /> },
      { path: 'registers', element: <RegistersPage /> },
      { path: 'registers/:registerId', element: <RegisterPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'ledger/tasks/:taskId', element: <TaskPage /> },
      { path: 'rounds', element: <RoundsPage /> },
      { path: 'rounds/:roundId', element: <RoundPage /> },
      { path: 'rounds/:roundId/tasks/:taskId', element: <ReportPage /> },
      { path: 'units/:unitId?', element: <UnitsPage /> },
      { path: 'users', element: <RequireAllowed permission="manageUsers"><UsersPage /></RequireAllowed> },
      { path: 'audit', element: <RequireAllowed permission="readAudit"><AuditPage /></RequireAllowed> },
      { path: 'about', element: <RequireAllowed permission="manageUsers"><AboutPage /></RequireAllowed> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
