import type { Task, UpdateTaskInput } from '@atom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifySuccess } from '../app/notify';
import { useUser } from '../app/auth';
import { formatDueLong } from './due';
import { patchTasks, refreshTasks, rollback, tasksApi, withChanges, without, type Snapshot } from './tasks-api';
import { offerUndo } from '../ui/undo';

const quote = (title: string) => `“${title.length > 60 ? `${title.slice(0, 57)}…` : title}”`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/** Completed rows stay a moment, struck through, before the list refreshes them away. */
const SETTLE_MS = 450;

type Snap = { snapshot: Snapshot };
type Ctx = Snap | undefined;

/**
 * Every task write the lists and the board make: optimistic in the cache, rolled back on
 * error (the error toast comes from the query client), and offering Undo when it destroys.
 */
export function useTaskActions() {
  const client = useQueryClient();
  const { timeZone } = useUser();
  const refresh = () => refreshTasks(client);
  const onError = (_e: unknown, _v: unknown, ctx: Ctx) => {
    if (ctx) rollback(client, ctx.snapshot);
  };

  const complete = useMutation({
    mutationFn: (task: Task) => tasksApi.complete(task.id),
    onMutate: async (task): Promise<Snap> => ({
      snapshot: await patchTasks(client, withChanges([task.id], { status: 'done', completedAt: new Date().toISOString() })),
    }),
    onError,
    onSuccess: (result, task) => {
      const next = result.next ? formatDueLong(result.next, timeZone) : null;
      offerUndo({
        title: `Completed ${quote(task.title)}`,
        message: next ? `Next: ${next}` : undefined,
        undo: () => tasksApi.reopen(task.id).finally(refresh),
      });
    },
    onSettled: () => void setTimeout(() => void refresh(), SETTLE_MS),
  });

  const reopen = useMutation({
    mutationFn: (task: Task) => tasksApi.reopen(task.id),
    onMutate: async (task): Promise<Snap> => ({ snapshot: await patchTasks(client, withChanges([task.id], { status: 'open', completedAt: null })) }),
    onError,
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: (task: Task) => tasksApi.remove(task.id),
    onMutate: async (task): Promise<Snap> => ({ snapshot: await patchTasks(client, without([task.id])) }),
    onError,
    onSuccess: (_r, task) => offerUndo({ title: `Deleted ${quote(task.title)}`, undo: () => tasksApi.restore(task.id).finally(refresh) }),
    onSettled: refresh,
  });

  const update = useMutation({
    mutationFn: ({ task, input }: { task: Task; input: UpdateTaskInput }) => tasksApi.update(task.id, input),
    onMutate: async ({ task, input }): Promise<Snap> => {
      const { dueAt, dueDate, startAt, ...rest } = input;
      const change: Partial<Task> = { ...rest };
      if (dueAt !== undefined || dueDate !== undefined) Object.assign(change, { dueAt: dueAt ?? null, dueDate: dueDate ?? null });
      if (startAt !== undefined) change.startAt = startAt;
      return { snapshot: await patchTasks(client, withChanges([task.id], change)) };
    },
    onError,
    onSuccess: (_r, { task, input }) => {
      if (input.projectId !== undefined && input.projectId !== task.projectId) {
        offerUndo({ title: `Moved ${quote(task.title)}`, undo: () => tasksApi.update(task.id, { projectId: task.projectId }).finally(refresh) });
      }
    },
    onSettled: refresh,
    meta: { handlesErrors: true },
  });

  const bulkComplete = useMutation({
    mutationFn: (tasks: Task[]) => tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'complete' }),
    onMutate: async (tasks): Promise<Snap> => ({
      snapshot: await patchTasks(client, withChanges(tasks.map((t) => t.id), { status: 'done', completedAt: new Date().toISOString() })),
    }),
    onError,
    onSuccess: (result, tasks) =>
      offerUndo({
        title: `Completed ${plural(tasks.length, 'task')}`,
        message: result.created.length ? `${plural(result.created.length, 'next occurrence')} scheduled` : undefined,
        undo: () => tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'reopen' }).finally(refresh),
      }),
    onSettled: () => void setTimeout(() => void refresh(), SETTLE_MS),
  });

  const bulkDelete = useMutation({
    mutationFn: (tasks: Task[]) => tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'delete' }),
    onMutate: async (tasks): Promise<Snap> => ({ snapshot: await patchTasks(client, without(tasks.map((t) => t.id))) }),
    onError,
    onSuccess: (_r, tasks) =>
      offerUndo({
        title: `Deleted ${plural(tasks.length, 'task')}`,
        undo: () => tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'restore' }).finally(refresh),
      }),
    onSettled: refresh,
  });

  const bulkMove = useMutation({
    mutationFn: ({ tasks, projectId }: { tasks: Task[]; projectId: string; projectName: string }) =>
      tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'move', projectId }),
    onMutate: async ({ tasks, projectId }): Promise<Snap> => ({
      snapshot: await patchTasks(client, withChanges(tasks.map((t) => t.id), { projectId })),
    }),
    onError,
    onSuccess: (_r, { tasks, projectName }) => {
      // Back exactly where each came from: project, parent, column and position.
      const places = tasks.map((t) => ({ id: t.id, projectId: t.projectId, parentId: t.parentId, columnId: t.columnId, rank: t.rank }));
      offerUndo({
        title: `Moved ${plural(tasks.length, 'task')} to ${projectName}`,
        undo: () => tasksApi.bulk({ ids: places.map((p) => p.id), action: 'place', places }).finally(refresh),
      });
    },
    onSettled: refresh,
  });

  const bulkLabel = useMutation({
    mutationFn: ({ tasks, label }: { tasks: Task[]; label: string }) => tasksApi.bulk({ ids: tasks.map((t) => t.id), action: 'label', labels: [label] }),
    onMutate: async ({ tasks, label }): Promise<Snap> => ({
      snapshot: await patchTasks(client, (items) =>
        items.map((t) => (tasks.some((s) => s.id === t.id) && !t.labels.includes(label) ? { ...t, labels: [...t.labels, label] } : t)),
      ),
    }),
    onError,
    onSuccess: (_r, { tasks, label }) => notifySuccess(`Added @${label} to ${plural(tasks.length, 'task')}`),
    onSettled: refresh,
  });

  return { complete, reopen, remove, update, bulkComplete, bulkDelete, bulkMove, bulkLabel, refresh };
}

export type TaskActions = ReturnType<typeof useTaskActions>;
