import { ActionIcon, Checkbox, ColorSwatch, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconDownload, IconLink, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { notifyError, notifySuccess } from '../app/notify';
import { useImportIcs, useUpdateCalendar, type Calendar } from './calendar-api';
import classes from './calendar.module.css';

/** The side panel: every calendar with its colour, a visibility toggle, import, export and feed. */
export function CalendarList({ calendars }: { calendars: Calendar[] }) {
  const update = useUpdateCalendar();
  const importIcs = useImportIcs();
  const fileInput = useRef<HTMLInputElement>(null);
  const importTarget = useRef<string | null>(null);

  async function copyFeed(calendar: Calendar) {
    try {
      const url = calendar.feedUrl ?? (await update.mutateAsync({ id: calendar.id, changes: { feed: 'enable' } })).feedUrl;
      if (!url) return;
      const absolute = new URL(url, window.location.origin).toString();
      await navigator.clipboard.writeText(absolute).catch(() => undefined);
      notifySuccess(absolute, 'Private feed URL copied');
    } catch (error) {
      notifyError(error, 'Could not enable the feed');
    }
  }

  async function onFile(file: File | undefined) {
    const calendarId = importTarget.current;
    if (!file || !calendarId) return;
    const text = await file.text();
    const result = await importIcs.mutateAsync({ calendarId, text }).catch(() => null);
    if (result) notifySuccess(`${result.events} events added, ${result.updated} updated.`, `Imported ${file.name}`);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <Stack gap="xs" component="nav" aria-label="Calendars" className={classes.panel}>
      <Title order={2} size="h5">
        Calendars
      </Title>
      <input
        ref={fileInput}
        type="file"
        accept=".ics,text/calendar"
        hidden
        aria-label="Import an .ics file"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {calendars.map((calendar) => (
        <Group key={calendar.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="calendar-row">
          <Checkbox
            checked={calendar.visible}
            onChange={(e) => update.mutate({ id: calendar.id, changes: { visible: e.currentTarget.checked } })}
            color={calendar.color}
            label={
              <Group gap={6} wrap="nowrap">
                <ColorSwatch color={calendar.color} size={10} withShadow={false} aria-hidden />
                <Text size="sm" truncate>
                  {calendar.name}
                </Text>
              </Group>
            }
            aria-label={`Show ${calendar.name}`}
          />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More for ${calendar.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconUpload size={14} />}
                onClick={() => {
                  importTarget.current = calendar.id;
                  fileInput.current?.click();
                }}
              >
                Import .ics file…
              </Menu.Item>
              <Menu.Item leftSection={<IconDownload size={14} />} component="a" href={`/api/v1/calendars/${calendar.id}/export.ics`} download>
                Export .ics
              </Menu.Item>
              <Menu.Item leftSection={<IconLink size={14} />} onClick={() => void copyFeed(calendar)}>
                Copy private feed URL
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ))}
    </Stack>
  );
}
