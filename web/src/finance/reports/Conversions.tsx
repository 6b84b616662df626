import type { NetWorthReport } from '@atom/contracts';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { financePaths } from '../paths';
import { WarningAlert } from '../WarningAlert';

type Conversions = Pick<NetWorthReport, 'baseCurrency' | 'ratesUsed' | 'missingRates'>;

/** Which exchange rates a report used and which it lacked (those amounts are left out, not guessed). */
export function ConversionsNote({ report, always = false }: { report: Conversions; always?: boolean }) {
  const { baseCurrency, ratesUsed, missingRates } = report;
  return (
    <>
      {missingRates.length > 0 && (
        <WarningAlert title="Missing exchange rates" mt="sm" data-testid="missing-rates">
          {missingRates.map((r) => `${r.base} → ${r.quote} from ${r.date}`).join('; ')}. Those amounts are left out of the totals.{' '}
          <Anchor component={Link} to={financePaths.currencies} size="sm" fw={600} data-testid="add-rates-link">
            Add exchange rates
          </Anchor>
        </WarningAlert>
      )}
      {(always || ratesUsed.length > 0) && (
        <Text size="xs" c="dimmed" mt="sm" data-testid="rates-used">
          In {baseCurrency}.{' '}
          {ratesUsed.length === 0
            ? missingRates.length > 0
              ? 'No stored rate applied.'
              : 'No conversion was needed.'
            : `Rates used: ${ratesUsed
                .slice(0, 12)
                .map((r) => `1 ${r.base} = ${r.rate} ${r.quote} (${r.date})`)
                .join(', ')}${ratesUsed.length > 12 ? ` and ${ratesUsed.length - 12} more` : ''}.`}
        </Text>
      )}
    </>
  );
}
