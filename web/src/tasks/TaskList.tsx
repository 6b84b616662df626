import type { Task } from '@atom/contracts';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useUser } from '../app/auth';
import { useTaskActions } from './actions';
import { BulkBar } from './BulkBar';
import { useOpenTask } from './paths';
import { projectMap } from './projects';
import { TaskRow } from './TaskRow';
import { useProjects } from './tasks-api';
import { flat, outline, type Row } from './tree';
import { todayIn } from '../ui/zoned';
import classes from './tasks.module.css';

export interface TaskGroup {
  key: string;
  title?: ReactNode;
  /** A second, quieter part of the heading (e.g. the date after "Today"). */
  sub?: ReactNode;
  tone?: 'overdue';
  tasks: Task[];
  /** Shown in place of rows when the group is empty; an empty group without it is a one-line heading. */
  empty?: ReactNode;
}

interface Props {
  /** Names the list for screen readers ("Today", "Home"). */
  label: string;
  groups: TaskGroup[];
  /** Subtasks indented under their parents, collapsible. */
  tree?: boolean;
  showProject?: boolean;
  footer?: ReactNode;
}

/** Keys typed into a field, or while a dialog (the detail drawer, a menu) has focus, are not list shortcuts. */
function listHasKeyboard(): boolean {
  const active = document.activeElement;
  return !active?.closest('[role="dialog"], [role="menu"], [role="listbox"]');
}

/**
 * A keyboard-driven task list: j/k move, Enter opens, x selects, e (or Space) completes,
 * Delete deletes; shift-click selects a range, Ctrl/Cmd-click one more. A bulk bar acts on
 * the selection.
 */
