import type { ScheduledTransaction } from '@atom/contracts';
import { ActionIcon, Badge, Group, Menu, Text } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Money } from '../Money';
import { describeRepeat, friendlyDate } from './repeat';
import classes from './scheduled.module.css';
import type { Names } from './UpcomingGroup';

/** A schedule: who, how it repeats, its next date and amount, with edit and delete. */
export function ScheduleRow({ schedule, names, today, onEdit, onDelete }: { schedule: ScheduledTransaction; names: Names; today: string; onEdit: () => void; onDelete: () => void }) {
  const payee = schedule.payee || 'Unnamed';
  const category = names.category(schedule.categoryId);
  return (
    <div className={classes.row} data-testid="schedule" aria-label={payee} role="group">
      <div className={classes.what}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} c="bright" truncate>
            {payee}
          </Text>
          {schedule.autoPost && (
            <Badge size="xs" variant="default">
              Auto-post
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {describeRepeat(schedule.rrule, schedule.startDate)} · {names.account(schedule.accountId)}
          {category ? ` · ${category}` : ''}
        </Text>
      </div>
      <div className={classes.next}>
        <Text size="xs" c="dimmed">
          Next
        </Text>
        <Text size="sm" data-testid="schedule-next">
          {schedule.nextDate ? friendlyDate(schedule.nextDate, today) : 'Ended'}
        </Text>
      </div>
      <Money minor={schedule.amount} currency={schedule.currency} size="sm" fw={600} className={classes.amount} />
      <div className={classes.actions}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${payee}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={15} />} onClick={onEdit}>
              Edit schedule
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={onDelete}>
              Delete schedule
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </div>
    </div>
  );
}
