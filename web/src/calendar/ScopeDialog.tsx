import { Button, Modal, Stack, Text } from '@mantine/core';
import type { Scope } from './calendar-api';

interface Props {
  /** What is being done, e.g. "Move" or "Delete"; null when closed. */
  action: 'change' | 'delete' | null;
  onChoose: (scope: Scope) => void;
  onCancel: () => void;
}

/** Asks which occurrences of a repeating event a change or deletion applies to. */
export function ScopeDialog({ action, onChoose, onCancel }: Props) {
  const title = action === 'delete' ? 'Delete a repeating event' : 'Change a repeating event';
  return (
    <Modal opened={action !== null} onClose={onCancel} title={title} size="sm" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          This event repeats. Which events should {action === 'delete' ? 'be deleted' : 'change'}?
        </Text>
        <Button variant="light" onClick={() => onChoose('this')} data-autofocus>
          This event
        </Button>
        <Button variant="light" onClick={() => onChoose('following')}>
          This and following
        </Button>
        <Button variant="light" onClick={() => onChoose('all')}>
          All events
        </Button>
        <Button variant="subtle" color="gray" onClick={onCancel}>
          Cancel
        </Button>
      </Stack>
    </Modal>
  );
}
