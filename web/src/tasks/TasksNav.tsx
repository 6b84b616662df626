import { ActionIcon, NavLink, Text, Tooltip, type ComboboxItemGroup } from '@mantine/core';
import {
  IconCalendarDue,
  IconCalendarEvent,
  IconFilter,
  IconInbox,
  IconPlus,
  IconSearch,
  IconTag,
  type Icon,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ProjectDialog } from './ProjectDialog';
import { tasksPaths } from './paths';
import { projectTree } from './projects';
import { useFilters, useLabels, useProjects, useTaskList } from './tasks-api';
import classes from './tasks.module.css';
import { AreaPicker } from '../ui/AreaPicker';
import shell from '../ui/area-shell.module.css';

function Count({ n }: { n: number | undefined }) {
  if (!n) return null;
  return (
    <Text component="span" size="xs" c="dimmed" className={classes.navCount}>
      {n}
    </Text>
  );
}

function Item({ to, label, icon, count, depth = 0, active }: { to: string; label: string; icon: ReactNode; count?: number; depth?: number; active: boolean }) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={<Count n={count} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      className={shell.navItem}
      style={{ paddingInlineStart: 10 + depth * 16 }}
      classNames={{ label: shell.navLabel }}
    />
  );
}

const icon = (I: Icon) => <I size={17} stroke={1.75} className={shell.navIcon} />;

export function Dot({ color, size = 10 }: { color: string; size?: number }) {
  return <span className={classes.dot} style={{ background: color, width: size, height: size }} aria-hidden />;
}

/** The secondary navigation of the Tasks area: views, projects, labels, saved filters. */
export function TasksNav() {
  const { pathname } = useLocation();
  const projects = useProjects();
  const filters = useFilters();
  const today = useTaskList({ view: 'today', status: 'open' });
  const [creating, setCreating] = useState(false);
  const inbox = projects.data?.find((p) => p.isInbox);
  const is = (path: string) => pathname === path || pathname.startsWith(`${path}/`);

  return (
    <nav aria-label="Task lists" className={shell.nav}>
      <Item to={tasksPaths.today} label="Today" icon={icon(IconCalendarDue)} count={today.isSuccess ? today.tasks.length : undefined} active={is(tasksPaths.today)} />
      <Item to={tasksPaths.upcoming} label="Upcoming" icon={icon(IconCalendarEvent)} active={is(tasksPaths.upcoming)} />
      <Item
        to={tasksPaths.inbox}
        label="Inbox"
        icon={icon(IconInbox)}
        count={inbox?.openTaskCount}
        active={is(tasksPaths.inbox) || (inbox !== undefined && is(tasksPaths.project(inbox.id)))}
      />
      <Item to={tasksPaths.search} label="Search and filter" icon={icon(IconSearch)} active={is(tasksPaths.search)} />
      <Item to={tasksPaths.labels} label="Labels" icon={icon(IconTag)} active={is(tasksPaths.labels)} />

      <div className={shell.navHeading}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" id="projects-heading">
          Projects
        </Text>
        <Tooltip label="New project">
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => setCreating(true)} aria-label="New project">
            <IconPlus size={15} />
          </ActionIcon>
        </Tooltip>
      </div>
      <div role="group" aria-labelledby="projects-heading">
        {projectTree(projects.data ?? []).map(({ project, depth }) => (
          <Item
            key={project.id}
            to={tasksPaths.project(project.id)}
            label={project.name}
            icon={<Dot color={project.color} />}
            count={project.openTaskCount}
            depth={depth}
            active={is(tasksPaths.project(project.id))}
          />
        ))}
        {projects.isSuccess && projectTree(projects.data).length === 0 && (
          <Text size="xs" c="dimmed" px={10} py={4}>
            No projects yet.
          </Text>
        )}
      </div>

      {(filters.data?.length ?? 0) > 0 && (
        <>
          <div className={shell.navHeading}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" id="filters-heading">
              Saved filters
            </Text>
          </div>
          <div role="group" aria-labelledby="filters-heading">
            {filters.data?.map((f) => (
              <Item key={f.id} to={tasksPaths.filter(f.id)} label={f.name} icon={icon(IconFilter)} active={is(tasksPaths.filter(f.id))} />
            ))}
          </div>
        </>
      )}

      {projectTree(projects.data ?? [], true).length > 0 && (
        <>
          <div className={shell.navHeading}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" id="archived-heading">
              Archived
            </Text>
          </div>
          <div role="group" aria-labelledby="archived-heading">
            {projectTree(projects.data ?? [], true).map(({ project, depth }) => (
              <Item
                key={project.id}
                to={tasksPaths.project(project.id)}
                label={project.name}
                icon={<Dot color={project.color} />}
                depth={depth}
                active={is(tasksPaths.project(project.id))}
              />
            ))}
          </div>
        </>
      )}
      <ProjectDialog opened={creating} onClose={() => setCreating(false)} />
    </nav>
  );
}

/** On a phone the same lists as one select above the view. */
export function TasksPicker() {
  const { pathname } = useLocation();
  const projects = useProjects();
  const filters = useFilters();
  const labels = useLabels();
  const inbox = projects.data?.find((p) => p.isInbox);

  const data: ComboboxItemGroup[] = [
    {
      group: 'Views',
      items: [
        { value: tasksPaths.today, label: 'Today' },
        { value: tasksPaths.upcoming, label: 'Upcoming' },
        { value: tasksPaths.inbox, label: 'Inbox' },
        { value: tasksPaths.search, label: 'Search and filter' },
        { value: tasksPaths.labels, label: 'Labels' },
      ],
    },
    {
      group: 'Projects',
      items: projectTree(projects.data ?? []).map(({ project, depth }) => ({
        value: tasksPaths.project(project.id),
        label: `${'  '.repeat(depth)}${project.name}`,
      })),
    },
    { group: 'Labels', items: (labels.data ?? []).map((l) => ({ value: tasksPaths.label(l.name), label: `@${l.name}` })) },
    { group: 'Saved filters', items: (filters.data ?? []).map((f) => ({ value: tasksPaths.filter(f.id), label: f.name })) },
  ].filter((g) => g.items.length > 0);

  const all = data.flatMap((g) => g.items.map((i) => (typeof i === "string" ? i : i.value)));
  const value =
    (inbox && pathname.startsWith(tasksPaths.project(inbox.id)) ? tasksPaths.inbox : null) ??
    all.find((v) => pathname === v || pathname.startsWith(`${v}/`)) ??
    null;

  return (
    <AreaPicker label="Task list" data={data} value={value} newLabel="New project" dialog={(opened, onClose) => <ProjectDialog opened={opened} onClose={onClose} />} />
  );
}
