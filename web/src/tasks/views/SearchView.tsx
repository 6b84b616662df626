import type { FilterQuery, SavedFilter } from '@atom/contracts';
import { Button, Chip, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy, IconFilter, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFilterMutations } from '../labels-api';
import { tasksPaths } from '../paths';
import { projectTree } from '../projects';
import { TaskList } from '../TaskList';
import { useFilters, useLabels, useProjects, useTaskList, type TaskListParams } from '../tasks-api';
import { EmptyState, TaskListSkeleton, ViewHeader } from '../ViewHeader';
import classes from '../tasks.module.css';

type Status = NonNullable<FilterQuery['status']>;
const PRIORITIES = [
  { value: '1', label: 'P1' },
  { value: '2', label: 'P2' },
  { value: '3', label: 'P3' },
  { value: '4', label: 'None' },
];

function fromParams(params: URLSearchParams): FilterQuery {
  const list = (key: string) => params.get(key)?.split(',').filter(Boolean) ?? [];
  const status = params.get('status');
  return {
    q: params.get('q') ?? undefined,
    projectId: params.get('projectId') ?? undefined,
    labels: list('labels'),
    priority: list('priority').map(Number).filter((n) => n >= 1 && n <= 4),
    dueFrom: params.get('dueFrom') ?? undefined,
    dueTo: params.get('dueTo') ?? undefined,
    status: status === 'done' || status === 'all' ? status : 'open',
  };
}

/** Only what is set, so a saved filter stays small and two equal filters compare equal. */
function clean(query: FilterQuery): FilterQuery {
  const out: FilterQuery = {};
  if (query.q?.trim()) out.q = query.q.trim();
  if (query.projectId) out.projectId = query.projectId;
  if (query.labels?.length) out.labels = query.labels;
  if (query.priority?.length) out.priority = [...query.priority].sort();
  if (query.dueFrom) out.dueFrom = query.dueFrom;
  if (query.dueTo) out.dueTo = query.dueTo;
  if (query.status && query.status !== 'open') out.status = query.status;
  return out;
}

function toParams(query: FilterQuery): TaskListParams {
  const c = clean(query);
  return {
    q: c.q,
    projectId: c.projectId,
    labels: c.labels?.join(','),
    priority: c.priority?.join(','),
    dueFrom: c.dueFrom,
    dueTo: c.dueTo,
    status: c.status ?? 'open',
    sort: 'due',
  };
}

