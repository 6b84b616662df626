import { Center, Loader, Stack } from '@mantine/core';
import { AtomMark } from './AtomMark';

export function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Stack align="center" gap="md">
        <AtomMark size={40} />
        <Loader size="sm" type="dots" aria-label="Loading" />
      </Stack>
    </Center>
  );
}
