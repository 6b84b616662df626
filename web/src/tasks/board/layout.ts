import type { Project, Task } from '@atom/contracts';
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/** Task ids per column id, in board order. */
export type BoardLayout = Record<string, string[]>;

export const COLUMN_PREFIX = 'column:';
export const columnDropId = (columnId: string) => `${COLUMN_PREFIX}${columnId}`;

/** Open and done tasks of the project, by column, in rank order; strays go to the first column. */
export function layoutOf(project: Project, tasks: Task[]): BoardLayout {
  const layout: BoardLayout = {};
  for (const c of project.columns) layout[c.id] = [];
  const first = project.columns[0]?.id;
  const sorted = [...tasks].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));
  for (const t of sorted) {
    const column = t.columnId !== null && t.columnId in layout ? t.columnId : first;
    if (column !== undefined) layout[column]!.push(t.id);
  }
  return layout;
}

/** Which column holds an item (a task id, or a column's own drop id). */
export function columnOf(layout: BoardLayout, id: string): string | undefined {
  if (id.startsWith(COLUMN_PREFIX)) return id.slice(COLUMN_PREFIX.length);
  return Object.keys(layout).find((c) => layout[c]!.includes(id));
}

/** Where a task sits: its column and the task it follows (null at the top). */
export function placeOf(layout: BoardLayout, id: string): { column: string; after: string | null } | null {
  const column = columnOf(layout, id);
  if (column === undefined) return null;
  const items = layout[column]!;
  const i = items.indexOf(id);
  return { column, after: i > 0 ? items[i - 1]! : null };
}

/**
 * Keyboard moves: Left and Right jump to the top of the neighbouring column (dnd-kit's
 * sortable getter looks for the nearest item in that direction, which may be in the same
 * column); Up and Down move within the column as usual.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== 'ArrowLeft' && event.code !== 'ArrowRight') return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers } = args.context;
  if (!active || !collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .filter((c) => String(c.id).startsWith(COLUMN_PREFIX))
    .flatMap((c) => {
      const rect = droppableRects.get(c.id);
      return rect ? [rect] : [];
    })
    .sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const current = columns.findIndex((r) => centre >= r.left && centre <= r.left + r.width);
  const target = columns[(current < 0 ? 0 : current) + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top };
};

export function moveBetween(layout: BoardLayout, id: string, to: string, index: number): BoardLayout {
  const from = columnOf(layout, id);
  if (from === undefined) return layout;
  const next: BoardLayout = { ...layout, [from]: layout[from]!.filter((x) => x !== id) };
  const target = [...next[to]!];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, id);
  next[to] = target;
  return next;
}
