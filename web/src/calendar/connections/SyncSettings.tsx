import { Group, Select, Stack, Text } from '@mantine/core';
import { notifyError } from '../../app/notify';
import { useProjects } from '../../tasks/tasks-api';
import { useUpdateCaldav, type CaldavConnection } from './caldav-api';

const INTERVALS = [
  { value: '5', label: 'Every 5 minutes' },
  { value: '15', label: 'Every 15 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '360', label: 'Every 6 hours' },
  { value: '1440', label: 'Once a day' },
];

/** How often the account syncs in the background, and which task list (VTODO) the tasks of a project sync with. */
export function SyncSettings({ connection }: { connection: CaldavConnection }) {
  const update = useUpdateCaldav();
  const projects = useProjects();
  const taskLists = connection.calendars.filter((c) => c.components.includes('VTODO'));
  const intervals = INTERVALS.some((i) => i.value === String(connection.syncIntervalMinutes))
    ? INTERVALS
    : [...INTERVALS, { value: String(connection.syncIntervalMinutes), label: `Every ${connection.syncIntervalMinutes} minutes` }];
  const change = (changes: Parameters<typeof update.mutate>[0]['changes']) =>
    update.mutate({ id: connection.id, changes }, { onError: (e) => notifyError(e, 'Could not change the connection') });
  const openProjects = (projects.data ?? []).filter((p) => !p.archived);

  return (
    <Stack gap="sm">
      <Select
        label="Sync in the background"
        data={intervals}
        value={String(connection.syncIntervalMinutes)}
        onChange={(v) => v && change({ syncIntervalMinutes: Number(v) })}
        allowDeselect={false}
        maw={260}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Tasks
        </Text>
        {taskLists.length === 0 ? (
          <Text size="sm" c="dimmed">
            This account has no task lists (calendars holding VTODOs).
          </Text>
        ) : (
          <Group gap="sm" align="flex-end">
            <Select
              label="Task list on the server"
              placeholder="Don't sync tasks"
              data={taskLists.map((c) => ({ value: c.remoteUrl, label: c.displayName || c.remoteUrl }))}
              value={connection.taskCalendar?.remoteUrl ?? null}
              clearable
              onChange={(remoteUrl) =>
                change({ taskCalendar: remoteUrl ? { remoteUrl, ...(connection.taskCalendar?.projectId ? { projectId: connection.taskCalendar.projectId } : {}) } : null })
              }
              maw={260}
            />
            {connection.taskCalendar && (
              <Select
                label="Atom project"
                data={openProjects.map((p) => ({ value: p.id, label: p.name }))}
                value={connection.taskCalendar.projectId}
                onChange={(projectId) => projectId && change({ taskCalendar: { remoteUrl: connection.taskCalendar!.remoteUrl, projectId } })}
                allowDeselect={false}
                maw={220}
              />
            )}
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