function SaveDialog({ opened, onClose, query }: { opened: boolean; onClose: () => void; query: FilterQuery }) {
  const { create } = useFilterMutations();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) return setError('Name is required');
    create.mutate(
      { name: name.trim(), query: clean(query) },
      {
        onSuccess: (filter) => {
          onClose();
          setName('');
          notifySuccess(`“${filter.name}” is in the sidebar now.`, 'Filter saved');
          void navigate(tasksPaths.filter(filter.id));
        },
        onError: (err) => (err instanceof ApiError && Object.keys(err.fields).length ? setError(Object.values(err.fields).join('; ')) : notifyError(err)),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Save filter" centered size="sm">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            placeholder="e.g. Urgent errands"
            data-autofocus
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save filter
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function FilterForm({ query, onChange }: { query: FilterQuery; onChange: (q: FilterQuery) => void }) {
  const projects = useProjects();
  const labels = useLabels();
  const set = (patch: Partial<FilterQuery>) => onChange({ ...query, ...patch });
  const projectOptions = [
    ...(projects.data ?? []).filter((p) => p.isInbox).map((p) => ({ value: p.id, label: p.name })),
    ...projectTree(projects.data ?? []).map(({ project, depth }) => ({ value: project.id, label: `${'— '.repeat(depth)}${project.name}` })),
  ];
  return (
    <div className={classes.filterForm}>
      <TextInput
        className={classes.filterSearch}
        leftSection={<IconSearch size={16} />}
        placeholder="Search titles and notes"
        aria-label="Search tasks"
        value={query.q ?? ''}
        onChange={(e) => set({ q: e.currentTarget.value })}
        autoFocus
        data-tasks-search
      />
      <div className={classes.filterGrid}>
        <Select label="Project" placeholder="Any project" data={projectOptions} value={query.projectId ?? null} onChange={(v) => set({ projectId: v ?? undefined })} clearable size="xs" />
        <MultiSelect
          label="Labels (all of)"
          placeholder={query.labels?.length ? undefined : 'Any labels'}
          data={(labels.data ?? []).map((l) => l.name)}
          value={query.labels ?? []}
          onChange={(v) => set({ labels: v })}
          clearable
          searchable
          size="xs"
        />
        <TextInput label="Due from" type="date" size="xs" value={query.dueFrom ?? ''} onChange={(e) => set({ dueFrom: e.currentTarget.value || undefined })} />
        <TextInput label="Due until" type="date" size="xs" value={query.dueTo ?? ''} onChange={(e) => set({ dueTo: e.currentTarget.value || undefined })} />
      </div>
      <Group gap="lg" wrap="wrap" align="flex-end">
        <div>
          <Text size="xs" fw={500} mb={4} id="filter-priority">
            Priority
          </Text>
          <Chip.Group multiple value={(query.priority ?? []).map(String)} onChange={(v) => set({ priority: v.map(Number) })}>
            <Group gap={6} role="group" aria-labelledby="filter-priority">
              {PRIORITIES.map((p) => (
                <Chip key={p.value} value={p.value} size="xs" variant="outline">
                  {p.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <div>
          <Text size="xs" fw={500} mb={4} id="filter-status">
            Status
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="filter-status"
            value={query.status ?? 'open'}
            onChange={(v) => set({ status: v as Status })}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'done', label: 'Done' },
              { value: 'all', label: 'All' },
            ]}
          />
        </div>
      </Group>
    </div>
  );
}

function Results({ query }: { query: FilterQuery }) {
  // Debounced by value (the query object is new on every render).
  const [debounced] = useDebouncedValue(JSON.stringify(toParams(query)), 200);
  const list = useTaskList(JSON.parse(debounced) as TaskListParams);
  if (list.isPending) return <TaskListSkeleton />;
  if (list.tasks.length === 0) {
    return (
      <EmptyState icon={IconSearch} title="No tasks match">
        Loosen a condition, or look in done tasks with Status: All.
      </EmptyState>
    );
  }
  return (
    <TaskList
      label="Search results"
      groups={[{ key: 'results', tasks: list.tasks }]}
      showProject
      footer={
        list.hasNextPage ? (
          <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} mt="sm">
            Show more
          </Button>
        ) : undefined
      }
    />
  );
}

export function SearchView() {
  const [params, setParams] = useSearchParams();
  const [saving, setSaving] = useState(false);
  const query = fromParams(params);
  const change = (q: FilterQuery) => {
    const c = clean(q);
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        const task = prev.get('task');
        if (task) next.set('task', task);
        for (const [k, v] of Object.entries(c)) next.set(k, Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : String(v));
        return next;
      },
      { replace: true },
    );
  };
  const hasConditions = Object.keys(clean(query)).length > 0;
  return (
    <>
      <ViewHeader
        title="Search and filter"
        lead={<IconSearch size={22} stroke={1.75} aria-hidden />}
        actions={
          <Button variant="default" size="xs" leftSection={<IconDeviceFloppy size={15} />} disabled={!hasConditions} onClick={() => setSaving(true)}>
            Save filter
          </Button>
        }
      />
      <FilterForm query={query} onChange={change} />
      <Results query={query} />
      <SaveDialog opened={saving} onClose={() => setSaving(false)} query={query} />
    </>
  );
}

function SavedFilterEditor({ filter }: { filter: SavedFilter }) {
  const navigate = useNavigate();
  const { update, remove } = useFilterMutations();
  const [query, setQuery] = useState<FilterQuery>(filter.query);
  const [deleting, setDeleting] = useState(false);
  const changed = JSON.stringify(clean(query)) !== JSON.stringify(clean(filter.query));
  return (
    <>
      <ViewHeader
        title={filter.name}
        lead={<IconFilter size={22} stroke={1.75} aria-hidden />}
        actions={
          <>
            <Button
              size="xs"
              leftSection={<IconDeviceFloppy size={15} />}
              disabled={!changed}
              loading={update.isPending}
              onClick={() => update.mutate({ id: filter.id, input: { query: clean(query) } })}
            >
              Save changes
            </Button>
            <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </>
        }
      />
      <FilterForm query={query} onChange={setQuery} />
      <Results query={query} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete the filter “${filter.name}”?`}
        message="Only the saved filter goes; no task is touched."
        confirmLabel="Delete filter"
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(filter.id, {
            onSuccess: () => {
              setDeleting(false);
              void navigate(tasksPaths.search);
            },
          })
        }
      />
    </>
  );
}

export function SavedFilterView() {
  const { filterId } = useParams();
  const filters = useFilters();
  const filter = filters.data?.find((f) => f.id === filterId);
  if (filters.isPending) return <TaskListSkeleton />;
  if (!filter) return <Navigate to={tasksPaths.search} replace />;
  return <SavedFilterEditor key={filter.id} filter={filter} />;
}
