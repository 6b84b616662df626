import type { Task } from '@atom/contracts';
import { ActionIcon, Button, Combobox, Group, Menu, Text, Tooltip, useCombobox } from '@mantine/core';
import { IconCheck, IconFolderShare, IconTag, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskActions } from './actions';
import { projectTree } from './projects';
import { useLabels, useProjects } from './tasks-api';
import { Dot } from './TasksNav';
import classes from './tasks.module.css';

function LabelPicker({ onPick }: { onPick: (label: string) => void }) {
  const labels = useLabels();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const names = (labels.data ?? []).map((l) => l.name);
  const matching = names.filter((n) => n.toLowerCase().includes(search.trim().toLowerCase()));
  const exact = names.some((n) => n.toLowerCase() === search.trim().toLowerCase());
  const pick = (value: string) => {
    combobox.closeDropdown();
    setSearch('');
    onPick(value);
  };
  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal position="top" width={220}>
      <Combobox.Target withAriaAttributes={false}>
        <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconTag size={15} />} onClick={() => combobox.toggleDropdown()}>
          Label…
        </Button>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search value={search} onChange={(e) => setSearch(e.currentTarget.value)} placeholder="Find or create a label" aria-label="Label name" />
        <Combobox.Options mah={220} style={{ overflowY: 'auto' }}>
          {matching.map((n) => (
            <Combobox.Option value={n} key={n}>
              @{n}
            </Combobox.Option>
          ))}
          {search.trim() && !exact && <Combobox.Option value={search.trim()}>+ Create “{search.trim()}”</Combobox.Option>}
          {matching.length === 0 && !search.trim() && <Combobox.Empty>Type a name to create a label</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** What to do with the selected tasks: complete, move, label or delete them (each undoable). */
export function BulkBar({ tasks, actions, onDone }: { tasks: Task[]; actions: TaskActions; onDone: () => void }) {
  const projects = useProjects();
  if (tasks.length === 0) return null;
  return (
    <div className={classes.bulkBar} role="toolbar" aria-label="Selected tasks">
      <Text size="sm" fw={600} className={classes.bulkCount}>
        {tasks.length} selected
      </Text>
      <Group gap={4} wrap="wrap">
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconCheck size={15} />}
          onClick={() => {
            actions.bulkComplete.mutate(tasks);
            onDone();
          }}
        >
          Complete
        </Button>
        <Menu position="top" withinPortal shadow="md" width={220}>
          <Menu.Target>
            <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconFolderShare size={15} />}>
              Move to…
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
            {(projects.data ?? [])
              .filter((p) => p.isInbox)
              .concat(projectTree(projects.data ?? []).map((n) => n.project))
              .map((p) => (
                <Menu.Item
                  key={p.id}
                  leftSection={<Dot color={p.color} />}
                  onClick={() => {
                    actions.bulkMove.mutate({ tasks, projectId: p.id, projectName: p.name });
                    onDone();
                  }}
                >
                  {p.name}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
        <LabelPicker onPick={(label) => actions.bulkLabel.mutate({ tasks, label })} />
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          leftSection={<IconTrash size={15} />}
          onClick={() => {
            actions.bulkDelete.mutate(tasks);
            onDone();
          }}
        >
          Delete
        </Button>
      </Group>
      <Tooltip label="Clear selection (Esc)">
        <ActionIcon variant="subtle" color="gray" onClick={onDone} aria-label="Clear selection">
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </div>
  );
}
