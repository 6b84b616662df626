import type { Project, Task } from '@atom/contracts';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { Button, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { notifyError, notifySuccess } from '../../app/notify';
import { formatDueLong } from '../due';
import { useUser } from '../../app/auth';
import { useOpenTask } from '../paths';
import { useProjectMutations } from '../projects-api';
import { refreshTasks, tasksApi, useTaskList } from '../tasks-api';
import { TaskListSkeleton } from '../ViewHeader';
import { todayIn } from '../../ui/zoned';
import { CardBody } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { boardKeyboardCoordinates, columnDropId, columnOf, layoutOf, moveBetween, placeOf, type BoardLayout } from './layout';
import classes from './board.module.css';

function AddColumn({ project }: { project: Project }) {
  const { addColumn } = useProjectMutations();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  if (!adding) {
    return (
      <Button variant="subtle" color="gray" leftSection={<IconPlus size={16} />} className={classes.addColumn} onClick={() => setAdding(true)}>
        Add column
      </Button>
    );
  }
  // New columns go before the first "done" column, so Done stays last.
  const firstDone = project.columns.findIndex((c) => c.done);
  const after = firstDone > 0 ? project.columns[firstDone - 1]!.id : firstDone === 0 ? null : (project.columns.at(-1)?.id ?? null);
  return (
    <form
      className={classes.addColumnForm}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        addColumn.mutate({ projectId: project.id, input: { name: name.trim(), after } });
        setName('');
        setAdding(false);
      }}
    >
      <TextInput
        size="sm"
        placeholder="Column name, then Enter"
        aria-label="New column name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') setAdding(false);
        }}
        onBlur={() => {
          if (!name.trim()) setAdding(false);
        }}
      />
    </form>
  );
}

/**
 * The kanban board: a project's columns with their top-level tasks. Cards move by mouse,
 * touch (press and hold) or keyboard (Space, arrows, Space). A drop shows at once and is
 * sent as POST /tasks/:id/move {column, after}; if the server refuses, the card goes back.
 */
export function Board({ project }: { project: Project }) {
  const client = useQueryClient();
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const { open } = useOpenTask();
  const openList = useTaskList({ projectId: project.id, status: 'open', topLevel: 'true', sort: 'rank' });
  const doneList = useTaskList({ projectId: project.id, status: 'done', topLevel: 'true', sort: 'rank' });
  const tasks = useMemo(() => [...openList.tasks, ...doneList.tasks], [openList.tasks, doneList.tasks]);
  const byId = useMemo(() => new Map<string, Task>(tasks.map((t) => [t.id, t])), [tasks]);
  const base = useMemo(() => layoutOf(project, tasks), [project, tasks]);

  const [drag, setDrag] = useState<BoardLayout | null>(null);
  const [pending, setPending] = useState<BoardLayout | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const inFlight = useRef(0);
  const justDropped = useRef(false);
  const layout = drag ?? pending ?? base;

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  const columnName = (id: string | undefined) => project.columns.find((c) => c.id === id)?.name ?? 'a column';
  const title = (id: string | number) => byId.get(String(id))?.title ?? 'The card';
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${title(active.id)}”. Arrow keys move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active }) => {
      const place = placeOf(drag ?? layout, String(active.id));
      return place ? `“${title(active.id)}” is in ${columnName(place.column)}, position ${(drag ?? layout)[place.column]!.indexOf(String(active.id)) + 1}.` : undefined;
    },
    onDragEnd: ({ active }) => {
      const place = placeOf(drag ?? layout, String(active.id));
      return `Dropped “${title(active.id)}”${place ? ` in ${columnName(place.column)}` : ''}.`;
    },
    onDragCancel: ({ active }) => `Cancelled. “${title(active.id)}” is back where it was.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    setDrag(layout);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const id = String(active.id);
    setDrag((current) => {
      const now = current ?? layout;
      const from = columnOf(now, id);
      const to = columnOf(now, String(over.id));
      if (from === undefined || to === undefined || from === to) return now;
      const target = now[to]!;
      const overIndex = target.indexOf(String(over.id));
      const translated = active.rect.current.translated;
      const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
      // Over a column itself: its top when arriving at its top edge (keyboard), else its end.
      const atTop = translated !== null && translated.top <= over.rect.top + 8;
      const index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : over.id === columnDropId(to) && atTop ? 0 : target.length;
      return moveBetween(now, id, to, index);
    });
  };

  const commit = (id: string, final: BoardLayout) => {
    const before = placeOf(base, id);
    const after = placeOf(final, id);
    if (!after || (before && before.column === after.column && before.after === after.after)) return;
    setPending(final);
    inFlight.current += 1;
    const settle = () => {
      inFlight.current -= 1;
      if (inFlight.current === 0) setPending(null);
    };
    tasksApi
      .move(id, { column: after.column, after: after.after })
      .then((moved) => {
        // A drop into a done column completes; a recurring task says when it comes back.
        if (moved.next) notifySuccess(`Next: ${formatDueLong(moved.next, timeZone)}`, `Completed “${moved.title}”`);
        return refreshTasks(client).then(settle);
      })
      .catch((error: unknown) => {
        settle();
        notifyError(error, 'Could not move the card');
        void refreshTasks(client);
      });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    let final = drag ?? layout;
    const column = columnOf(final, id);
    if (over && column !== undefined) {
      const items = final[column]!;
      const from = items.indexOf(id);
      const to = items.indexOf(String(over.id));
      if (to >= 0 && from !== to) final = { ...final, [column]: arrayMove(items, from, to) };
    }
    setDrag(null);
    setActiveId(null);
    justDropped.current = true;
    setTimeout(() => (justDropped.current = false), 0);
    commit(id, final);
  };

  const onDragCancel = () => {
    setDrag(null);
    setActiveId(null);
  };

  if (openList.isPending || doneList.isPending) return <TaskListSkeleton rows={4} />;

  const active = activeId ? byId.get(activeId) : undefined;
  const activeDone = active ? project.columns.find((c) => c.id === columnOf(layout, active.id))?.done === true || active.status === 'done' : false;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'To move a card, press Space to pick it up, use the arrow keys to move it between and within columns, and press Space again to drop it. Press Enter to open it.',
        },
      }}
    >
      <div className={classes.board} data-testid="board">
        {project.columns.map((column, index) => (
          <BoardColumn
            key={column.id}
            project={project}
            column={column}
            index={index}
            ids={layout[column.id] ?? []}
            tasks={byId}
            today={today}
            timeZone={timeZone}
            onOpen={(taskId) => {
              if (!justDropped.current) open(taskId);
            }}
          />
        ))}
        <AddColumn project={project} />
      </div>
      <DragOverlay dropAnimation={{ duration: 160, easing: 'ease-out' }}>
        {active ? (
          <div className={classes.card} data-overlay>
            <CardBody task={active} done={activeDone} today={today} timeZone={timeZone} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
