import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from './money';
import { useExponents } from './finance-api';
import classes from './finance.module.css';

/** A formatter for the user's locale once the currency exponents are known. */
export function useFormatMoney(): ((minor: number, currency: string) => string) | undefined {
  const exponents = useExponents();
  if (!exponents) return undefined;
  return (minor, currency) => formatMoney(minor, currency, exponents.get(currency) ?? 2);
}

/** An amount in its currency; negative amounts in the error colour, tabular digits. */
export function Money({ minor, currency, colored = true, ...props }: { minor: number; currency: string; colored?: boolean } & TextProps) {
  const format = useFormatMoney();
  return (
    <Text component="span" className={classes.money} data-negative={colored && minor < 0 ? '' : undefined} {...props}>
      {format ? format(minor, currency) : '…'}
    </Text>
  );
}
