import type {
  CaldavConnection,
  CaldavLog,
  CaldavSyncResult,
  CreateCaldavConnectionInput,
  UpdateCaldavConnectionInput,
} from '@atom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { notifyError } from '../../app/notify';
import { CALDAV_KEY, CALENDARS_KEY, EVENTS_KEY } from '../../app/query-keys';
import { tellOtherTabs } from '../../app/tab-sync';

export type { CaldavConnection, CaldavLog, CaldavSyncResult };

const base = '/connections/caldav';

export function useCaldavConnections() {
  return useQuery({ queryKey: CALDAV_KEY, queryFn: () => api<{ items: CaldavConnection[] }>('GET', base).then((r) => r.items) });
}

export function useCaldavLog(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...CALDAV_KEY, 'log', id], enabled, queryFn: () => api<CaldavLog>('GET', `${base}/${id}/log`).then((r) => r.items) });
}

/** A connection's changes reach the calendars too: syncing fills them, choosing a calendar creates one. */
function useRefresh() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([CALDAV_KEY, CALENDARS_KEY, EVENTS_KEY].map((queryKey) => client.invalidateQueries({ queryKey })));
    for (const key of [CALDAV_KEY, CALENDARS_KEY, EVENTS_KEY]) tellOtherTabs.changed(key);
  };
}

/** Field errors (wrong password, unreachable URL) are the form's to show, so no toast here. */
export function useAddCaldav() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (input: CreateCaldavConnectionInput) => api<CaldavConnection>('POST', base, input),
    onSuccess: refresh,
  });
}

export function useUpdateCaldav() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCaldavConnectionInput }) => api<CaldavConnection>('PATCH', `${base}/${id}`, changes),
    onSuccess: refresh,
  });
}

/** A failed sync still changes the connection (status error, a log entry), so refresh either way. */
export function useSyncCaldav() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (id: string) => api<CaldavSyncResult>('POST', `${base}/${id}/sync`),
    onSettled: refresh,
  });
}

export function useDeleteCaldav() {
  const refresh = useRefresh();
  return useMutation({
    meta: { handlesErrors: true },
    mutationFn: (id: string) => api<undefined>('DELETE', `${base}/${id}`),
    onSuccess: refresh,
    onError: (error) => notifyError(error, 'Could not disconnect'),
  });
}
