import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { notifyError } from '../app/notify';
import { isApple } from './platform';

/**
 * Undo for destructive actions (tasks deleted, completed or moved; transactions deleted): the last action only, offered
 * in a toast with an Undo button and by Ctrl/Cmd+Z while the toast is showing.
 */
interface Entry {
  id: string;
  run: () => Promise<unknown>;
}

let current: Entry | null = null;
let counter = 0;

export interface UndoOffer {
  title: string;
  message?: ReactNode;
  undo: () => Promise<unknown>;
}

export function offerUndo({ title, message, undo }: UndoOffer): void {
  if (current) notifications.hide(current.id);
  const id = `undo-${++counter}`;
  current = { id, run: undo };
  notifications.show({
    id,
    title,
    color: 'indigo',
    autoClose: 8000,
    onClose: () => {
      if (current?.id === id) current = null;
    },
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="undo-toast">
        <Text size="sm" c="dimmed" component="div">
          {message ?? (isApple ? '⌘Z to undo' : 'Ctrl+Z to undo')}
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => void undoLast()}>
          Undo
        </Button>
      </Group>
    ),
  });
}

export function hasUndo(): boolean {
  return current !== null;
}

export async function undoLast(): Promise<void> {
  const entry = current;
  if (!entry) return;
  current = null;
  notifications.hide(entry.id);
  try {
    await entry.run();
    notifications.show({ message: 'Undone', color: 'gray', autoClose: 2000 });
  } catch (error) {
    notifyError(error, 'Could not undo');
  }
}
