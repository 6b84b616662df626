import type { BudgetMonth } from '@atom/contracts';
import { Card, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useFormatMoney } from '../Money';
import { AssignedInput } from './AssignedInput';
import classes from './budget.module.css';

type Group = BudgetMonth['groups'][number];
type Category = Group['categories'][number];

function Available({ minor, currency, name }: { minor: number; currency: string; name: string }) {
  const format = useFormatMoney();
  const state = minor < 0 ? 'negative' : minor > 0 ? 'positive' : 'zero';
  return (
    <span className={classes.available} data-state={state} data-testid="available" aria-label={`${name} available ${format?.(minor, currency) ?? ''}${minor < 0 ? ', overspent' : ''}`}>
      {format?.(minor, currency) ?? '…'}
    </span>
  );
}

interface Props {
  group: Group;
  currency: string;
  exponent: number;
  onAssign: (category: Category, minor: number) => void;
}

/** One category group of the month: what each envelope got, spent and has left. */
export function BudgetGroupCard({ group, currency, exponent, onAssign }: Props) {
  const format = useFormatMoney();
  const money = (minor: number) => format?.(minor, currency) ?? '…';
  const shown = group.categories.filter((c) => !c.hidden || c.assigned !== 0 || c.spent !== 0 || c.available !== 0);
  const headingId = `budget-group-${group.id}`;
  return (
    <Card withBorder radius="lg" padding={0} component="section" aria-labelledby={headingId}>
      <div className={`${classes.grid} ${classes.groupHead}`}>
        <Text fw={650} size="sm" c="bright" id={headingId}>
          {group.name}
        </Text>
        <span className={classes.columnHead}>Assigned</span>
        <span className={classes.columnHead}>Spent</span>
        <span className={classes.columnHead}>Available</span>
      </div>
      {shown.map((c) => (
        <div key={c.id} className={`${classes.grid} ${classes.row}`} data-testid="budget-category" data-name={c.name}>
          <div className={classes.name}>
            {c.name}
            {c.available < 0 && (
              <Tooltip label={c.rolloverOverspending ? 'Overspent: the shortfall rolls into next month' : 'Overspent: cover it from another category or it comes out of next month’s To budget'}>
                <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" style={{ marginInlineStart: 6, verticalAlign: -2 }} aria-label="Overspent" />
              </Tooltip>
            )}
          </div>
          <div className={classes.cell}>
            <span className={classes.cellLabel}>Assigned</span>
            <AssignedInput label={`Assigned to ${c.name}`} assigned={c.assigned} currency={currency} exponent={exponent} onSave={(minor) => onAssign(c, minor)} />
          </div>
          <div className={classes.cell}>
            <span className={classes.cellLabel}>Spent</span>
            <Text size="sm" data-testid="spent" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {money(c.spent)}
            </Text>
          </div>
          <div className={classes.cell}>
            <span className={classes.cellLabel}>Available</span>
            <Available minor={c.available} currency={currency} name={c.name} />
          </div>
        </div>
      ))}
      {shown.length === 0 && (
        <Text size="sm" c="dimmed" px={14} py={10}>
          No categories in this group.
        </Text>
      )}
    </Card>
  );
}
