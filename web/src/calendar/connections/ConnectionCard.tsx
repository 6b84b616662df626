import { Alert, Badge, Button, Card, Checkbox, ColorSwatch, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconListDetails, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../app/api';
import { notifyError } from '../../app/notify';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateText } from '../../ui/DateText';
import { useCalendars } from '../calendar-api';
import { useDeleteCaldav, useSyncCaldav, useUpdateCaldav, type CaldavConnection, type CaldavSyncResult } from './caldav-api';
import classes from './connections.module.css';
import { SyncLog } from './SyncLog';
import { SyncSettings } from './SyncSettings';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function describeResult(r: CaldavSyncResult): string {
  const side = (c: CaldavSyncResult['pulled']) => `${c.created} new, ${c.updated} changed, ${c.deleted} removed`;
  const extra = [r.conflicts ? `${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'}` : '', r.errors ? `${r.errors} error${r.errors === 1 ? '' : 's'}` : ''].filter(Boolean);
  return [`From the server: ${side(r.pulled)}`, `To the server: ${side(r.pushed)}`, ...extra].join(' · ');
}

/** One CalDAV account: its health, which of its calendars sync, "Sync now", the log, and disconnecting. */
export function ConnectionCard({ connection }: { connection: CaldavConnection }) {
  const update = useUpdateCaldav();
  const sync = useSyncCaldav();
  const remove = useDeleteCaldav();
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [lastResult, setLastResult] = useState<CaldavSyncResult | null>(null);
  const localCalendars = useCalendars();
  const colourOf = (id: string | null) => localCalendars.data?.find((k) => k.id === id)?.color;
  // Task-only lists (VTODO) are chosen under Tasks below.
  const calendars = connection.calendars.filter((c) => c.components.length === 0 || c.components.includes('VEVENT'));
  // Shown as chosen at once (set in the click itself); the server's answer (a new Atom calendar) follows.
  const [choice, setChoice] = useState<{ remoteUrl: string; sync: boolean } | null>(null);
  const anySyncing = calendars.some((c) => c.syncing);

  function toggle(remoteUrl: string, on: boolean) {
    setChoice({ remoteUrl, sync: on });
    update.mutate(
      { id: connection.id, changes: { calendars: [{ remoteUrl, sync: on }] } },
      { onError: (e) => notifyError(e, 'Could not change the calendar'), onSettled: () => setChoice(null) },
    );
  }

  function syncNow() {
    setLastResult(null);
    sync.mutate(connection.id, { onSuccess: setLastResult, onError: (e) => notifyError(e, 'Sync failed') });
  }

  return (
    <Card component="article" aria-label={`CalDAV account ${connection.username} at ${hostOf(connection.url)}`} data-testid="caldav-connection">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Text fw={600} c="bright" truncate title={connection.url}>
              {hostOf(connection.url)}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {connection.username}
              {connection.lastSyncAt && (
                <>
                  {' · last synced '}
                  <DateText iso={connection.lastSyncAt} style="relative" />
                </>
              )}
            </Text>
          </Stack>
          <Badge
            variant="light"
            color={connection.status === 'ok' ? 'teal' : 'red'}
            radius="sm"
            tt="none"
            className={classes.status}
            data-testid="caldav-status"
          >
            {connection.status === 'ok' ? 'Connected' : 'Sync failing'}
          </Badge>
        </Group>

        {connection.status === 'error' && <ErrorNotice connection={connection} />}

        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Calendars to sync
          </Text>
          {calendars.length === 0 && (
            <Text size="sm" c="dimmed">
              This account has no event calendars.
            </Text>
          )}
          {calendars.map((c) => (
            <Checkbox
              key={c.remoteUrl}
              checked={choice?.remoteUrl === c.remoteUrl ? choice.sync : c.syncing}
              disabled={choice?.remoteUrl === c.remoteUrl}
              onChange={(e) => toggle(c.remoteUrl, e.currentTarget.checked)}
              label={
                <Group gap={6} wrap="nowrap">
                  <ColorSwatch color={colourOf(c.localCalendarId) ?? c.color ?? 'var(--mantine-color-gray-5)'} size={10} withShadow={false} aria-hidden />
                  <span>{c.displayName || c.remoteUrl}</span>
                </Group>
              }
              description={c.syncing ? (c.lastSyncAt ? <>Last synced <DateText iso={c.lastSyncAt} style="relative" /></> : 'Not synced yet') : undefined}
            />
          ))}
        </Stack>

        <SyncSettings connection={connection} />

        {sync.isPending && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">Syncing with {hostOf(connection.url)}…</Text>
            <Progress value={100} animated striped size="sm" aria-label="Syncing" />
          </Stack>
        )}
        {!sync.isPending && lastResult && (
          <Text size="sm" c={lastResult.errors ? 'var(--mantine-color-error)' : 'dimmed'} data-testid="caldav-result" aria-live="polite">
            {describeResult(lastResult)}
          </Text>
        )}

        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Button leftSection={<IconRefresh size={16} />} onClick={syncNow} loading={sync.isPending} disabled={!anySyncing && !connection.taskCalendar}>
              Sync now
            </Button>
            <Button variant="default" leftSection={<IconListDetails size={16} />} onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
              {showLog ? 'Hide sync log' : 'Sync log'}
            </Button>
          </Group>
          <Button variant="subtle" color="red" leftSection={<IconPlugConnectedX size={16} />} onClick={() => setConfirming(true)}>
            Disconnect
          </Button>
        </Group>
        {!connection.lastSyncAt && (
          <Text size="xs" c="dimmed">
            Never synced yet: tick the calendars you want, then Sync now.
          </Text>
        )}
        {showLog && <SyncLog connectionId={connection.id} />}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Disconnect this account?"
        message="Atom stops syncing with it. The calendars it filled stay in Atom as local calendars."
        confirmLabel="Disconnect"
        loading={remove.isPending}
        onConfirm={() => remove.mutate(connection.id, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </Card>
  );
}

/** The last error, and a way to fix the usual cause: a changed password. */
function ErrorNotice({ connection }: { connection: CaldavConnection }) {
  const update = useUpdateCaldav();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return;
    update.mutate(
      { id: connection.id, changes: { password } },
      {
        onSuccess: () => setPassword(''),
        onError: (e) => setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : String(e)),
      },
    );
  }

  return (
    <Alert variant="light" color="red" icon={<IconAlertCircle size={18} />} title="The last sync failed" data-testid="caldav-error">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {connection.lastError ?? 'Unknown error'}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Atom retries by itself. If the password changed, enter the new one:
      </Text>
      <form onSubmit={submit} aria-label="New password" className={classes.passwordForm}>
        <PasswordInput
          aria-label="New password"
          placeholder="New password"
          size="xs"
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          className={classes.passwordField}
        />
        <Button type="submit" size="xs" variant="light" color="red" loading={update.isPending}>
          Save password
        </Button>
      </form>
    </Alert>
  );
}
