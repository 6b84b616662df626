import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { exportCsvUrl, type TransactionFilters } from './finance-api';

/** Downloads the transactions the register shows (same filters) as CSV, one line per split part. */
export function ExportButton({ filters }: { filters: TransactionFilters }) {
  return (
    <Button component="a" href={exportCsvUrl(filters)} download="transactions.csv" variant="default" leftSection={<IconDownload size={16} />}>
      Export CSV
    </Button>
  );
}
