import type { ComboboxItemGroup } from '@mantine/core';
import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { parseMoney, toInputString } from '../money';
import { MoneyInput } from '../MoneyInput';
import { Money } from '../Money';
import classes from '../finance.module.css';

export interface SplitPart {
  key: number;
  categoryId: string | null;
  amount: string;
}

interface Props {
  parts: SplitPart[];
  onChange: (parts: SplitPart[]) => void;
  /** The transaction's amount, which the parts must add up to; null while it does not read. */
  total: number | null;
  currency: string;
  exponent: number;
  categories: ComboboxItemGroup[];
  disabled?: boolean;
}

let nextKey = 1;
export const newPart = (categoryId: string | null = null, amount = ''): SplitPart => ({ key: nextKey++, categoryId, amount });

/** What is left to assign: the total minus every part that reads; null when a part does not read. */
export function remainingOf(parts: SplitPart[], total: number | null, exponent: number): number | null {
  if (total === null) return null;
  let rest = total;
  for (const p of parts) {
    if (p.amount.trim() === '') continue;
    const parsed = parseMoney(p.amount, exponent);
    if (!parsed.ok) return null;
    rest -= parsed.minor;
  }
  return rest;
}

function partProblem(text: string, exponent: number): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseMoney(text, exponent);
  return parsed.ok ? undefined : `Amount ${parsed.problem}`;
}

/** Parts of one transaction across categories; it shows what is left to assign until it is zero. */
export function SplitEditor({ parts, onChange, total, currency, exponent, categories, disabled }: Props) {
  const remaining = remainingOf(parts, total, exponent);
  const set = (key: number, patch: Partial<SplitPart>) => onChange(parts.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  return (
    <Stack gap={8} role="group" aria-label="Split">
      {parts.map((p, i) => (
        <div key={p.key} className={classes.splitRow} data-testid="split-part">
          <Select
            aria-label={`Part ${i + 1} category`}
            placeholder="Category"
            searchable
            clearable
            data={categories}
            value={p.categoryId}
            onChange={(v) => set(p.key, { categoryId: v })}
            comboboxProps={{ withinPortal: true }}
            disabled={disabled}
          />
          <MoneyInput
            aria-label={`Part ${i + 1} amount`}
            currency={currency}
            exponent={exponent}
            value={p.amount}
            onChange={(v) => set(p.key, { amount: v })}
            error={partProblem(p.amount, exponent)}
            disabled={disabled}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            aria-label={`Remove part ${i + 1}`}
            disabled={disabled || parts.length <= 2}
            onClick={() => onChange(parts.filter((x) => x.key !== p.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </div>
      ))}
      <Group justify="space-between" gap="xs">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={disabled}
          onClick={() => {
            // A new part starts with whatever is still unassigned, which is what it usually gets.
            const fill = remaining !== null && remaining !== 0 ? toInputString(remaining, exponent) : '';
            onChange([...parts, newPart(null, fill)]);
          }}
        >
          Add part
        </Button>
        <Text size="sm" className={classes.remaining} c={remaining === 0 ? 'teal' : 'var(--mantine-color-error)'} data-testid="split-remaining" aria-live="polite">
          {remaining === null ? (
            'Some amounts do not read'
          ) : remaining === 0 ? (
            'Fully assigned'
          ) : (
            <>
              Remaining to assign: <Money minor={remaining} currency={currency} colored={false} inherit />
            </>
          )}
        </Text>
      </Group>
    </Stack>
  );
}
