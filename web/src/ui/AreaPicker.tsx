import { ActionIcon, Select, type ComboboxItemGroup } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import shell from './area-shell.module.css';

interface Props {
  /** The select's accessible name, e.g. "Task list". */
  label: string;
  data: ComboboxItemGroup[];
  /** The path shown as chosen (null when the page is none of them). */
  value: string | null;
  /** Names the "+" button, e.g. "New project". */
  newLabel: string;
  /** The dialog the "+" button opens. */
  dialog: (opened: boolean, onClose: () => void) => ReactNode;
}

/** An area's sidebar on a phone: its places as one select above the page, and a "+" beside it. */
export function AreaPicker({ label, data, value, newLabel, dialog }: Props) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className={shell.picker}>
      <Select
        aria-label={label}
        data={data}
        value={value}
        onChange={(v) => {
          if (v) void navigate(v);
        }}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={420}
        className={shell.pickerSelect}
      />
      <ActionIcon variant="default" size={36} onClick={() => setCreating(true)} aria-label={newLabel}>
        <IconPlus size={18} />
      </ActionIcon>
      {dialog(creating, () => setCreating(false))}
    </div>
  );
}