export function TaskList({ label, groups, tree = false, showProject = false, footer }: Props) {
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const projects = useProjects();
  const byId = useMemo(() => projectMap(projects.data), [projects.data]);
  const actions = useTaskActions();
  const { open, openId } = useOpenTask();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<{ id: string; index: number } | null>(null);
  const anchor = useRef<string | null>(null);
  const keyboardUsed = useRef(false);
  const rowEls = useRef(new Map<string, HTMLDivElement>());

  const rowsByGroup = useMemo(
    () => groups.map((g) => ({ group: g, rows: tree ? outline(g.tasks, collapsed) : flat(g.tasks) })),
    [groups, tree, collapsed],
  );
  const order = useMemo(() => rowsByGroup.flatMap(({ rows }) => rows.map((r) => r.task)), [rowsByGroup]);
  const index = useMemo(() => new Map(order.map((t, i) => [t.id, i])), [order]);
  const selectedTasks = useMemo(() => order.filter((t) => selected.has(t.id)), [order, selected]);
  // When the focused task leaves the list (completed, deleted), the one now in its place has the focus.
  const focusedId = focus ? (index.has(focus.id) ? focus.id : (order[Math.min(focus.index, order.length - 1)]?.id ?? null)) : null;
  const focusedIndex = focusedId !== null ? index.get(focusedId) : undefined;

  useEffect(() => {
    if (focusedId === null || !keyboardUsed.current) return;
    const active = document.activeElement;
    if (active === null || active === document.body) rowEls.current.get(focusedId)?.focus({ preventScroll: true });
  }, [focusedId]);

  const rowRef = useCallback((id: string, el: HTMLDivElement | null) => {
    if (el) rowEls.current.set(id, el);
    else rowEls.current.delete(id);
  }, []);

  const focusAt = (i: number) => {
    const at = Math.max(0, Math.min(order.length - 1, i));
    const task = order[at];
    if (!task) return;
    keyboardUsed.current = true;
    setFocus({ id: task.id, index: at });
    const el = rowEls.current.get(task.id);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  };
  const move = (delta: number) => focusAt(focusedIndex === undefined ? (delta > 0 ? 0 : order.length - 1) : focusedIndex + delta);

  const toggleSelect = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const toggleDone = useCallback(
    (task: Task) => {
      if (task.status === 'done') actions.reopen.mutate(task);
      else actions.complete.mutate(task);
    },
    [actions.reopen, actions.complete],
  );

  const focusedTask = focusedIndex !== undefined ? order[focusedIndex] : undefined;
  const onShortcut = (key: 'j' | 'k' | 'x' | 'e' | 'Delete' | 'Escape') => {
    if (openId !== null || !listHasKeyboard()) return;
    switch (key) {
      case 'j':
        return move(1);
      case 'k':
        return move(-1);
      case 'x':
        if (focusedTask) toggleSelect(focusedTask.id);
        return;
      case 'e':
        if (selectedTasks.length > 0) {
          actions.bulkComplete.mutate(selectedTasks);
          setSelected(new Set());
        } else if (focusedTask) toggleDone(focusedTask);
        return;
      case 'Delete':
        if (selectedTasks.length > 0) {
          actions.bulkDelete.mutate(selectedTasks);
          setSelected(new Set());
        } else if (focusedTask) actions.remove.mutate(focusedTask);
        return;
      case 'Escape':
        setSelected(new Set());
    }
  };
  useHotkeys([
    ['j', () => onShortcut('j')],
    ['k', () => onShortcut('k')],
    ['x', () => onShortcut('x')],
    ['e', () => onShortcut('e')],
    ['Delete', () => onShortcut('Delete')],
    ['Escape', () => onShortcut('Escape')],
  ]);

  const onRowClick = useCallback(
    (task: Task, event: MouseEvent) => {
      setFocus({ id: task.id, index: index.get(task.id) ?? 0 });
      if (event.shiftKey && anchor.current !== null) {
        const a = index.get(anchor.current);
        const b = index.get(task.id);
        if (a !== undefined && b !== undefined) {
          const [from, to] = a < b ? [a, b] : [b, a];
          setSelected((prev) => new Set([...prev, ...order.slice(from, to + 1).map((t) => t.id)]));
          window.getSelection()?.removeAllRanges();
          return;
        }
      }
      anchor.current = task.id;
      if (event.metaKey || event.ctrlKey || event.shiftKey) {
        toggleSelect(task.id);
        return;
      }
      open(task.id);
    },
    [index, order, open],
  );

  const onRowKey = useCallback(
    (task: Task, event: KeyboardEvent) => {
      if (event.target !== event.currentTarget) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        open(task.id);
      } else if (event.key === ' ') {
        event.preventDefault();
        toggleDone(task);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const i = index.get(task.id) ?? 0;
        focusAt(i + (event.key === 'ArrowDown' ? 1 : -1));
      }
    },
    // focusAt reads the latest order through index.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, open, toggleDone],
  );

  const onFocusRow = useCallback((id: string) => setFocus({ id, index: index.get(id) ?? 0 }), [index]);
  const onToggleCollapse = useCallback(
    (id: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const tabbableId = focusedId ?? order[0]?.id ?? null;
  const gutter = tree && rowsByGroup.some(({ rows }) => rows.some((r) => r.childCount > 0));
  const renderRow = (r: Row) => (
    <TaskRow
      key={r.task.id}
      task={r.task}
      depth={r.depth}
      childCount={r.childCount}
      collapsed={collapsed.has(r.task.id)}
      gutter={gutter}
      focused={r.task.id === focusedId}
      selected={selected.has(r.task.id)}
      tabbable={r.task.id === tabbableId}
      project={showProject ? byId.get(r.task.projectId) : undefined}
      today={today}
      timeZone={timeZone}
      onToggleCollapse={onToggleCollapse}
      onToggleDone={toggleDone}
      onRowClick={onRowClick}
      onRowKey={onRowKey}
      onFocusRow={onFocusRow}
      rowRef={rowRef}
    />
  );

  return (
    <div className={classes.list}>
      {rowsByGroup.map(({ group, rows }) => {
        const headingId = `group-${group.key}`;
        const compact = rows.length === 0 && !group.empty;
        return (
          <section key={group.key} aria-labelledby={group.title ? headingId : undefined} className={classes.group} data-compact={compact || undefined}>
            {group.title && (
              <h2 id={headingId} className={classes.groupHeading} data-tone={group.tone}>
                <span>{group.title}</span>
                {group.sub && <span className={classes.groupSub}>{group.sub}</span>}
                {rows.length > 0 && <span className={classes.groupCount}>{rows.length}</span>}
              </h2>
            )}
            {rows.length > 0 ? (
              <div role="list" aria-label={typeof group.title === 'string' ? `${label}: ${group.title}` : label}>
                {rows.map(renderRow)}
              </div>
            ) : (
              group.empty
            )}
          </section>
        );
      })}
      {footer}
      <BulkBar tasks={selectedTasks} actions={actions} onDone={() => setSelected(new Set())} />
    </div>
  );
}
