import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { AtomMark } from '../ui/AtomMark';
import classes from './auth.module.css';

interface Props {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of the signed-out pages: the mark, a title, one card, one way onwards. */
export function AuthLayout({ title, subtitle, children, footer }: Props) {
  useDocumentTitle(`${title} · Atom`);
  return (
    <Center component="main" className={classes.page}>
      <Stack gap="lg" className={classes.column}>
        <Stack gap="xs" align="center" ta="center">
          <AtomMark size={44} />
          <Title order={1} size="h2" mt="xs">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" maw={360}>
              {subtitle}
            </Text>
          )}
        </Stack>
        <Paper withBorder p={{ base: 'lg', xs: 'xl' }} radius="lg" shadow="xs" className={classes.card}>
          {children}
        </Paper>
        {footer && (
          <Text size="sm" c="dimmed" ta="center">
            {footer}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
