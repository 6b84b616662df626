import type { BankImportResult } from '@atom/contracts';
import { Badge, Card, Checkbox, Table, Text, Title } from '@mantine/core';
import { Money } from '../Money';
import classes from './import.module.css';

type Row = BankImportResult['rows'][number];

const DECISION = {
  new: { label: 'New', color: 'teal', text: 'teal.9' },
  duplicate: { label: 'Duplicate', color: 'gray', text: 'gray.8' },
  posted: { label: 'Posts pending', color: 'blue', text: 'blue.9' },
  probable: { label: 'Probable duplicate', color: 'yellow', text: 'dark.7' },
} as const;

/** Rows shown at once; a bank file of a whole year stays responsive. */
const SHOWN = 300;

export function ImportCounts({ result }: { result: BankImportResult }) {
  const items = [
    ['Rows', result.counts.rows],
    ['New', result.counts.new],
    ['Duplicates', result.counts.duplicate],
    ['Posts pending', result.counts.posted],
    ['Probable duplicates', result.counts.probable],
  ] as const;
  return (
    <div className={classes.counts} data-testid="import-counts">
      {items.map(([label, value]) => (
        <div key={label} className={classes.count}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <div className={classes.countValue}>{value}</div>
        </div>
      ))}
    </div>
  );
}

interface Props {
  result: BankImportResult;
  importAnyway: Set<string>;
  onToggle: (importedId: string, on: boolean) => void;
}

/** Every row of the file with what the import will do with it. */
export function ImportPreview({ result, importAnyway, onToggle }: Props) {
  const rows = result.rows.slice(0, SHOWN);
  return (
    <Card withBorder radius="lg" padding={0} component="section" aria-labelledby="rows-heading">
      <Title order={2} size="h5" id="rows-heading" p="md" pb={0}>
        Transactions in the file
      </Title>
      <div className={classes.scroll}>
        <Table verticalSpacing={6} fz="sm" mt="xs" aria-labelledby="rows-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Payee</Table.Th>
              <Table.Th className={classes.amount}>Amount</Table.Th>
              <Table.Th>Will</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <PreviewRow key={`${r.line}-${r.importedId}`} row={r} currency={result.currency} checked={importAnyway.has(r.importedId)} onToggle={onToggle} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {result.rows.length > SHOWN && (
        <Text size="sm" c="dimmed" p="md">
          And {result.rows.length - SHOWN} more rows.
        </Text>
      )}
    </Card>
  );
}

function PreviewRow({ row, currency, checked, onToggle }: { row: Row; currency: string; checked: boolean; onToggle: Props['onToggle'] }) {
  const decision = DECISION[row.decision];
  return (
    <Table.Tr data-testid="import-row" data-decision={row.decision}>
      <Table.Td>{row.line}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.date}</Table.Td>
      <Table.Td>
        {row.payee || <Text span c="dimmed">(no payee)</Text>}
        {row.pending && (
          <Badge ml={6} size="xs" variant="outline" color="gray">
            Pending
          </Badge>
        )}
        {row.memo && <div className={classes.existing}>{row.memo}</div>}
        {row.existing && (
          <div className={classes.existing}>
            Matches {row.existing.date} · {row.existing.payee} · <Money minor={row.existing.amount} currency={currency} size="xs" />
          </div>
        )}
        {row.reason && row.decision !== 'new' && <div className={classes.existing}>{row.reason}</div>}
      </Table.Td>
      <Table.Td className={classes.amount}>
        <Money minor={row.amount} currency={currency} size="sm" />
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={decision.color} c={decision.text} size="sm">
          {decision.label}
        </Badge>
        {row.decision === 'probable' && (
          <Checkbox mt={6} size="xs" label="Import anyway" checked={checked} onChange={(e) => onToggle(row.importedId, e.currentTarget.checked)} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
