import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import FullPageSpin from './components/FullPageSpin';
import { useSession } from './session';
import type { SessionAllowed } from '../contract/session';

/** Renders its children for a signed-in user; otherwise sends the browser to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="warning"
        title={t('error.loadFailed')}
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>{t('error.retry')}</Button>}
      />
    );
  }
  if (!data) {
    const from = location.pathname + location.search;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return children;
}

/** Renders its children only when the server allows the area; others see a plain "no access" page. */
export function RequireAllowed({ permission, children }: { permission: keyof SessionAllowed; children: ReactNode }) {
  const { data } = useSession();
  const { t } = useTranslation();
  if (!data?.allowed[permission]) {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} />;
  }
  return children;
}
