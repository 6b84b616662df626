import type { FinanceAccount, FinanceCategory, Transaction } from '@atom/contracts';
import { ActionIcon, Badge, Menu, Table, Text, Tooltip, UnstyledButton, type ComboboxItemGroup } from '@mantine/core';
import { IconArrowsExchange, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Money } from '../Money';
import { formatPlainDate } from '../plain-date';
import { CategoryCell } from './CategoryCell';
import { ClearedToggle } from './ClearedToggle';
import classes from '../finance.module.css';

interface Props {
  transaction: Transaction;
  accounts: Map<string, FinanceAccount>;
  categories: Map<string, FinanceCategory>;
  /** What the category cell offers when clicked. */
  categoryChoices: ComboboxItemGroup[];
  showAccount: boolean;
  /** The account's balance after this transaction; absent when the register has no balance column (notes then have their own). */
  balance?: number | null;
  onOpen: (t: Transaction) => void;
  onDelete: (t: Transaction) => void;
}

/** What the category column says: the category, the split, or where a transfer goes. */
function categoryLabel(t: Transaction, accounts: Map<string, FinanceAccount>, categories: Map<string, FinanceCategory>) {
  if (t.transfer) {
    const other = accounts.get(t.transfer.accountId)?.name ?? 'another account';
    return { text: `${t.amount < 0 ? 'To' : 'From'} ${other}`, transfer: true, none: false, editable: false };
  }
  if (t.splits.length > 0) {
    const names = t.splits.map((s) => (s.categoryId ? (categories.get(s.categoryId)?.name ?? '?') : 'Uncategorised'));
    return { text: `Split: ${names.join(', ')}`, transfer: false, none: false, editable: false };
  }
  if (t.categoryId) return { text: categories.get(t.categoryId)?.name ?? 'Unknown category', transfer: false, none: false, editable: true };
  return { text: 'Uncategorised', transfer: false, none: true, editable: true };
}

function NotesAndTags({ transaction: t, size = 'sm' }: { transaction: Transaction; size?: 'sm' | 'xs' }) {
  return (
    <>
      <Text size={size} c="dimmed" className={classes.cellText}>
        {t.notes}
      </Text>
      {t.tags.length > 0 && (
        <div className={classes.tags}>
          {t.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="light" color="gray" tt="none" maw="100%">
              {tag}
            </Badge>
          ))}
        </div>
      )}
    </>
  );
}

export function TransactionRow({ transaction: t, accounts, categories, categoryChoices, showAccount, balance, onOpen, onDelete }: Props) {
  const category = categoryLabel(t, accounts, categories);
  return (
    <Table.Tr className={classes.row} onClick={() => onOpen(t)} data-testid="transaction-row" data-id={t.id}>
      <Table.Td className={`${classes.cellText} ${classes.hideNarrow}`}>{formatPlainDate(t.date)}</Table.Td>
      {showAccount && (
        <Table.Td className={`${classes.cellText} ${classes.hideNarrow}`}>{accounts.get(t.accountId)?.name ?? ''}</Table.Td>
      )}
      <Table.Td>
        <UnstyledButton
          className={classes.cellText}
          style={{ display: 'block', maxWidth: '100%', fontSize: 'inherit' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(t);
          }}
          aria-label={`Edit ${t.payee || 'transaction'} of ${formatPlainDate(t.date)}`}
        >
          {t.payee || <span className={classes.uncategorised}>No payee</span>}
        </UnstyledButton>
        <span className={`${classes.payeeSub} ${classes.cellText}`}>
          {formatPlainDate(t.date)} · {category.text}
        </span>
        {balance !== undefined && (t.notes || t.tags.length > 0) && (
          <div className={classes.hideNarrow}>
            <NotesAndTags transaction={t} size="xs" />
          </div>
        )}
      </Table.Td>
      <Table.Td className={classes.hideNarrow}>
        {category.editable ? (
          <CategoryCell transaction={t} label={category.text} uncategorised={category.none} options={categoryChoices} />
        ) : (
          <Tooltip label={category.text} disabled={category.text.length < 24} openDelay={400}>
            <Text size="sm" className={classes.cellText} data-testid="category-cell">
              {category.transfer && <IconArrowsExchange size={14} style={{ verticalAlign: -2, marginInlineEnd: 4 }} aria-hidden />}
              {category.text}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td className={classes.colAmount}>
        <Money minor={t.amount} currency={t.currency} size="sm" fw={500} data-testid="amount" />
      </Table.Td>
      {balance !== undefined && (
        <Table.Td className={`${classes.colAmount} ${classes.hideNarrow}`}>
          {balance !== null && <Money minor={balance} currency={t.currency} size="sm" c="dimmed" data-testid="running-balance" />}
        </Table.Td>
      )}
      <Table.Td className={classes.colCleared} onClick={(e) => e.stopPropagation()}>
        <ClearedToggle transaction={t} />
      </Table.Td>
      {!showAccount && balance === undefined && (
        <Table.Td className={classes.hideMedium}>
          <NotesAndTags transaction={t} />
        </Table.Td>
      )}
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Transaction actions">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => onOpen(t)}>
              Edit
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={15} />} color="red" onClick={() => onDelete(t)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
