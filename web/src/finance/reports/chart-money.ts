import { useExponents } from '../finance-api';
import { formatMoney } from '../money';

/**
 * Charts plot numbers in major units (a bar's height needs no exactness); the labels go back
 * to exact minor units before they are formatted, so what is read is what is stored.
 */
export function useChartMoney(currency: string) {
  const exponents = useExponents();
  const exponent = exponents?.get(currency) ?? 2;
  const scale = 10 ** exponent;
  return {
    ready: exponents !== undefined,
    toMajor: (minor: number) => minor / scale,
    format: (major: number) => formatMoney(Math.round(major * scale), currency, exponent),
    formatMinor: (minor: number) => formatMoney(minor, currency, exponent),
  };
}
