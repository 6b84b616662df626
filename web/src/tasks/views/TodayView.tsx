import type { Task } from '@atom/contracts';
import { IconCalendarDue, IconConfetti } from '@tabler/icons-react';
import { useUser } from '../../app/auth';
import { dueDateOf, formatWeekdayDate } from '../due';
import { QuickAddBar } from '../QuickAddBar';
import { TaskList, type TaskGroup } from '../TaskList';
import { useTaskList } from '../tasks-api';
import { EmptyState, TaskListSkeleton, ViewHeader } from '../ViewHeader';
import { todayIn } from '../../ui/zoned';

/** Overdue first, then what is due today, in the user's own time zone. */
export function TodayView() {
  const { timeZone } = useUser();
  const today = todayIn(timeZone);
  const list = useTaskList({ view: 'today', status: 'open' });
  const overdue: Task[] = [];
  const todays: Task[] = [];
  for (const t of list.tasks) ((dueDateOf(t, timeZone) ?? today) < today ? overdue : todays).push(t);
  const open = list.tasks.filter((t) => t.status === 'open').length;

  const groups: TaskGroup[] = [];
  if (overdue.length > 0) groups.push({ key: 'overdue', title: 'Overdue', tone: 'overdue', tasks: overdue });
  groups.push({ key: 'today', title: 'Today', sub: formatWeekdayDate(today), tasks: todays });

  return (
    <>
      <ViewHeader title="Today" lead={<IconCalendarDue size={22} stroke={1.75} aria-hidden />} count={open} />
      <QuickAddBar accepts={(t) => (dueDateOf(t, timeZone) ?? '9999') <= today} />
      {list.isPending ? (
        <TaskListSkeleton />
      ) : list.tasks.length === 0 ? (
        <EmptyState icon={IconConfetti} title="Nothing due today" example="Call mom tomorrow 5pm #Family">
          Enjoy the calm, or plan ahead: type a task with a day in the bar above and it lands on that day.
        </EmptyState>
      ) : (
        <TaskList label="Today" groups={groups} showProject />
      )}
    </>
  );
}
