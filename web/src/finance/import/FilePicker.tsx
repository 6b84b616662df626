import { Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import classes from './import.module.css';

/** A drop area that is also a label for the file input: click, keyboard or drag a file onto it. */
export function FilePicker({ onFile, fileName }: { onFile: (file: File) => void; fileName: string | null }) {
  const [over, setOver] = useState(false);
  return (
    <label
      className={classes.drop}
      data-over={over || undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <IconFileUpload size={34} stroke={1.5} aria-hidden />
      <Text fw={600} c="bright">
        {fileName ?? 'Drop a bank file here, or browse'}
      </Text>
      <Text size="sm" c="dimmed">
        {fileName ? 'Drop or choose another file to replace it' : 'OFX, QFX, QIF, CSV or camt.053 — up to a few megabytes'}
      </Text>
      <input
        type="file"
        aria-label="Bank file"
        className={classes.fileInput}
        accept=".ofx,.qfx,.qif,.csv,.txt,.xml"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
