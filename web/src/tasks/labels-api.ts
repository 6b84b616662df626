import type { CreateFilterInput, CreateLabelInput, Label, SavedFilter, UpdateFilterInput, UpdateLabelInput } from '@atom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { FILTERS_KEY, LABELS_KEY, TASKS_KEY } from '../app/query-keys';
import { refreshTasks } from './tasks-api';

export function useLabelMutations() {
  const client = useQueryClient();
  const refresh = () => refreshTasks(client, [LABELS_KEY, TASKS_KEY]);
  const create = useMutation({ mutationFn: (input: CreateLabelInput) => api<Label>('POST', '/labels', input), onSettled: refresh, meta: { handlesErrors: true } });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateLabelInput }) => api<Label>('PATCH', `/labels/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api<undefined>('DELETE', `/labels/${encodeURIComponent(id)}`), onSettled: refresh });
  return { create, update, remove };
}

export function useFilterMutations() {
  const client = useQueryClient();
  const refresh = () => refreshTasks(client, [FILTERS_KEY]);
  const create = useMutation({ mutationFn: (input: CreateFilterInput) => api<SavedFilter>('POST', '/filters', input), onSettled: refresh, meta: { handlesErrors: true } });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateFilterInput }) => api<SavedFilter>('PATCH', `/filters/${encodeURIComponent(id)}`, input),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api<undefined>('DELETE', `/filters/${encodeURIComponent(id)}`), onSettled: refresh });
  return { create, update, remove };
}
