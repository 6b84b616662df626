import type { Column, Project, Task } from '@atom/contracts';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ActionIcon, Menu, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCircleCheck, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useProjectMutations } from '../projects-api';
import { refreshTasks, tasksApi } from '../tasks-api';
import { useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../app/notify';
import { BoardCard } from './BoardCard';
import { columnDropId } from './layout';
import classes from './board.module.css';

interface Props {
  project: Project;
  column: Column;
  index: number;
  ids: string[];
  tasks: Map<string, Task>;
  today: string;
  timeZone: string;
  onOpen: (id: string) => void;
}

function InlineName({ initial, label, onSave, onCancel }: { initial: string; label: string; onSave: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
      className={classes.inlineForm}
    >
      <TextInput
        size="xs"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        aria-label={label}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
        onBlur={() => (name.trim() && name.trim() !== initial ? onSave(name.trim()) : onCancel())}
      />
    </form>
  );
}

function AddCard({ project, column }: { project: Project; column: Column }) {
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const add = () => {
    const t = title.trim();
    if (!t) return;
    setTitle('');
    tasksApi
      .create({ title: t, projectId: project.id, columnId: column.id })
      .then(() => refreshTasks(client))
      .catch((e: unknown) => notifyError(e, 'Could not add the card'));
  };
  if (!adding) {
    return (
      <UnstyledButton className={classes.addCard} onClick={() => setAdding(true)}>
        <IconPlus size={14} aria-hidden /> Add card
      </UnstyledButton>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <TextInput
        size="xs"
        placeholder="Card title, then Enter"
        aria-label={`New card in ${column.name}`}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') setAdding(false);
        }}
        onBlur={() => {
          if (!title.trim()) setAdding(false);
        }}
      />
    </form>
  );
}

export function BoardColumn({ project, column, index, ids, tasks, today, timeZone, onOpen }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.id) });
  const { updateColumn, removeColumn } = useProjectMutations();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const headingId = `column-${column.id}`;
  const columns = project.columns;
  const canDelete = columns.length > 1;
  const update = (input: { name?: string; done?: boolean; after?: string | null }) =>
    updateColumn.mutate({ projectId: project.id, columnId: column.id, input });

  return (
    <section className={classes.column} aria-labelledby={headingId} data-testid="board-column" data-column-id={column.id}>
      <header className={classes.columnHeader}>
        {renaming ? (
          <InlineName
            initial={column.name}
            label="Column name"
            onCancel={() => setRenaming(false)}
            onSave={(name) => {
              setRenaming(false);
              if (name !== column.name) update({ name });
            }}
          />
        ) : (
          <h2 id={headingId} className={classes.columnTitle}>
            {column.done && (
              <Tooltip label="Cards moved here are completed">
                <IconCircleCheck size={15} stroke={2} className={classes.doneIcon} aria-hidden />
              </Tooltip>
            )}
            <span className={classes.columnName}>{column.name}</span>
            <span className={classes.columnCount}>{ids.length}</span>
            {column.done && <VisuallyHidden>(cards moved here are completed)</VisuallyHidden>}
          </h2>
        )}
        <Menu position="bottom-end" withinPortal shadow="md" width={220} returnFocus={false}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Column actions for ${column.name}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setRenaming(true)}>
              Rename
            </Menu.Item>
            <Menu.Item leftSection={<IconCircleCheck size={15} />} onClick={() => update({ done: !column.done })}>
              {column.done ? 'Stop completing tasks here' : 'Mark as done column'}
            </Menu.Item>
            <Menu.Item leftSection={<IconArrowLeft size={15} />} disabled={index === 0} onClick={() => update({ after: index >= 2 ? columns[index - 2]!.id : null })}>
              Move left
            </Menu.Item>
            <Menu.Item leftSection={<IconArrowRight size={15} />} disabled={index === columns.length - 1} onClick={() => update({ after: columns[index + 1]?.id ?? null })}>
              Move right
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={15} />} disabled={!canDelete} onClick={() => setDeleting(true)}>
              Delete column
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </header>
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className={classes.cards} data-over={isOver || undefined}>
          {ids.map((id) => {
            const task = tasks.get(id);
            return task ? <BoardCard key={id} task={task} done={column.done || task.status === 'done'} today={today} timeZone={timeZone} onOpen={onOpen} /> : null;
          })}
          {ids.length === 0 && <div className={classes.emptyColumn}>Drop cards here</div>}
        </div>
      </SortableContext>
      {!column.done && <AddCard project={project} column={column} />}
      <ConfirmDialog
        opened={deleting}
        title={`Delete the column “${column.name}”?`}
        message="Its cards move to the first column; no task is deleted."
        confirmLabel="Delete column"
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          removeColumn.mutate({ projectId: project.id, columnId: column.id });
        }}
      />
    </section>
  );
}
