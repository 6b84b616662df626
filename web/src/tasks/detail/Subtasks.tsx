import type { Task } from '@atom/contracts';
import { Progress, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../../app/notify';
import { useTaskActions } from '../actions';
import { useOpenTask } from '../paths';
import { CheckCircle } from '../TaskRow';
import { refreshTasks, tasksApi, useTaskList } from '../tasks-api';
import classes from './detail.module.css';

/** The direct subtasks of a task: complete them, open them, add more. */
export function Subtasks({ task }: { task: Task }) {
  const client = useQueryClient();
  const list = useTaskList({ parentId: task.id, status: 'all', sort: 'rank' });
  const actions = useTaskActions();
  const { open } = useOpenTask();
  const [title, setTitle] = useState('');
  const done = list.tasks.filter((t) => t.status === 'done').length;

  const add = () => {
    const t = title.trim();
    if (!t) return;
    setTitle('');
    tasksApi
      .create({ title: t, parentId: task.id })
      .then(() => refreshTasks(client))
      .catch((e: unknown) => notifyError(e, 'Could not add the subtask'));
  };

  return (
    <section aria-labelledby="subtasks-heading" className={classes.section}>
      <div className={classes.sectionHeading}>
        <Text size="sm" fw={600} id="subtasks-heading" component="h3" m={0}>
          Subtasks
        </Text>
        {list.tasks.length > 0 && (
          <Text size="xs" c="dimmed">
            {done}/{list.tasks.length}
          </Text>
        )}
      </div>
      {list.tasks.length > 0 && <Progress value={(done / list.tasks.length) * 100} size="xs" mb="xs" aria-label="Subtasks done" color="teal" />}
      <div>
        {list.tasks.map((sub) => (
          <div key={sub.id} className={classes.subtask} data-done={sub.status === 'done' || undefined}>
            <CheckCircle task={sub} onToggle={() => (sub.status === 'done' ? actions.reopen.mutate(sub) : actions.complete.mutate(sub))} />
            <UnstyledButton className={classes.subtaskTitle} onClick={() => open(sub.id)}>
              {sub.title}
            </UnstyledButton>
            {sub.subtasks.total > 0 && (
              <Text size="xs" c="dimmed">
                {sub.subtasks.done}/{sub.subtasks.total}
              </Text>
            )}
          </div>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <TextInput
          size="sm"
          variant="unstyled"
          className={classes.addSubtask}
          leftSection={<IconPlus size={15} />}
          placeholder="Add a subtask"
          aria-label="Add a subtask"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
      </form>
    </section>
  );
}
