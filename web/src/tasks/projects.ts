import type { Project } from '@atom/contracts';

export interface ProjectNode {
  project: Project;
  depth: number;
}

/** Projects in sidebar order: the Inbox aside, each project followed by its sub-projects. */
export function projectTree(projects: Project[], archived = false): ProjectNode[] {
  const visible = projects.filter((p) => !p.isInbox && p.archived === archived);
  const ids = new Set(visible.map((p) => p.id));
  const children = new Map<string | null, Project[]>();
  for (const p of visible) {
    const parent = p.parentId !== null && ids.has(p.parentId) ? p.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const out: ProjectNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const project of children.get(parent) ?? []) {
      out.push({ project, depth });
      if (depth < 8) walk(project.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function projectMap(projects: Project[] | undefined): Map<string, Project> {
  return new Map((projects ?? []).map((p) => [p.id, p]));
}
