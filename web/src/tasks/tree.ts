import type { Task } from '@atom/contracts';

export interface Row {
  task: Task;
  depth: number;
  childCount: number;
}

/**
 * Tasks as an indented outline: each task followed by its subtasks (in list order), unless
 * it is collapsed. A subtask whose parent is not in the list shows at the top level.
 */
export function outline(tasks: Task[], collapsed: ReadonlySet<string>): Row[] {
  const present = new Set(tasks.map((t) => t.id));
  const children = new Map<string, Task[]>();
  const roots: Task[] = [];
  for (const t of tasks) {
    if (t.parentId !== null && present.has(t.parentId)) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
    else roots.push(t);
  }
  const rows: Row[] = [];
  const walk = (task: Task, depth: number) => {
    const kids = children.get(task.id) ?? [];
    rows.push({ task, depth, childCount: kids.length });
    if (collapsed.has(task.id) || depth > 10) return;
    for (const kid of kids) walk(kid, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return rows;
}

export function flat(tasks: Task[]): Row[] {
  return tasks.map((task) => ({ task, depth: 0, childCount: 0 }));
}
