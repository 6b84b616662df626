import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <PageHeader title="Page not found" description="There is no page at this address. It may have moved, or the link is mistyped." />
      <Text size="sm" c="dimmed">
        Use the navigation, or press Ctrl K to search.
      </Text>
      <Button component={Link} to="/" variant="default">
        Go home
      </Button>
    </Stack>
  );
}
