import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const tasksPaths = {
  today: '/tasks/today',
  upcoming: '/tasks/upcoming',
  inbox: '/tasks/inbox',
  search: '/tasks/search',
  labels: '/tasks/labels',
  label: (name: string) => `/tasks/labels/${encodeURIComponent(name)}`,
  project: (id: string) => `/tasks/projects/${encodeURIComponent(id)}`,
  filter: (id: string) => `/tasks/filters/${encodeURIComponent(id)}`,
};

/** The task open in the detail drawer lives in the URL (?task=id), so reloads and links keep it. */
export function useOpenTask(): { openId: string | null; open: (id: string) => void; close: () => void } {
  const [params, setParams] = useSearchParams();
  const openId = params.get('task');
  const open = useCallback(
    (id: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('task', id);
          return next;
        },
        { preventScrollReset: true },
      ),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('task');
          return next;
        },
        { preventScrollReset: true },
      ),
    [setParams],
  );
  return { openId, open, close };
}
