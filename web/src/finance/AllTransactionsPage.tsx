import { ExportButton } from './ExportButton';
import { FinanceHeader } from './FinanceHeader';
import { Register } from './register/Register';
import { RegisterFilters } from './register/RegisterFilters';
import { useRegisterFilters } from './register/use-register-filters';

/** Every account's transactions together, newest first; amounts stay in each account's currency. */
export function AllTransactionsPage() {
  const filters = useRegisterFilters(undefined);
  return (
    <>
      <FinanceHeader title="All transactions" actions={<ExportButton filters={filters.api} />} />
      <RegisterFilters filters={filters} />
      <Register filters={filters.api} filtered={filters.active} showAccount emptyHint="Open an account to add its transactions." />
    </>
  );
}
