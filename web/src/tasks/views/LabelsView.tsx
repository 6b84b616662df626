import type { Label } from '@atom/contracts';
import { ActionIcon, Button, Group, Menu, Paper, Text, TextInput } from '@mantine/core';
import { IconDots, IconPencil, IconPlus, IconTag, IconTrash } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { notifyError } from '../../app/notify';
import { ColourSwatches } from '../../ui/ColourSwatches';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useLabelMutations } from '../labels-api';
import { tasksPaths } from '../paths';
import { QuickAddBar } from '../QuickAddBar';
import { TaskList } from '../TaskList';
import { useLabels, useTaskList } from '../tasks-api';
import { EmptyState, TaskListSkeleton, ViewHeader } from '../ViewHeader';
import classes from '../tasks.module.css';

function LabelRow({ label }: { label: Label }) {
  const { update, remove } = useLabelMutations();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(label.name);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className={classes.labelRow}>
      <IconTag size={16} stroke={1.75} className={classes.labelIcon} style={{ color: label.color }} aria-hidden />
      {renaming ? (
        <form
          className={classes.grow}
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) update.mutate({ id: label.id, input: { name: name.trim() } });
            setRenaming(false);
          }}
        >
          <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label="Label name" autoFocus onBlur={() => setRenaming(false)} />
        </form>
      ) : (
        <Link to={tasksPaths.label(label.name)} className={classes.labelLink}>
          {label.name}
        </Link>
      )}
      <Text size="xs" c="dimmed">
        {label.openTaskCount} open
      </Text>
      <Menu position="bottom-end" withinPortal shadow="md" returnFocus={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for label ${label.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setRenaming(true)}>
            Rename
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={15} />} onClick={() => setDeleting(true)}>
            Delete
          </Menu.Item>
          <Menu.Divider />
          <div className={classes.labelColours}>
            <ColourSwatches label="Colour" size={20} value={label.color} onChange={(color) => update.mutate({ id: label.id, input: { color } })} />
          </div>
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={deleting}
        title={`Delete the label “${label.name}”?`}
        message="Tasks keep existing; they just lose this label."
        confirmLabel="Delete label"
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          remove.mutate(label.id);
        }}
      />
    </div>
  );
}

export function LabelsView() {
  const labels = useLabels();
  const { create } = useLabelMutations();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: () => setName(''),
        onError: (err) => (err instanceof ApiError && err.fields.name ? setError(`Name ${err.fields.name}`) : notifyError(err)),
      },
    );
  };
  return (
    <>
      <ViewHeader title="Labels" lead={<IconTag size={22} stroke={1.75} aria-hidden />} />
      <form onSubmit={submit} className={classes.labelForm}>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            className={classes.grow}
            placeholder="New label, e.g. errands"
            aria-label="New label name"
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
            }}
          />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
            Add label
          </Button>
        </Group>
      </form>
      {labels.isPending ? (
        <TaskListSkeleton rows={3} />
      ) : labels.data?.length ? (
        <Paper withBorder radius="md" className={classes.labelList}>
          {labels.data.map((l) => (
            <LabelRow key={l.id} label={l} />
          ))}
        </Paper>
      ) : (
        <EmptyState icon={IconTag} title="No labels yet" example="Buy milk @errands">
          Labels cut across projects: @errands, @calls, @waiting. Add one here, or type it with @ when you add a task.
        </EmptyState>
      )}
    </>
  );
}

export function LabelView() {
  const { name = '' } = useParams();
  const list = useTaskList({ labels: name, status: 'open', sort: 'due' });
  if (!name) return <Navigate to={tasksPaths.labels} replace />;
  return (
    <>
      <ViewHeader title={`@${name}`} lead={<IconTag size={22} stroke={1.75} aria-hidden />} count={list.tasks.length} />
      <QuickAddBar accepts={(t) => t.labels.some((l) => l.toLowerCase() === name.toLowerCase())} placeholder={`Add a task, e.g. “Something @${name}”`} />
      {list.isPending ? (
        <TaskListSkeleton />
      ) : list.tasks.length === 0 ? (
        <EmptyState icon={IconTag} title={`Nothing open with @${name}`}>
          Tasks you tag with @{name} show up here, whichever project they are in.
        </EmptyState>
      ) : (
        <TaskList label={`@${name}`} groups={[{ key: 'all', tasks: list.tasks }]} showProject />
      )}
    </>
  );
}
