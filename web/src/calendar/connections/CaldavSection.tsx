import { Skeleton, Stack, Text } from '@mantine/core';
import { SettingsCard } from '../../settings/SettingsCard';
import { AddCaldavForm } from './AddCaldavForm';
import { useCaldavConnections } from './caldav-api';
import { ConnectionCard } from './ConnectionCard';

/** Settings → Connections: CalDAV accounts (Fastmail, iCloud, Nextcloud, Radicale…) synced both ways. */
export function CaldavSection() {
  const connections = useCaldavConnections();
  return (
    <Stack gap="lg">
      <SettingsCard
        title="Connect a calendar account"
        description="Atom syncs both ways with any CalDAV server: Fastmail, iCloud, Nextcloud, Radicale and others. Your password is stored encrypted."
      >
        <AddCaldavForm />
      </SettingsCard>
      {connections.isPending && <Skeleton height={160} radius="md" />}
      {connections.isError && (
        <Text size="sm" c="var(--mantine-color-error)">
          Could not load your connections: {connections.error.message}
        </Text>
      )}
      {connections.data?.map((c) => <ConnectionCard key={c.id} connection={c} />)}
    </Stack>
  );
}
