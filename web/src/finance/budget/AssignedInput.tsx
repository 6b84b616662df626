import { useState } from 'react';
import { toInputString, parseMoney } from '../money';
import { MoneyInput } from '../MoneyInput';
import classes from './budget.module.css';

interface Props {
  label: string;
  assigned: number;
  currency: string;
  exponent: number;
  onSave: (minor: number) => void;
}

/** The assigned amount, typed in place: saved when the field is left or Enter is pressed; Escape puts it back. */
export function AssignedInput({ label, assigned, currency, exponent, onSave }: Props) {
  const shown = toInputString(assigned, exponent);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  // A save (here or in another tab) replaces what is shown once it lands.
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setText(shown);
  }

  const save = () => {
    const parsed = parseMoney(text.trim() === '' ? '0' : text, exponent);
    if (!parsed.ok) {
      setProblem(`Assigned ${parsed.problem}`);
      return;
    }
    setProblem(null);
    if (parsed.minor !== assigned) onSave(parsed.minor);
    else setText(shown);
  };
  return (
    <MoneyInput
      aria-label={label}
      size="xs"
      className={classes.assignedInput}
      value={text}
      onChange={setText}
      currency={currency}
      exponent={exponent}
      error={problem}
      onBlur={save}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') {
          setText(shown);
          setProblem(null);
        }
      }}
    />
  );
}
