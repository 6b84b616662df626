import { List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPoint } from '@tabler/icons-react';
import type { Area } from '../app/areas';
import { NotBuiltBadge } from './NotBuiltBadge';
import { PageHeader } from './PageHeader';
import classes from './not-built.module.css';

/** The honest empty state of an area that is planned but not built: what it will do, nothing fake. */
export function NotBuiltYetPage({ area }: { area: Area }) {
  const Icon = area.icon;
  return (
    <>
      <PageHeader title={area.label} description={area.summary} aside={<NotBuiltBadge />} />
      <Paper withBorder p={{ base: 'lg', sm: 'xl' }} className={classes.panel}>
        <Stack gap="lg" align="flex-start">
          <ThemeIcon size={48} radius="lg" variant="light" aria-hidden>
            <Icon size={26} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={6}>
            <Title order={2} size="h3">
              {area.label} is not built yet
            </Title>
            <Text c="dimmed" maw={560}>
              This part of Atom is planned but does not exist yet, so there is nothing to set up here. When it is built, it
              will let you:
            </Text>
          </Stack>
          <List spacing="sm" icon={<IconPoint size={18} stroke={2} className={classes.bullet} aria-hidden />} center>
            {area.plans.map((plan) => (
              <List.Item key={plan}>{plan}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </>
  );
}
