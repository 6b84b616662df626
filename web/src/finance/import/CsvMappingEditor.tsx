import type { CsvMapping } from '@atom/contracts';
import { Card, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Switch, Table, Text, Title } from '@mantine/core';
import classes from './import.module.css';

type ColumnRef = number | string;

const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'D.M.YYYY', 'M/D/YYYY', 'DD-MM-YYYY', 'YYYYMMDD', 'DD MMM YYYY', 'MMM DD YYYY'];

/** A column as its index in the file, whether the mapping named it by header or by position. */
function toIndex(ref: ColumnRef | undefined, headers: string[]): string | null {
  if (ref === undefined) return null;
  if (typeof ref === 'number') return String(ref);
  const at = headers.indexOf(ref);
  return at === -1 ? null : String(at);
}

function toIndexes(ref: ColumnRef | ColumnRef[] | undefined, headers: string[]): string[] {
  if (ref === undefined) return [];
  return (Array.isArray(ref) ? ref : [ref]).map((r) => toIndex(r, headers)).filter((r): r is string => r !== null);
}

interface Props {
  mapping: CsvMapping;
  headers: string[];
  sample: string[][];
  notes: string[];
  source: 'request' | 'saved' | 'proposed';
  onChange: (mapping: CsvMapping) => void;
}

const SOURCE_TEXT = {
  proposed: 'Atom guessed these columns from the file. Check them against the sample below.',
  saved: 'The columns saved from the last CSV import into this account.',
  request: 'Your choice of columns.',
} as const;

/** Which CSV column holds what; every change previews the file again. */
export function CsvMappingEditor({ mapping, headers, sample, notes, source, onChange }: Props) {
  const width = Math.max(headers.length, ...sample.map((r) => r.length));
  const columnNames = Array.from({ length: width }, (_, i) => (headers[i] && mapping.hasHeader ? headers[i] : `Column ${i + 1}`));
  const options = columnNames.map((label, i) => ({ value: String(i), label }));
  const cols = mapping.columns;
  const split = cols.amount === undefined && (cols.debit !== undefined || cols.credit !== undefined);

  const setColumns = (patch: Partial<Record<keyof CsvMapping['columns'], ColumnRef | ColumnRef[] | undefined>>) => {
    const merged: Record<string, unknown> = { ...cols, ...patch };
    const next = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    onChange({ ...mapping, columns: next as CsvMapping['columns'] });
  };
  const single = (value: string | null) => (value === null ? undefined : Number(value));
  const multiple = (values: string[]) => (values.length === 0 ? undefined : values.length === 1 ? Number(values[0]) : values.map(Number));
  const dateFormats = DATE_FORMATS.includes(mapping.dateFormat) ? DATE_FORMATS : [mapping.dateFormat, ...DATE_FORMATS];

  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="mapping-heading" data-testid="csv-mapping">
      <Title order={2} size="h5" id="mapping-heading">
        CSV columns
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {SOURCE_TEXT[source]}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        <Select label="Date column" data={options} value={toIndex(cols.date, headers)} allowDeselect={false} onChange={(v) => v !== null && setColumns({ date: Number(v) })} />
        <Select label="Date format" data={dateFormats} value={mapping.dateFormat} allowDeselect={false} onChange={(v) => v && onChange({ ...mapping, dateFormat: v })} />
        <MultiSelect label="Payee column" data={options} value={toIndexes(cols.payee, headers)} onChange={(v) => setColumns({ payee: multiple(v) })} clearable />
        <div>
          <Text size="sm" fw={500} mb={4} id="amount-mode-label">
            Amounts
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="amount-mode-label"
            value={split ? 'split' : 'single'}
            data={[
              { value: 'single', label: 'One column' },
              { value: 'split', label: 'Debit + credit' },
            ]}
            onChange={(v) =>
              v === 'split'
                ? setColumns({ amount: undefined, debit: cols.amount ?? 0, credit: cols.amount ?? 0 })
                : setColumns({ amount: cols.debit ?? cols.credit ?? 0, debit: undefined, credit: undefined })
            }
          />
        </div>
        {split ? (
          <>
            <Select label="Debit column (money out)" data={options} value={toIndex(cols.debit, headers)} onChange={(v) => setColumns({ debit: single(v) })} />
            <Select label="Credit column (money in)" data={options} value={toIndex(cols.credit, headers)} onChange={(v) => setColumns({ credit: single(v) })} />
          </>
        ) : (
          <Select label="Amount column" data={options} value={toIndex(cols.amount, headers)} allowDeselect={false} onChange={(v) => v !== null && setColumns({ amount: Number(v) })} />
        )}
        <MultiSelect label="Memo column" data={options} value={toIndexes(cols.memo, headers)} onChange={(v) => setColumns({ memo: multiple(v) })} clearable />
        <Select label="Bank id column" description="Keeps re-imports from duplicating rows" data={options} value={toIndex(cols.bankId, headers)} onChange={(v) => setColumns({ bankId: single(v) })} clearable />
        <Select
          label="Decimal mark"
          data={[
            { value: '.', label: 'Point: 1,234.56' },
            { value: ',', label: 'Comma: 1.234,56' },
          ]}
          value={mapping.decimal}
          allowDeselect={false}
          onChange={(v) => (v === '.' || v === ',') && onChange({ ...mapping, decimal: v })}
        />
      </SimpleGrid>
      <Group gap="xl" mt="md">
        <Switch label="First row is a header" checked={mapping.hasHeader} onChange={(e) => onChange({ ...mapping, hasHeader: e.currentTarget.checked })} />
        <Switch
          label="Purchases are positive (invert signs)"
          checked={mapping.sign === 'inverted'}
          onChange={(e) => onChange({ ...mapping, sign: e.currentTarget.checked ? 'inverted' : 'normal' })}
        />
      </Group>
      {notes.length > 0 && (
        <ul className={classes.notes}>
          {notes.map((n) => (
            <li key={n}>
              <Text size="sm" c="dimmed">
                {n}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {sample.length > 0 && (
        <div className={classes.scroll}>
          <Table fz="xs" withTableBorder striped mt="md" aria-label="First rows of the file">
            <Table.Thead>
              <Table.Tr>
                {columnNames.map((n, i) => (
                  <Table.Th key={i}>{n}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sample.map((r, i) => (
                <Table.Tr key={i}>
                  {columnNames.map((_, j) => (
                    <Table.Td key={j}>{r[j] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
