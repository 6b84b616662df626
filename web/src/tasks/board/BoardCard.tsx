import type { Task } from '@atom/contracts';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import { IconCheck, IconFlag3Filled, IconListCheck, IconRepeat } from '@tabler/icons-react';
import { formatDue } from '../due';
import { PRIORITY_NAMES } from '../TaskRow';
import classes from './board.module.css';
import rowClasses from '../task-row.module.css';

interface CardProps {
  task: Task;
  done: boolean;
  today: string;
  timeZone: string;
}

/** What a card shows; also drawn in the drag overlay. */
export function CardBody({ task, done, today, timeZone }: CardProps) {
  const due = formatDue(task, timeZone, today);
  return (
    <>
      <div className={classes.cardTitle}>
        {done && <IconCheck size={14} stroke={2.5} className={classes.doneIcon} aria-label="Done" />}
        <span>{task.title}</span>
      </div>
      {(due || task.recurrence || task.subtasks.total > 0 || task.labels.length > 0 || task.priority < 4) && (
        <div className={classes.cardMeta}>
          {due && (
            <span className={rowClasses.due} data-tone={done ? undefined : due.tone} title={due.full}>
              {due.text}
            </span>
          )}
          {task.recurrence && <IconRepeat size={13} stroke={2} aria-label="Repeats" />}
          {task.subtasks.total > 0 && (
            <span className={classes.cardSubtasks} aria-label={`${task.subtasks.done} of ${task.subtasks.total} subtasks done`}>
              <IconListCheck size={13} stroke={2} aria-hidden />
              {task.subtasks.done}/{task.subtasks.total}
            </span>
          )}
          {task.labels.map((l) => (
            <span key={l} className={rowClasses.label}>
              @{l}
            </span>
          ))}
          {task.priority < 4 && (
            <IconFlag3Filled size={13} className={rowClasses.flag} data-priority={task.priority} aria-label={PRIORITY_NAMES[task.priority]} />
          )}
        </div>
      )}
    </>
  );
}

export function BoardCard({ onOpen, ...props }: CardProps & { onOpen: (id: string) => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props.task.id });
  return (
    <div
      ref={setNodeRef}
      className={classes.card}
      data-testid="board-card"
      data-task-id={props.task.id}
      data-dragging={isDragging || undefined}
      data-done={props.done || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      onClick={() => onOpen(props.task.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !isDragging) {
          e.preventDefault();
          onOpen(props.task.id);
          return;
        }
        (listeners?.onKeyDown as ((event: KeyboardEvent<HTMLDivElement>) => void) | undefined)?.(e);
      }}
    >
      <CardBody {...props} />
    </div>
  );
}
