import { TextInput, type TextInputProps } from '@mantine/core';
import { numberSymbols, parseMoney } from './money';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string;
  onChange: (text: string) => void;
  currency: string;
  exponent: number;
}

/**
 * Amounts stay text while typed (so "12." or "-" are not rewritten under the cursor); the
 * form parses them with `parseMoney` when it saves. Leaving the field shows a problem early.
 */
export function MoneyInput({ value, onChange, currency, exponent, error, onBlur, ...props }: Props) {
  const { decimal } = numberSymbols();
  const example = exponent === 0 ? '-1200' : `-12${decimal}${'5'.padEnd(exponent, '0')}`;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder={example}
      rightSection={<span aria-hidden>{currency}</span>}
      rightSectionWidth={46}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      onBlur={onBlur}
      {...props}
    />
  );
}

/** The problem with a typed amount, as a sentence for a field error; null when it reads fine (or is empty and optional). */
export function moneyProblem(label: string, text: string, exponent: number, optional = false): string | null {
  if (optional && text.trim() === '') return null;
  const parsed = parseMoney(text, exponent);
  return parsed.ok ? null : `${label} ${parsed.problem}`;
}
