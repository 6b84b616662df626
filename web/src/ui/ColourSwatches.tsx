import { CheckIcon, ColorSwatch, Group, Text } from '@mantine/core';
import { useId } from 'react';
import classes from './colour-swatches.module.css';

export const SWATCH_COLOURS: { value: string; name: string }[] = [
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

interface Props {
  label: string;
  value: string;
  onChange: (colour: string) => void;
  /** Swatch diameter in px (26 in dialogs, smaller inside menus). */
  size?: number;
}

/** The one palette of coloured things (projects, labels, calendars): a row of colour swatches that behaves as a radio group; a colour set elsewhere shows as an extra swatch. */
export function ColourSwatches({ label, value, onChange, size = 26 }: Props) {
  const labelId = useId();
  const known = SWATCH_COLOURS.some((c) => c.value.toLowerCase() === value.toLowerCase());
  const options = known ? SWATCH_COLOURS : [...SWATCH_COLOURS, { value, name: `Current (${value})` }];
  return (
    <div>
      <Text size="sm" fw={500} mb={6} id={labelId}>
        {label}
      </Text>
      <Group gap={8} role="radiogroup" aria-labelledby={labelId}>
        {options.map((c) => {
          const checked = c.value.toLowerCase() === value.toLowerCase();
          return (
            <ColorSwatch
              key={c.value}
              component="button"
              type="button"
              role="radio"
              aria-checked={checked}
              aria-label={c.name}
              color={c.value}
              size={size}
              className={classes.swatch}
              onClick={() => onChange(c.value)}
            >
              {checked && <CheckIcon width={Math.round(size * 0.42)} color="white" />}
            </ColorSwatch>
          );
        })}
      </Group>
    </div>
  );
}
