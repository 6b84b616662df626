import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './finance.module.css';

interface Props {
  title: string;
  /** Under the title: balances, a short explanation. */
  sub?: ReactNode;
  actions?: ReactNode;
}

/** The title row of every Finance page; it also names the browser tab. */
export function FinanceHeader({ title, sub, actions }: Props) {
  useDocumentTitle(`${title} · Finance · Atom`);
  return (
    <header className={classes.header}>
      <div style={{ minWidth: 0 }}>
        <Title order={1} className={classes.headerTitle}>
          {title}
        </Title>
        {sub}
      </div>
      {actions && <div className={classes.headerActions}>{actions}</div>}
    </header>
  );
}

/** An empty page says what it is for and how to fill it. */
export function EmptyState({ icon: EmptyIcon, title, children, action }: { icon: Icon; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap={8} className={classes.empty} data-testid="empty-state">
      <ThemeIcon size={52} radius="xl" variant="light" aria-hidden>
        <EmptyIcon size={26} stroke={1.5} />
      </ThemeIcon>
      <Text fw={600} size="md" c="bright" mt={6}>
        {title}
      </Text>
      <Text size="sm" c="dimmed" ta="center" maw={420}>
        {children}
      </Text>
      {action}
    </Stack>
  );
}
