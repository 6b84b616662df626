import { Modal } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { QuickAddBar } from './QuickAddBar';
import { quickAdd } from './quick-add-launcher';
import { undoLast } from '../ui/undo';

/** A dialog is open (the drawer, a menu): `q` is then just a letter. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], .mantine-Modal-root [role="dialog"]') !== null;
}

/**
 * Quick add from anywhere: `q` (and `c` inside Tasks) focuses the quick-add bar of the task
 * view on screen, or opens it in a dialog elsewhere. Ctrl/Cmd+Z undoes the last task action.
 */
export function QuickAddLauncher() {
  const [opened, setOpened] = useState(false);

  useEffect(
    () =>
      quickAdd.subscribe(() => {
        const bar = document.querySelector<HTMLInputElement>('[data-quick-add-input]');
        if (bar && !dialogOpen()) bar.focus();
        else setOpened(true);
      }),
    [],
  );

  const trigger = (event: KeyboardEvent) => {
    if (dialogOpen()) return;
    event.preventDefault();
    quickAdd.open();
  };
  useHotkeys([
    ['q', trigger],
    [
      'c',
      (event) => {
        if (window.location.pathname.startsWith('/tasks')) trigger(event);
      },
    ],
    ['mod+z', () => void undoLast()],
  ]);

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Add task" size="lg" yOffset="12vh" radius="lg">
      <QuickAddBar autoFocus flush accepts={() => false} onAdded={() => setOpened(false)} />
    </Modal>
  );
}
