import { SegmentedControl, Stack, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { SettingsCard } from './SettingsCard';

function Option({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <Stack gap={4} align="center" py={4}>
      {icon}
      <span>{label}</span>
    </Stack>
  );
}

const options: { value: MantineColorScheme; label: ReactNode }[] = [
  { value: 'light', label: <Option icon={<IconSun size={18} stroke={1.75} />} label="Light" /> },
  { value: 'dark', label: <Option icon={<IconMoon size={18} stroke={1.75} />} label="Dark" /> },
  { value: 'auto', label: <Option icon={<IconDeviceDesktop size={18} stroke={1.75} />} label="Auto" /> },
];

function isScheme(value: string): value is MantineColorScheme {
  return value === 'light' || value === 'dark' || value === 'auto';
}

export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SettingsCard title="Appearance" description="Saved in this browser.">
      <Stack gap="xs" maw={420}>
        <Text size="sm" fw={500} id="scheme-label">
          Theme
        </Text>
        <SegmentedControl
          aria-labelledby="scheme-label"
          fullWidth
          value={colorScheme}
          onChange={(value) => {
            if (isScheme(value)) setColorScheme(value);
          }}
          data={options}
        />
        <Text size="xs" c="dimmed">
          Auto follows your device’s light or dark setting.
        </Text>
      </Stack>
    </SettingsCard>
  );
}
