import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import type { Todo } from '../contract/todos';

export const TODOS_KEY = ['todos'] as const;

/** Every minute, and after every change the app makes (Providers invalidates on each mutation). */
const REFRESH_MS = 60_000;

/** The signed-in user's 待办 (or, with `done`, 已办), in the interface language. */
export function useTodos(done = false) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...TODOS_KEY, done ? 'done' : 'todo', i18n.language],
    queryFn: () => api.get<Todo[]>(done ? '/api/todos?done=1' : '/api/todos'),
    refetchInterval: done ? false : REFRESH_MS,
    staleTime: 10_000,
  });
}

/** To-do counts per area of the navigation, and in all, for the badges. */
export function useTodoCounts(): { total: number; byArea: Partial<Record<Todo['area'], number>> } {
  const { data } = useTodos();
  const byArea: Partial<Record<Todo['area'], number>> = {};
  for (const todo of data ?? []) byArea[todo.area] = (byArea[todo.area] ?? 0) + 1;
  return { total: data?.length ?? 0, byArea };
}
