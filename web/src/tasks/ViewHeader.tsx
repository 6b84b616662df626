import { Button, Code, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './tasks.module.css';

interface Props {
  title: string;
  /** Before the title: an icon or a project's colour dot. */
  lead?: ReactNode;
  count?: number;
  /** Right-hand controls: layout toggle, menus. */
  actions?: ReactNode;
  sub?: ReactNode;
}

export function ViewHeader({ title, lead, count, actions, sub }: Props) {
  useDocumentTitle(`${title} · Tasks · Atom`);
  return (
    <header className={classes.viewHeader}>
      <div className={classes.viewTitle}>
        {lead}
        <Title order={1} className={classes.viewTitleText}>
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <Text component="span" c="dimmed" size="sm" className={classes.viewCount} aria-label={`${count} open`}>
            {count}
          </Text>
        )}
        {sub}
      </div>
      {actions && <div className={classes.viewActions}>{actions}</div>}
    </header>
  );
}

interface EmptyProps {
  icon: Icon;
  title: string;
  children: ReactNode;
  /** An example line for quick add, e.g. "Call mom tomorrow 5pm #Family". */
  example?: string;
  action?: { label: string; onClick: () => void };
}

/** An empty view says what it is for and how to fill it. */
export function EmptyState({ icon: EmptyIcon, title, children, example, action }: EmptyProps) {
  return (
    <Stack align="center" gap={8} className={classes.empty} data-testid="empty-state">
      <ThemeIcon size={52} radius="xl" variant="light" aria-hidden>
        <EmptyIcon size={26} stroke={1.5} />
      </ThemeIcon>
      <Text fw={600} size="md" c="bright" mt={6}>
        {title}
      </Text>
      <Text size="sm" c="dimmed" ta="center" maw={400}>
        {children}
      </Text>
      {example && (
        <Text size="sm" c="dimmed" ta="center">
          Try <Code className={classes.example}>{example}</Code>
        </Text>
      )}
      {action && (
        <Button variant="light" mt={6} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Stack>
  );
}

/** Rows shaped like task rows while a list loads. */
export function TaskListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading tasks" role="status">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={classes.skeletonRow}>
          <Skeleton circle height={18} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={11} width={`${45 + ((i * 17) % 35)}%`} radius="sm" />
            <Skeleton height={8} width="18%" radius="sm" />
          </Stack>
        </div>
      ))}
    </div>
  );
}
