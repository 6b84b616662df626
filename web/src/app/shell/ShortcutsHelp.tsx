import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { modKeyLabel } from '../../ui/platform';

const groups: { title: string; shortcuts: { keys: string[]; what: string }[] }[] = [
  {
    title: 'Everywhere',
    shortcuts: [
      { keys: [modKeyLabel, 'K'], what: 'Search and commands' },
      { keys: ['/'], what: 'Search (in Tasks: search tasks)' },
      { keys: ['Q'], what: 'Add a task' },
      { keys: [modKeyLabel, 'Z'], what: 'Undo the last task action' },
      { keys: ['?'], what: 'This list of shortcuts' },
    ],
  },
  {
    title: 'Task lists',
    shortcuts: [
      { keys: ['J'], what: 'Next task' },
      { keys: ['K'], what: 'Previous task' },
      { keys: ['Enter'], what: 'Open the task' },
      { keys: ['E'], what: 'Complete (or Space on a task)' },
      { keys: ['X'], what: 'Select, for bulk actions' },
      { keys: ['Shift', 'click'], what: 'Select a range' },
      { keys: ['Delete'], what: 'Delete' },
      { keys: ['C'], what: 'Add a task' },
      { keys: ['Esc'], what: 'Clear the selection, close' },
    ],
  },
  {
    title: 'Board',
    shortcuts: [
      { keys: ['Space'], what: 'Pick up or drop a card' },
      { keys: ['←', '↑', '→', '↓'], what: 'Move the picked-up card' },
    ],
  },
];

/** `?` lists the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([['shift + ?', open]]);
  return (
    <Modal opened={opened} onClose={close} title="Keyboard shortcuts" centered size="md">
      <Stack gap="lg">
        {groups.map((g) => (
          <Stack gap="xs" key={g.title}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {g.title}
            </Text>
            {g.shortcuts.map((s) => (
              <Group key={s.keys.join('+') + s.what} justify="space-between" wrap="nowrap">
                <Text size="sm">{s.what}</Text>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
