import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { AtomMark } from './AtomMark';

interface Props {
  title: string;
  message: string;
  action?: { label: string; onClick: () => void; loading?: boolean };
}

export function FullPageMessage({ title, message, action }: Props) {
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <AtomMark size={40} />
        <Title order={1} size="h2" mt="sm">
          {title}
        </Title>
        <Text c="dimmed">{message}</Text>
        {action && (
          <Button mt="sm" onClick={action.onClick} loading={action.loading}>
            {action.label}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
