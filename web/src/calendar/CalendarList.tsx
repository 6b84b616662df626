import { ActionIcon, Anchor, Badge, Checkbox, ColorSwatch, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDots, IconDownload, IconLink, IconPencil, IconPlugConnected, IconPlus, IconRefresh, IconRss, IconStar, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { notifyError, notifySuccess } from '../app/notify';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SWATCH_COLOURS } from '../ui/ColourSwatches';
import { formatRelative } from '../ui/format';
import { useDeleteCalendar, useImportIcs, useRefreshSubscription, useUpdateCalendar, type Calendar } from './calendar-api';
import { CalendarDialog } from './CalendarDialog';
import classes from './calendar.module.css';
import { ImportResultDialog, type ImportOutcome } from './ImportResultDialog';
import { SubscribeDialog } from './SubscribeDialog';

function feedStatus(calendar: Calendar): string {
  const feed = calendar.subscription;
  if (!feed) return '';
  if (feed.lastError) return `Subscribed; the last refresh failed: ${feed.lastError}`;
  return feed.lastRefreshedAt ? `Subscribed; refreshed ${formatRelative(feed.lastRefreshedAt)}` : 'Subscribed';
}

/** The side panel: every calendar with its colour and visibility, and what can be done with each. */
export function CalendarList({ calendars }: { calendars: Calendar[] }) {
  const update = useUpdateCalendar();
  const remove = useDeleteCalendar();
  const importIcs = useImportIcs();
  const fileInput = useRef<HTMLInputElement>(null);
  const importTarget = useRef<Calendar | null>(null);
  const [dialog, setDialog] = useState<{ calendar?: Calendar } | null>(null);
  const [deleting, setDeleting] = useState<Calendar | null>(null);
  const [subscribing, setSubscribing] = useState(false);
  const refreshFeed = useRefreshSubscription();
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
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label="Add a calendar">
              <ActionIcon variant="subtle" color="gray" aria-label="Add a calendar">
                <IconPlus size={16} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => setDialog({})}>
              New calendar…
            </Menu.Item>
            <Menu.Item leftSection={<IconRss size={14} />} onClick={() => setSubscribing(true)}>
              Subscribe to a URL…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
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
                {calendar.subscription && (
                  <Tooltip label={feedStatus(calendar)} multiline w={240}>
                    <IconRss
                      size={13}
                      aria-label={feedStatus(calendar)}
                      data-testid="subscription-icon"
                      color={calendar.subscription.lastError ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-dimmed)'}
                    />
                  </Tooltip>
                )}
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
              {calendar.subscription && (
                <Menu.Item
                  leftSection={<IconRefresh size={14} />}
                  onClick={() =>
                    refreshFeed.mutate(calendar.id, {
                      onSuccess: (r) =>
                        r.status === 'failed'
                          ? notifyError(new Error(r.error ?? 'The feed could not be read'), `Could not refresh “${calendar.name}”`)
                          : notifySuccess(r.status === 'unchanged' ? 'Nothing changed in the feed.' : `${r.created} added, ${r.updated} changed, ${r.deleted} removed.`, `Refreshed “${calendar.name}”`),
                    })
                  }
                >
                  Refresh now
                </Menu.Item>
              )}
              {!calendar.isDefault && !calendar.readOnly && (
                <Menu.Item leftSection={<IconStar size={14} />} onClick={() => update.mutate({ id: calendar.id, changes: { isDefault: true } })}>
                  Make default
                </Menu.Item>
              )}
              <Menu.Divider />
              {!calendar.readOnly && (
                <Menu.Item
                  leftSection={<IconUpload size={14} />}
                  onClick={() => {
                    importTarget.current = calendar;
                    fileInput.current?.click();
                  }}
                >
                  Import .ics file…
                </Menu.Item>
              )}
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
                {calendar.subscription ? 'Unsubscribe…' : 'Delete…'}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      ))}
      <Anchor component={Link} to="/settings/connections" size="sm" className={classes.connectLink}>
        <IconPlugConnected size={14} aria-hidden /> Connect a CalDAV account
      </Anchor>
      <SubscribeDialog opened={subscribing} onClose={() => setSubscribing(false)} suggestedColour={unused} />
      <CalendarDialog opened={dialog !== null} calendar={dialog?.calendar} suggestedColour={unused} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={deleting?.subscription ? 'Unsubscribe from this calendar?' : 'Delete this calendar?'}
        message={
          deleting?.subscription
            ? `“${deleting.name}” and its events leave Atom. The feed itself is not touched; you can subscribe again.`
            : `“${deleting?.name ?? ''}” and every event in it will be deleted. This cannot be undone.`
        }
        confirmLabel={deleting?.subscription ? 'Unsubscribe' : 'Delete calendar'}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
      <ImportResultDialog outcome={outcome} onClose={() => setOutcome(null)} />
    </Stack>
  );
}
