import { CreateProjectInput, type Project } from '@atom/contracts';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { ColourSwatches, SWATCH_COLOURS } from '../ui/ColourSwatches';
import { useFormErrors } from '../ui/use-form-errors';
import { tasksPaths } from './paths';
import { projectTree } from './projects';
import { useProjectMutations } from './projects-api';
import { useProjects } from './tasks-api';


const labels = { name: 'Name', color: 'Colour', parentId: 'Parent project' };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Edit this project; create a new one when absent. */
  project?: Project;
}

function Form({ project, onClose }: { project?: Project; onClose: () => void }) {
  const projects = useProjects();
  const navigate = useNavigate();
  const { create, update } = useProjectMutations();
  const [name, setName] = useState(project?.name ?? '');
  const [color, setColor] = useState(project?.color ?? SWATCH_COLOURS[0]!.value);
  const [parentId, setParentId] = useState<string | null>(project?.parentId ?? null);
  const errors = useFormErrors(labels);

  // A project cannot sit under itself or under one of its own sub-projects.
  const excluded = new Set<string>();
  if (project) {
    excluded.add(project.id);
    for (const { project: p } of projectTree(projects.data ?? [])) if (p.parentId && excluded.has(p.parentId)) excluded.add(p.id);
  }
  const parents = projectTree(projects.data ?? [])
    .filter(({ project: p }) => !excluded.has(p.id))
    .map(({ project: p, depth }) => ({ value: p.id, label: `${'— '.repeat(depth)}${p.name}` }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = errors.validate(CreateProjectInput, { name, color, parentId });
    if (!input) return;
    if (project) {
      update.mutate(
        { id: project.id, input: { name: input.name, color, parentId } },
        { onSuccess: onClose, onError: (e) => errors.handle(e) },
      );
    } else {
      create.mutate(input, {
        onSuccess: (created) => {
          onClose();
          void navigate(tasksPaths.project(created.id));
        },
        onError: (e) => errors.handle(e),
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={project ? 'Edit project' : 'New project'}>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Home"
          required
          data-autofocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            errors.clear('name');
          }}
          error={errors.fieldErrors.name}
        />
        <ColourSwatches label="Colour" value={color} onChange={setColor} />
        {!project?.isInbox && (
          <Select
            label="Parent project"
            placeholder="None (top level)"
            data={parents}
            value={parentId}
            onChange={setParentId}
            clearable
            comboboxProps={{ withinPortal: true }}
            error={errors.fieldErrors.parentId}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {project ? 'Save' : 'Create project'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProjectDialog({ opened, onClose, project }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={project ? 'Edit project' : 'New project'} centered size="sm" radius="lg">
      {/* Mounted per opening, so the fields start from the project each time. */}
      {opened && <Form project={project} onClose={onClose} />}
    </Modal>
  );
}
