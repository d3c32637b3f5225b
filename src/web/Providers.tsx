import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { isApiError } from './api';
import { router } from './router';
import { endSession } from './session';
import { theme } from './theme';
import { TODOS_KEY } from './todos';

// A request answered 401 `unauthenticated` means the session expired or was revoked: drop back
// to the sign-in page instead of showing the error on every panel.
function onUnauthenticated(error: unknown): void {
  if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') endSession(queryClient);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  // Whatever the app changed may have done or made work: the to-do badges follow at once.
  mutationCache: new MutationCache({ onError: onUnauthenticated, onSettled: () => void queryClient.invalidateQueries({ queryKey: TODOS_KEY }) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

export default function Providers() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
