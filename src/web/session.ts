import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from './api';
import { applyLocale, currentLocale } from './i18n/setup';
import type { Locale } from '../contract/common';
import type { CurrentSession, Session, SessionAllowed, SessionUser } from '../contract/session';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  // /api/session/current answers 200 with null when nobody is signed in: no 401 in the console.
  const { session } = await api.get<CurrentSession>('/api/session/current');
  if (!session) {
    setCsrfToken(null);
    return null;
  }
  setCsrfToken(session.csrfToken);
  applyLocale(session.user.locale);
  return session;
}

/** The signed-in session, `null` when signed out, `undefined` while it loads. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a session');
  return data.user;
}

/** The areas the signed-in user may use, as the server says (never re-derived from the role). */
export function useSessionAllowed(): SessionAllowed {
  const { data } = useSession();
  if (!data) throw new Error('useSessionAllowed outside a session');
  return data.allowed;
}

/** Forget everything cached for the previous user and mark the session as ended. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { login: string; password: string; totpCode?: string }) => api.post<Session>('/api/session', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      applyLocale(session.user.locale);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Ends every session of this account, on every device (a lost phone, a shared computer). */
export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ended: number }>('/api/session/logout-everywhere'),
    onSettled: () => endSession(queryClient),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/session'),
    // Signed out locally even when the server is unreachable or the session already expired.
    onSettled: () => endSession(queryClient),
  });
}

/**
 * Switch the UI language at once; when signed in, also save it as the user's preference so
 * that the next sign-in (on any browser) starts in the same language.
 */
export function useSwitchLocale(): (locale: Locale) => void {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.patch<{ locale: Locale }>('/api/session/preferences', { locale }),
    onSuccess: ({ locale }) => {
      queryClient.setQueryData<Session | null>(SESSION_KEY, (session) =>
        session ? { ...session, user: { ...session.user, locale } } : session,
      );
    },
    onError: (error) => {
      void message.error(t('language.saveFailed', { message: error.message }));
    },
  });
  return (locale: Locale) => {
    if (locale === currentLocale()) return;
    applyLocale(locale);
    const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
    if (session) save.mutate(locale);
  };
}
