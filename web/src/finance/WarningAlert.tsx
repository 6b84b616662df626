import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A yellow notice whose title keeps the text colour: Mantine's yellow and orange titles on
 * their light backgrounds fall below the 4.5:1 contrast text needs. The icon carries the colour.
 */
export function WarningAlert({ children, ...props }: Omit<AlertProps, 'color' | 'variant'> & { children: ReactNode }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} styles={{ title: { color: 'var(--mantine-color-bright)' } }} {...props}>
      {children}
    </Alert>
  );
}
