import type { Task, UpdateTaskInput } from '@atom/contracts';
import { Anchor, Button, Group, NumberInput, SegmentedControl, Select, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconCalendar, IconCheck, IconClock, IconFlag3, IconHourglass, IconEyeOff, IconRotate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { notifyError } from '../../app/notify';
import { useUser } from '../../app/auth';
import { DateText } from '../../ui/DateText';
import { useTaskActions } from '../actions';
import { Markdown } from '../Markdown';
import { tasksPaths, useOpenTask } from '../paths';
import { projectTree } from '../projects';
import { useLabels, useProjects, useTask } from '../tasks-api';
import { dateIn, instantIn, timeIn, todayIn } from '../../ui/zoned';
import { RecurrenceField } from './RecurrenceField';
import { Subtasks } from './Subtasks';
import classes from './detail.module.css';

const PRIORITY_OPTIONS = [
  { value: '1', label: 'Priority 1 (highest)' },
  { value: '2', label: 'Priority 2' },
  { value: '3', label: 'Priority 3' },
  { value: '4', label: 'No priority' },
];

const FIELD_LABELS = {
  title: 'Title',
  projectId: 'Project',
  dueAt: 'Due',
  dueDate: 'Due date',
  startAt: 'Start',
  estimateMinutes: 'Estimate',
  labels: 'Labels',
  recurrence: 'Repeat',
  notes: 'Notes',
};

/** Every field of one task, each saved as soon as it changes (text fields when they lose focus). */
export function TaskDetail({ task, onDeleted }: { task: Task; onDeleted: () => void }) {
  const { timeZone } = useUser();
  const actions = useTaskActions();
  const projects = useProjects();
  const labels = useLabels();
  const parent = useTask(task.parentId);
  const { open } = useOpenTask();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.notes);
  const [notesMode, setNotesMode] = useState<'write' | 'preview'>(task.notes.trim() ? 'preview' : 'write');
  const [estimate, setEstimate] = useState<string | number>(task.estimateMinutes ?? '');

  const dueDate = task.dueDate ?? (task.dueAt ? dateIn(task.dueAt, timeZone) : '');
  const dueTime = task.dueAt ? timeIn(task.dueAt, timeZone) : '';
  const startDate = task.startAt ? dateIn(task.startAt, timeZone) : '';

  const save = (input: UpdateTaskInput) => {
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in input))));
    actions.update.mutate(
      { task, input },
      {
        onError: (error) => {
          if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors((prev) => ({ ...prev, ...error.fields }));
          else notifyError(error, 'Could not save the task');
        },
      },
    );
  };
  const fieldError = (...names: (keyof typeof FIELD_LABELS)[]) => {
    const name = names.find((n) => errors[n]);
    return name ? `${FIELD_LABELS[name]} ${errors[name]}` : undefined;
  };

  const saveDue = (date: string, time: string) => {
    if (!date) save({ dueAt: null, dueDate: null });
    else if (!time) save({ dueDate: date, dueAt: null });
    else save({ dueAt: instantIn(date, time, timeZone), dueDate: null });
  };

  const projectOptions = [
    ...(projects.data ?? []).filter((p) => p.isInbox).map((p) => ({ value: p.id, label: p.name })),
    ...projectTree(projects.data ?? []).map(({ project, depth }) => ({ value: project.id, label: `${'— '.repeat(depth)}${project.name}` })),
  ];
  const done = task.status === 'done';

  return (
    <div className={classes.detail}>
      {task.parentId && (
        <Text size="xs" c="dimmed">
          Subtask of{' '}
          <Anchor component="button" type="button" size="xs" onClick={() => task.parentId && open(task.parentId)}>
            {parent.data?.title ?? 'its parent'}
          </Anchor>
        </Text>
      )}
      <Textarea
        aria-label="Title"
        autosize
        minRows={1}
        variant="unstyled"
        className={classes.title}
        classNames={{ input: classes.titleInput }}
        value={title}
        data-done={done || undefined}
        onChange={(e) => setTitle(e.currentTarget.value.replace(/\n/g, ' '))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        onBlur={() => {
          const t = title.trim();
          if (t && t !== task.title) save({ title: t });
          else setTitle(task.title);
        }}
        error={fieldError('title')}
      />

      <div className={classes.fields}>
        <Select
          className={classes.wide}
          label="Project"
          data={projectOptions}
          value={task.projectId}
          allowDeselect={false}
          disabled={task.parentId !== null}
          description={task.parentId !== null ? 'Subtasks live in their parent’s project' : undefined}
          onChange={(v) => v && v !== task.projectId && save({ projectId: v })}
          comboboxProps={{ withinPortal: true }}
          error={fieldError('projectId')}
        />
        <Select
          className={classes.wide}
          label="Priority"
          leftSection={<IconFlag3 size={15} />}
          data={PRIORITY_OPTIONS}
          value={String(task.priority)}
          allowDeselect={false}
          onChange={(v) => v && save({ priority: Number(v) })}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Due date"
          type="date"
          leftSection={<IconCalendar size={15} />}
          value={dueDate}
          onChange={(e) => saveDue(e.currentTarget.value, dueTime)}
          error={fieldError('dueAt', 'dueDate')}
        />
        <TextInput
          label="Time"
          type="time"
          leftSection={<IconClock size={15} />}
          value={dueTime}
          disabled={!dueDate}
          description={dueDate ? undefined : 'Set a date first'}
          onChange={(e) => saveDue(dueDate, e.currentTarget.value)}
        />
        <TextInput
          label="Hide until"
          title="Hidden from Today and Upcoming until this day"
          type="date"
          leftSection={<IconEyeOff size={15} />}
          value={startDate}
          onChange={(e) => save({ startAt: e.currentTarget.value ? instantIn(e.currentTarget.value, '00:00', timeZone) : null })}
          error={fieldError('startAt')}
        />
        <NumberInput
          label="Estimate (minutes)"
          leftSection={<IconHourglass size={15} />}
          min={1}
          max={100000}
          allowDecimal={false}
          value={estimate}
          onChange={setEstimate}
          onBlur={() => {
            const value = estimate === '' ? null : Number(estimate);
            if (value !== task.estimateMinutes) save({ estimateMinutes: value });
          }}
          error={fieldError('estimateMinutes')}
        />
      </div>

      <TagsInput
        label="Labels"
        placeholder={task.labels.length ? undefined : 'Add labels (Enter to create)'}
        data={(labels.data ?? []).map((l) => l.name)}
        value={task.labels}
        onChange={(v) => save({ labels: v })}
        clearable
        comboboxProps={{ withinPortal: true }}
        error={fieldError('labels')}
      />

      <RecurrenceField
        key={task.recurrence ?? ''}
        task={task}
        anchorDate={dueDate || todayIn(timeZone)}
        error={fieldError('recurrence')}
        onSave={save}
      />

      <section aria-labelledby="notes-heading" className={classes.section}>
        <div className={classes.sectionHeading}>
          <Text size="sm" fw={600} id="notes-heading" component="h3" m={0}>
            Notes
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Notes view"
            value={notesMode}
            onChange={(v) => setNotesMode(v === 'preview' ? 'preview' : 'write')}
            data={[
              { value: 'write', label: 'Write' },
              { value: 'preview', label: 'Preview' },
            ]}
          />
        </div>
        {notesMode === 'write' ? (
          <Textarea
            aria-label="Notes (Markdown)"
            placeholder="Details, links, checklists… Markdown works: **bold**, _italic_, - lists, `code`, [links](https://…)"
            autosize
            minRows={4}
            maxRows={16}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            onBlur={() => notes !== task.notes && save({ notes })}
            error={fieldError('notes')}
          />
        ) : notes.trim() ? (
          <div className={classes.preview} onDoubleClick={() => setNotesMode('write')}>
            <Markdown source={notes} />
          </div>
        ) : (
          <Text size="sm" c="dimmed" className={classes.preview}>
            No notes.
          </Text>
        )}
      </section>

      <Subtasks task={task} />

      <div className={classes.footer}>
        <Text size="xs" c="dimmed">
          Created <DateText iso={task.createdAt} style="relative" />
          {task.completedAt && (
            <>
              {' · '}done <DateText iso={task.completedAt} style="relative" />
            </>
          )}
          {' · '}
          <Anchor component={Link} to={tasksPaths.project(task.projectId)} size="xs">
            Open project
          </Anchor>
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconTrash size={15} />}
            onClick={() => {
              actions.remove.mutate(task);
              onDeleted();
            }}
          >
            Delete
          </Button>
          <Button
            size="xs"
            variant={done ? 'default' : 'filled'}
            leftSection={done ? <IconRotate size={15} /> : <IconCheck size={15} />}
            onClick={() => (done ? actions.reopen.mutate(task) : actions.complete.mutate(task))}
          >
            {done ? 'Reopen' : 'Complete'}
          </Button>
        </Group>
      </div>
    </div>
  );
}
