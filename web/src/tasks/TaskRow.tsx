import type { Project, Task } from '@atom/contracts';
import { Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconFlag3Filled, IconListCheck, IconNotes, IconRepeat } from '@tabler/icons-react';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { formatDue } from './due';
import { Dot } from './TasksNav';
import classes from './task-row.module.css';

export const PRIORITY_NAMES: Record<number, string> = { 1: 'Priority 1', 2: 'Priority 2', 3: 'Priority 3', 4: 'No priority' };

interface Props {
  task: Task;
  depth: number;
  /** Tree mode: whether it has children here, and whether they are hidden. */
  childCount: number;
  collapsed: boolean;
  /** Reserve the expand/collapse column (the list has subtasks somewhere). */
  gutter: boolean;
  focused: boolean;
  selected: boolean;
  tabbable: boolean;
  project: Project | undefined;
  today: string;
  timeZone: string;
  onToggleCollapse: (id: string) => void;
  onToggleDone: (task: Task) => void;
  onRowClick: (task: Task, event: MouseEvent) => void;
  onRowKey: (task: Task, event: KeyboardEvent) => void;
  onFocusRow: (id: string) => void;
  rowRef: (id: string, el: HTMLDivElement | null) => void;
}

/** A round checkbox in the priority's colour: Todoist's idiom, quick to read. */
export function CheckCircle({ task, onToggle, tabIndex }: { task: Task; onToggle: () => void; tabIndex?: number }) {
  const done = task.status === 'done';
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={done}
      aria-label={`${done ? 'Reopen' : 'Complete'} “${task.title}”`}
      className={classes.check}
      data-priority={task.priority}
      data-done={done || undefined}
      tabIndex={tabIndex}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <svg viewBox="0 0 16 16" aria-hidden className={classes.checkMark}>
        <path d="M4 8.4l2.6 2.6L12 5.6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}

export const TaskRow = memo(function TaskRow(props: Props) {
  const { task, depth, childCount, collapsed, gutter, focused, selected, tabbable, project, today, timeZone } = props;
  const due = formatDue(task, timeZone, today);
  const done = task.status === 'done';
  return (
    <div
      ref={(el) => props.rowRef(task.id, el)}
      className={classes.row}
      data-testid="task-row"
      data-task-id={task.id}
      data-selected={selected || undefined}
      data-focused={focused || undefined}
      data-done={done || undefined}
      role="listitem"
      tabIndex={tabbable ? 0 : -1}
      style={{ paddingInlineStart: (gutter ? 4 : 10) + depth * 28 }}
      aria-label={`${task.title}${selected ? ', selected' : ''}${done ? ', completed' : ''}`}
      aria-describedby={`meta-${task.id}`}
      onClick={(e) => props.onRowClick(task, e)}
      onKeyDown={(e) => props.onRowKey(task, e)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocusRow(task.id);
      }}
    >
      {childCount > 0 ? (
        <UnstyledButton
          className={classes.collapse}
          data-collapsed={collapsed || undefined}
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Show' : 'Hide'} subtasks of “${task.title}”`}
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggleCollapse(task.id);
          }}
        >
          <IconChevronRight size={14} stroke={2} />
        </UnstyledButton>
      ) : gutter ? (
        <span className={classes.collapseSpacer} />
      ) : null}
      <CheckCircle task={task} onToggle={() => props.onToggleDone(task)} tabIndex={-1} />
      <div className={classes.body}>
        <div className={classes.title}>{task.title}</div>
        <div className={classes.meta} id={`meta-${task.id}`}>
          {due && (
            <Tooltip label={due.full}>
              <span className={classes.due} data-tone={due.tone}>
                {due.tone === 'overdue' && <span className={classes.srOnly}>Overdue, </span>}
                {due.text}
              </span>
            </Tooltip>
          )}
          {task.recurrence && (
            <span className={classes.metaIcon} title="Repeats">
              <IconRepeat size={13} stroke={2} aria-label="Repeats" />
            </span>
          )}
          {task.subtasks.total > 0 && (
            <span className={classes.metaItem} aria-label={`${task.subtasks.done} of ${task.subtasks.total} subtasks done`}>
              <IconListCheck size={13} stroke={2} aria-hidden />
              {task.subtasks.done}/{task.subtasks.total}
            </span>
          )}
          {task.notes.trim() && (
            <span className={classes.metaIcon}>
              <IconNotes size={13} stroke={2} aria-label="Has notes" />
            </span>
          )}
          {task.labels.map((l) => (
            <span key={l} className={classes.label}>
              @{l}
            </span>
          ))}
          {project && (
            <span className={classes.project}>
              <Dot color={project.color} size={8} />
              {project.name}
            </span>
          )}
        </div>
      </div>
      {task.priority < 4 && (
        <IconFlag3Filled size={14} className={classes.flag} data-priority={task.priority} aria-label={PRIORITY_NAMES[task.priority]} />
      )}
    </div>
  );
});
