import type { Task } from '@atom/contracts';
import { Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useUser } from '../../app/auth';
import { dayHeading, dueDateOf } from '../due';
import { QuickAddBar } from '../QuickAddBar';
import { TaskList, type TaskGroup } from '../TaskList';
import { useTaskList } from '../tasks-api';
import { TaskListSkeleton, ViewHeader } from '../ViewHeader';
import { addDays, todayIn } from '../../ui/zoned';
import classes from '../tasks.module.css';

const DAYS = 14;

/** The next two weeks day by day (overdue on top); a day with nothing due is one quiet line. */
export function UpcomingView() {
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const upcoming = useTaskList({ view: 'upcoming', status: 'open' });
  const todayList = useTaskList({ view: 'today', status: 'open' });
  const byDay = new Map<string, Task[]>();
  for (const t of upcoming.tasks) {
    const date = dueDateOf(t, timeZone);
    if (date) byDay.set(date, [...(byDay.get(date) ?? []), t]);
  }
  const overdue = todayList.tasks.filter((t) => (dueDateOf(t, timeZone) ?? today) < today);
  const last = addDays(today, DAYS);

  const groups: TaskGroup[] = [];
  if (overdue.length > 0) groups.push({ key: 'overdue', title: 'Overdue', tone: 'overdue', tasks: overdue });
  for (let i = 0; i <= DAYS; i++) {
    const date = addDays(today, i);
    const heading = dayHeading(date, today);
    const tasks = byDay.get(date) ?? [];
    groups.push({
      key: date,
      title: heading.title,
      sub: heading.sub ?? (tasks.length === 0 ? <Text span size="xs" c="dimmed" className={classes.nothing}>Nothing planned</Text> : undefined),
      tasks,
    });
  }
  const count = upcoming.tasks.filter((t) => t.status === 'open').length;

  return (
    <>
      <ViewHeader title="Upcoming" lead={<IconCalendarEvent size={22} stroke={1.75} aria-hidden />} count={count} />
      <QuickAddBar
        accepts={(t) => {
          const d = dueDateOf(t, timeZone);
          return d !== null && d <= last;
        }}
        placeholder="Add a task with a day, e.g. “Dentist friday 9am”"
      />
      {upcoming.isPending ? <TaskListSkeleton /> : <TaskList label="Upcoming" groups={groups} showProject />}
    </>
  );
}
