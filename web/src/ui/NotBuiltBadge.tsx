import { Badge } from '@mantine/core';

/** The plain marker for an area that does not exist yet: no fake data stands in for it. */
export function NotBuiltBadge() {
  return (
    <Badge variant="light" color="gray" radius="sm" size="sm" fw={600} tt="none">
      Not built yet
    </Badge>
  );
}
