import { Badge, Group, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { DateText } from '../../ui/DateText';
import { useCaldavLog } from './caldav-api';
import classes from './connections.module.css';

const kindColour = { conflict: 'yellow', error: 'red', info: 'gray' } as const;

/** Conflicts and errors of past syncs, newest first. */
export function SyncLog({ connectionId }: { connectionId: string }) {
  const log = useCaldavLog(connectionId, true);
  if (log.isPending) return <Skeleton height={60} radius="sm" />;
  if (log.isError) return <Text size="sm" c="var(--mantine-color-error)">Could not load the sync log: {log.error.message}</Text>;
  if (log.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" className={classes.logEmpty} data-testid="caldav-log">
        Nothing to report: no conflicts or errors so far.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={260} type="auto" className={classes.log} data-testid="caldav-log">
      <Stack gap={0}>
        {log.data.map((entry) => (
          <div key={entry.id} className={classes.logRow}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Badge size="xs" variant="light" color={kindColour[entry.kind]} radius="sm">
                {entry.kind}
              </Badge>
              <Text size="xs" c="dimmed">
                <DateText iso={entry.at} style="relative" />
              </Text>
            </Group>
            <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
              {entry.message}
            </Text>
            {entry.href && (
              <Text size="xs" c="dimmed" truncate title={entry.href}>
                {entry.href}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
