import type { Project } from '@atom/contracts';
import { ActionIcon, Badge, Menu, SegmentedControl, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import {
  IconArchive,
  IconArchiveOff,
  IconDots,
  IconInbox,
  IconLayoutKanban,
  IconList,
  IconListCheck,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Board } from '../board/Board';
import { tasksPaths } from '../paths';
import { ProjectDialog } from '../ProjectDialog';
import { useProjectMutations } from '../projects-api';
import { QuickAddBar } from '../QuickAddBar';
import { TaskList } from '../TaskList';
import { useProjects, useTaskList } from '../tasks-api';
import { Dot } from '../TasksNav';
import { EmptyState, TaskListSkeleton, ViewHeader } from '../ViewHeader';
import classes from '../tasks.module.css';

type Layout = 'list' | 'board';

function ProjectMenu({ project }: { project: Project }) {
  const navigate = useNavigate();
  const { update, remove } = useProjectMutations();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={200} withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Project actions for ${project.name}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit project
          </Menu.Item>
          {!project.isInbox && (
            <Menu.Item
              leftSection={project.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              onClick={() => update.mutate({ id: project.id, input: { archived: !project.archived } })}
            >
              {project.archived ? 'Unarchive' : 'Archive'}
            </Menu.Item>
          )}
          {!project.isInbox && (
            <>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                Delete project
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <ProjectDialog opened={editing} onClose={() => setEditing(false)} project={project} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete “${project.name}”?`}
        message={`Its ${project.openTaskCount} open task${project.openTaskCount === 1 ? '' : 's'} and all completed ones are deleted with it; sub-projects move up a level. This cannot be undone.`}
        confirmLabel="Delete project"
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(project.id, {
            onSuccess: () => {
              setDeleting(false);
              void navigate(tasksPaths.today);
            },
          })
        }
      />
    </>
  );
}

function ProjectList({ project }: { project: Project }) {
  const list = useTaskList({ projectId: project.id, status: 'open', sort: 'rank' });
  if (list.isPending) return <TaskListSkeleton />;
  if (list.tasks.length === 0) {
    return (
      <EmptyState
        icon={project.isInbox ? IconInbox : IconListCheck}
        title={project.isInbox ? 'Your Inbox is empty' : `No open tasks in ${project.name}`}
        example={project.isInbox ? 'Renew passport next month !2' : `Call the plumber friday #${project.name.replace(/\s+/g, '_')}`}
      >
        {project.isInbox
          ? 'Tasks without a project land here. Capture anything with Q from anywhere in Atom, sort it later.'
          : 'Add the first one in the bar above: dates, @labels and !priorities are understood as you type.'}
      </EmptyState>
    );
  }
  return <TaskList label={project.name} groups={[{ key: 'all', tasks: list.tasks }]} tree />;
}

export function ProjectView({ inbox = false }: { inbox?: boolean }) {
  const { projectId } = useParams();
  const projects = useProjects();
  const [params, setParams] = useSearchParams();
  const [remembered, setRemembered] = useLocalStorage<Layout>({ key: `atom.tasks.layout.${projectId ?? 'inbox'}`, defaultValue: 'list' });
  const project = inbox ? projects.data?.find((p) => p.isInbox) : projects.data?.find((p) => p.id === projectId);

  if (projects.isPending) return <TaskListSkeleton />;
  if (!project) return <Navigate to={tasksPaths.today} replace />;

  const fromUrl = params.get('layout');
  const layout: Layout = fromUrl === 'board' || fromUrl === 'list' ? fromUrl : remembered;
  const setLayout = (value: Layout) => {
    setRemembered(value);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('layout', value);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <ViewHeader
        title={project.name}
        lead={project.isInbox ? <IconInbox size={22} stroke={1.75} aria-hidden /> : <Dot color={project.color} size={12} />}
        count={project.openTaskCount}
        sub={
          project.archived ? (
            <Badge variant="light" color="gray" radius="sm">
              Archived
            </Badge>
          ) : undefined
        }
        actions={
          <>
            <SegmentedControl
              size="xs"
              value={layout}
              onChange={(v) => setLayout(v === 'board' ? 'board' : 'list')}
              aria-label="Layout"
              data={[
                {
                  value: 'list',
                  label: (
                    <span className={classes.segment}>
                      <IconList size={15} aria-hidden /> <Text span size="xs">List</Text>
                    </span>
                  ),
                },
                {
                  value: 'board',
                  label: (
                    <span className={classes.segment}>
                      <IconLayoutKanban size={15} aria-hidden /> <Text span size="xs">Board</Text>
                    </span>
                  ),
                },
              ]}
            />
            <ProjectMenu project={project} />
          </>
        }
      />
      <QuickAddBar projectId={project.id} accepts={(t) => t.projectId === project.id} />
      {layout === 'board' ? <Board project={project} /> : <ProjectList project={project} />}
    </>
  );
}

/** A fresh view per project, so selection and focus do not leak from one project to the next. */
export function ProjectRoute() {
  const { projectId } = useParams();
  return <ProjectView key={projectId} />;
}

export function InboxRoute() {
  return <ProjectView inbox />;
}
