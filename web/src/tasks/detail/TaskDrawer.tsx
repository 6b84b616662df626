import { Drawer, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useProjects, useTask } from '../tasks-api';
import { useOpenTask } from '../paths';
import { Dot } from '../TasksNav';
import { TaskDetail } from './TaskDetail';
import classes from './detail.module.css';

/** The task named by ?task= in the URL, in a drawer on the right (full screen on a phone). */
export function TaskDrawer() {
  const { openId, close } = useOpenTask();
  const task = useTask(openId);
  const projects = useProjects();
  const phone = useMediaQuery('(max-width: 36em)');
  const project = projects.data?.find((p) => p.id === task.data?.projectId);

  return (
    <Drawer
      opened={openId !== null}
      onClose={close}
      position="right"
      size={phone ? '100%' : 520}
      padding="lg"
      title={
        <Group gap={8} wrap="nowrap">
          {project && <Dot color={project.color} />}
          <Text size="sm" fw={600} c="dimmed" truncate="end">
            <VisuallyHidden>Task in </VisuallyHidden>
            {project?.name ?? 'Task'}
          </Text>
        </Group>
      }
      closeButtonProps={{ 'aria-label': 'Close task' }}
      classNames={{ header: classes.drawerHeader, body: classes.drawerBody }}
    >
      {task.data ? (
        <TaskDetail key={task.data.id} task={task.data} onDeleted={close} />
      ) : task.isError ? (
        <Text c="dimmed" size="sm">
          This task does not exist any more.
        </Text>
      ) : (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={28} width="70%" />
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={120} />
        </Stack>
      )}
    </Drawer>
  );
}
