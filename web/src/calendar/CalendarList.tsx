import { ActionIcon, Anchor, Badge, Checkbox, ColorSwatch, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDots, IconDownload, IconLink, IconPencil, IconPlugConnected, IconPlus, IconStar, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { notifyError, notifySuccess } from '../app/notify';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SWATCH_COLOURS } from '../ui/ColourSwatches';
import { useDeleteCalendar, useImportIcs, useUpdateCalendar, type Calendar } from './calendar-api';
import { CalendarDialog } from './CalendarDialog';
import classes from './calendar.module.css';
import { ImportResultDialog, type ImportOutcome } from './ImportResultDialog';

/** The side panel: every calendar with its colour and visibility, and what can be done with each. */
export function CalendarList({ calendars }: { calendars: Calendar[] }) {
  const update = useUpdateCalendar();
  const remove = useDeleteCalendar();
  const importIcs = useImportIcs();
  const fileInput = useRef<HTMLInputElement>(null);
  const importTarget = useRef<Calendar | null>(null);
  const [dialog, setDialog] = useState<{ calendar?: Calendar } | null>(null);
  const [deleting, setDeleting] = useState<Calendar | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const unused = SWATCH_COLOURS.find((c) => !calendars.some((k) => k.color.toLowerCase() === c.value))?.value;

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
    const calendar = importTarget.current;
    if (fileInput.current) fileInput.current.value = '';
    if (!file || !calendar) return;
    const text = await file.text();
    const base = { file: file.name, calendar: calendar.name };
    await importIcs
      .mutateAsync({ calendarId: calendar.id, text })
      .then((result) => setOutcome({ ...base, result }))
      .catch((error: unknown) => setOutcome({ ...base, error }));
  }

  function confirmDelete() {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess(`“${deleting.name}” and its events are gone.`, 'Calendar deleted');
        setDeleting(null);
      },
    });
  }

  return (
    <Stack gap="xs" component="nav" aria-label="Calendars">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">
          Calendars
        </Title>
        <Tooltip label="New calendar">
          <ActionIcon variant="subtle" color="gray" aria-label="New calendar" onClick={() => setDialog({})}>
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <input
        ref={fileInput}
        type="file"
        accept=".ics,text/calendar"
        hidden
        aria-label="Import an .ics file"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {calendars.map((calendar) => (
        <Group key={calendar.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="calendar-row" className={classes.calendarRow}>
          <Checkbox
            checked={calendar.visible}
            onChange={(e) => update.mutate({ id: calendar.id, changes: { visible: e.currentTarget.checked } })}
            color={calendar.color}
            className={classes.calendarCheck}
            label={
              <Group gap={6} wrap="nowrap" miw={0}>
                <ColorSwatch color={calendar.color} size={10} withShadow={false} aria-hidden data-testid="calendar-colour" data-colour={calendar.color} />
                <Text size="sm" truncate title={calendar.name}>
                  {calendar.name}
                </Text>
                {calendar.isDefault && (
                  <Badge size="xs" variant="light" color="gray" className={classes.defaultBadge}>
                    Default
                  </Badge>
                )}
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
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog({ calendar })}>
                Rename or recolour…
              </Menu.Item>
              {!calendar.isDefault && (
                <Menu.Item leftSection={<IconStar size={14} />} onClick={() => update.mutate({ id: calendar.id, changes: { isDefault: true } })}>
                  Make default
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconUpload size={14} />}
                onClick={() => {
                  importTarget.current = calendar;
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
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconTrash size={14} />}
                color="red"
                disabled={calendars.length < 2}
                onClick={() => setDeleting(calendar)}
              >
                Delete…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ))}
      <Anchor component={Link} to="/settings/connections" size="sm" className={classes.connectLink}>
        <IconPlugConnected size={14} aria-hidden /> Connect a CalDAV account
      </Anchor>
      <CalendarDialog opened={dialog !== null} calendar={dialog?.calendar} suggestedColour={unused} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this calendar?"
        message={`“${deleting?.name ?? ''}” and every event in it will be deleted. This cannot be undone.`}
        confirmLabel="Delete calendar"
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
      <ImportResultDialog outcome={outcome} onClose={() => setOutcome(null)} />
    </Stack>
  );
}
