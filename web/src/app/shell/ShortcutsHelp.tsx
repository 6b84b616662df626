import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { modKeyLabel } from '../../ui/platform';

const shortcuts: { keys: string[]; what: string }[] = [
  { keys: [modKeyLabel, 'K'], what: 'Search and commands' },
  { keys: ['/'], what: 'Search and commands' },
  { keys: ['?'], what: 'This list of shortcuts' },
];

/** `?` lists the keyboard shortcuts. */
export function ShortcutsHelp() {
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([['shift + ?', open]]);
  return (
    <Modal opened={opened} onClose={close} title="Keyboard shortcuts" centered size="sm">
      <Stack gap="xs">
        {shortcuts.map((s) => (
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
    </Modal>
  );
}
