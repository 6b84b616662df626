import { TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import classes from '../finance.module.css';

interface Props {
  name: string;
  /** What the name belongs to, for the accessible labels ("Rename category Groceries"). */
  kind: string;
  onRename: (name: string) => void;
  fw?: number;
}

/** A name that becomes a field on click: Enter or leaving the field saves, Escape cancels. */
export function InlineName({ name, kind, onRename, fw }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);

  if (!editing) {
    return (
      <UnstyledButton className={classes.nameButton} fw={fw} fz="sm" onClick={() => { setValue(name); setEditing(true); }} aria-label={`Rename ${kind} ${name}`}>
        {name}
      </UnstyledButton>
    );
  }
  const finish = (save: boolean) => {
    setEditing(false);
    const next = value.trim();
    if (save && next !== '' && next !== name) onRename(next);
  };
  return (
    <TextInput
      size="xs"
      autoFocus
      aria-label={`New name for ${kind} ${name}`}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        }
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        }
      }}
    />
  );
}
