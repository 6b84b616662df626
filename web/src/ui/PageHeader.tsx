import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  /** Shown after the title, e.g. a status badge. */
  aside?: ReactNode;
}

/** The title block at the top of every page; it also names the browser tab. */
export function PageHeader({ title, description, aside }: Props) {
  useDocumentTitle(`${title} · Atom`);
  return (
    <Stack gap={6} mb="xl">
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1}>{title}</Title>
        {aside}
      </Group>
      {description && (
        <Text c="dimmed" size="md" maw={640}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
