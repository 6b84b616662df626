import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** One block of settings: a heading that says what it is for, then its controls. */
export function SettingsCard({ title, description, children }: Props) {
  return (
    <Card component="section" aria-label={title}>
      <Stack gap={4} mb="lg">
        <Title order={2} size="h3">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}
