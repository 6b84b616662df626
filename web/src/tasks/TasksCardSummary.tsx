import { Text } from '@mantine/core';
import { useUser } from '../app/auth';
import { dueDateOf } from './due';
import { useTaskList } from './tasks-api';
import { todayIn } from '../ui/zoned';

/** One line for the Tasks card on the home page: what is due today and what is late. */
export function TasksCardSummary() {
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const list = useTaskList({ view: 'today', status: 'open' });
  if (!list.isSuccess) return null;
  const overdue = list.tasks.filter((t) => (dueDateOf(t, timeZone) ?? today) < today).length;
  const due = list.tasks.length - overdue;
  const parts = [due > 0 ? `${due} due today` : 'Nothing due today', ...(overdue > 0 ? [`${overdue} overdue`] : [])];
  return (
    <Text size="sm" fw={500} c={overdue > 0 ? 'var(--mantine-color-error)' : 'bright'} mt={8} data-testid="tasks-summary">
      {parts.join(' · ')}
    </Text>
  );
}
