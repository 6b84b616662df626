import { CheckIcon, ColorSwatch, Group, Text } from '@mantine/core';
import { useId } from 'react';

/** The palette every coloured thing (projects, labels, calendars) picks from. */
export const PALETTE: { value: string; name: string }[] = [
  { value: '#4c6ef5', name: 'Indigo' },
  { value: '#228be6', name: 'Blue' },
  { value: '#15aabf', name: 'Cyan' },
  { value: '#12b886', name: 'Teal' },
  { value: '#40c057', name: 'Green' },
  { value: '#fab005', name: 'Yellow' },
  { value: '#fd7e14', name: 'Orange' },
  { value: '#fa5252', name: 'Red' },
  { value: '#e64980', name: 'Pink' },
  { value: '#7950f2', name: 'Violet' },
  { value: '#868e96', name: 'Grey' },
];

/** A radio group of colour swatches: arrow-free, each swatch a button with its colour's name. */
export function ColorPicker({ value, onChange, label = 'Colour', size = 26 }: { value: string; onChange: (color: string) => void; label?: string; size?: number }) {
  const labelId = useId();
  return (
    <div>
      <Text size="sm" fw={500} mb={6} id={labelId}>
        {label}
      </Text>
      <Group gap={8} role="radiogroup" aria-labelledby={labelId}>
        {PALETTE.map((c) => (
          <ColorSwatch
            key={c.value}
            component="button"
            type="button"
            role="radio"
            aria-checked={value.toLowerCase() === c.value}
            aria-label={c.name}
            color={c.value}
            size={size}
            style={{ cursor: 'pointer', color: 'white' }}
            onClick={() => onChange(c.value)}
          >
            {value.toLowerCase() === c.value && <CheckIcon width={Math.round(size * 0.42)} color="white" />}
          </ColorSwatch>
        ))}
      </Group>
    </div>
  );
}
