import { Group, Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a list loads, shaped like the rows that will replace them. */
export function ListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Stack gap={0} aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Group key={i} justify="space-between" py="md" px="lg" wrap="nowrap">
          <Stack gap={8} style={{ flex: 1 }}>
            <Skeleton height={12} width="35%" radius="sm" />
            <Skeleton height={10} width="60%" radius="sm" />
          </Stack>
          <Skeleton height={30} width={80} radius="md" />
        </Group>
      ))}
    </Stack>
  );
}
