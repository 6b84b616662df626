import type { CreateColumnInput, CreateProjectInput, Project, UpdateColumnInput, UpdateProjectInput } from '@atom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { PROJECTS_KEY } from '../app/query-keys';
import { refreshTasks } from './tasks-api';

const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;

function setProject(items: Project[] | undefined, project: Project): Project[] | undefined {
  return items?.map((p) => (p.id === project.id ? project : p));
}

export function useProjectMutations() {
  const client = useQueryClient();
  const refresh = () => refreshTasks(client);
  const store = (project: Project) =>
    client.setQueryData<{ items: Project[] }>(PROJECTS_KEY, (d) => (d ? { items: setProject(d.items, project) ?? d.items } : d));

  const create = useMutation({
    mutationFn: (input: CreateProjectInput) => api<Project>('POST', '/projects', input),
    onSettled: refresh,
    meta: { handlesErrors: true },
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateProjectInput }) => api<Project>('PATCH', projectPath(id), input),
    onSuccess: store,
    onSettled: refresh,
    meta: { handlesErrors: true },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', projectPath(id)),
    onSettled: refresh,
  });
  const addColumn = useMutation({
    mutationFn: ({ projectId, input }: { projectId: string; input: CreateColumnInput }) =>
      api<Project>('POST', `${projectPath(projectId)}/columns`, input),
    onSuccess: store,
    onSettled: refresh,
  });
  const updateColumn = useMutation({
    mutationFn: ({ projectId, columnId, input }: { projectId: string; columnId: string; input: UpdateColumnInput }) =>
      api<Project>('PATCH', `${projectPath(projectId)}/columns/${encodeURIComponent(columnId)}`, input),
    onSuccess: store,
    onSettled: refresh,
  });
  const removeColumn = useMutation({
    mutationFn: ({ projectId, columnId }: { projectId: string; columnId: string }) =>
      api<Project>('DELETE', `${projectPath(projectId)}/columns/${encodeURIComponent(columnId)}`),
    onSuccess: store,
    onSettled: refresh,
  });
  return { create, update, remove, addColumn, updateColumn, removeColumn };
}
