import type {
  BulkTaskInput,
  CompleteResult,
  CreateTaskInput,
  Label,
  MoveResult,
  MoveTaskInput,
  Project,
  QuickAddInput,
  QuickAddParse,
  QuickAddResult,
  SavedFilter,
  Task,
  TaskPage,
  UpdateTaskInput,
} from '@atom/contracts';
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../app/api';
import { FILTERS_KEY, LABELS_KEY, PROJECTS_KEY, TASKS_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

/** Query-string parameters of GET /tasks, as the server names them. */
export interface TaskListParams {
  q?: string;
  projectId?: string;
  labels?: string;
  priority?: string;
  dueFrom?: string;
  dueTo?: string;
  status?: 'open' | 'done' | 'all';
  parentId?: string;
  topLevel?: 'true';
  view?: 'today' | 'upcoming';
  sort?: 'rank' | 'due' | 'priority' | 'created';
}

export const TASK_LISTS_KEY = [...TASKS_KEY, 'list'] as const;
export const taskListKey = (params: TaskListParams) => [...TASK_LISTS_KEY, params] as const;
export const taskKey = (id: string) => [...TASKS_KEY, 'one', id] as const;

const PAGE_SIZE = 200;

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v !== '') search.set(k, v);
  return search.toString();
}

export type TaskPages = InfiniteData<TaskPage, string | null>;

/** A task list, a page at a time (200 tasks a page; `fetchNextPage` for more). */
export function useTaskList(params: TaskListParams, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: taskListKey(params),
    queryFn: ({ pageParam }) =>
      api<TaskPage>('GET', `/tasks?${queryString({ ...params, limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const tasks = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, tasks };
}

export function useTask(id: string | null) {
  return useQuery({
    queryKey: taskKey(id ?? ''),
    queryFn: () => api<Task>('GET', `/tasks/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useProjects() {
  return useQuery({ queryKey: PROJECTS_KEY, queryFn: () => api<{ items: Project[] }>('GET', '/projects'), select: (d) => d.items });
}

export function useLabels() {
  return useQuery({ queryKey: LABELS_KEY, queryFn: () => api<{ items: Label[] }>('GET', '/labels'), select: (d) => d.items });
}

export function useFilters() {
  return useQuery({ queryKey: FILTERS_KEY, queryFn: () => api<{ items: SavedFilter[] }>('GET', '/filters'), select: (d) => d.items });
}

/** After any write: refresh what depends on tasks here, and in the other open tabs. */
export function refreshTasks(client: QueryClient, keys: QueryKey[] = [TASKS_KEY, PROJECTS_KEY, LABELS_KEY]): Promise<void> {
  for (const key of keys) tellOtherTabs.changed(key);
  return Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: key }))).then(() => undefined);
}

export type Snapshot = [QueryKey, unknown][];

/** Patches every cached list and single task; returns what was there, for a rollback. */
export async function patchTasks(client: QueryClient, fn: (items: Task[]) => Task[]): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: TASKS_KEY });
  const snapshot: Snapshot = client.getQueriesData({ queryKey: TASKS_KEY });
  client.setQueriesData<TaskPages>({ queryKey: TASK_LISTS_KEY }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: fn(page.items) })) } : data,
  );
  for (const [key, value] of snapshot) {
    if (key[1] === 'one' && value && typeof value === 'object' && 'id' in value) {
      const [next] = fn([value as Task]);
      if (next) client.setQueryData(key, next);
    }
  }
  return snapshot;
}

export function rollback(client: QueryClient, snapshot: Snapshot): void {
  for (const [key, value] of snapshot) client.setQueryData(key, value);
}

export const withChanges = (ids: Iterable<string>, change: Partial<Task>) => {
  const set = new Set(ids);
  return (items: Task[]) => items.map((t) => (set.has(t.id) ? { ...t, ...change } : t));
};
export const without = (ids: Iterable<string>) => {
  const set = new Set(ids);
  return (items: Task[]) => items.filter((t) => !set.has(t.id) && !(t.parentId !== null && set.has(t.parentId)));
};

/** The raw calls, shared by the hooks and by Undo. */
export const tasksApi = {
  parse: (input: QuickAddInput) => api<QuickAddParse>('POST', '/tasks/quick-add/parse', input),
  quickAdd: (input: QuickAddInput) => api<QuickAddResult>('POST', '/tasks/quick-add', input),
  create: (input: CreateTaskInput) => api<Task>('POST', '/tasks', input),
  update: (id: string, input: UpdateTaskInput) => api<Task>('PATCH', `/tasks/${encodeURIComponent(id)}`, input),
  remove: (id: string) => api<undefined>('DELETE', `/tasks/${encodeURIComponent(id)}`),
  restore: (id: string) => api<Task>('POST', `/tasks/${encodeURIComponent(id)}/restore`),
  complete: (id: string) => api<CompleteResult>('POST', `/tasks/${encodeURIComponent(id)}/complete`),
  reopen: (id: string) => api<Task>('POST', `/tasks/${encodeURIComponent(id)}/reopen`),
  move: (id: string, input: MoveTaskInput) => api<MoveResult>('POST', `/tasks/${encodeURIComponent(id)}/move`, input),
  bulk: (input: BulkTaskInput) => api<{ updated: number; created: Task[] }>('POST', '/tasks/bulk', input),
};

export function useTasksClient(): QueryClient {
  return useQueryClient();
}
