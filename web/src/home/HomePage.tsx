import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { areas } from '../app/areas';
import { useUser } from '../app/auth';
import { CalendarCardSummary } from '../calendar/CalendarCardSummary';
import { FinanceCardSummary } from '../finance/FinanceCardSummary';
import { TasksCardSummary } from '../tasks/TasksCardSummary';
import { AreaCard } from './AreaCard';
import { greetingFor } from './greeting';
import { NextSteps } from './NextSteps';

export function HomePage() {
  const user = useUser();
  useDocumentTitle('Home · Atom');
  const now = new Date();
  const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(now);

  return (
    <Stack gap={40}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {today}
        </Text>
        <Title order={1}>
          {greetingFor(now)}, {user.name}
        </Title>
      </Stack>

      <section aria-labelledby="areas-heading">
        <Title order={2} size="h3" id="areas-heading" mb="md">
          Your areas
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          {areas.map((area) => (
            <AreaCard key={area.key} area={area} extra={area.key === 'tasks' ? <TasksCardSummary /> : area.key === 'calendar' ? <CalendarCardSummary /> : area.key === 'finance' ? <FinanceCardSummary /> : undefined} />
          ))}
        </SimpleGrid>
      </section>

      <NextSteps isAdmin={user.role === 'admin'} />
    </Stack>
  );
}
