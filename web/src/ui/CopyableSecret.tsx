import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './copyable-secret.module.css';

interface Props {
  title: string;
  /** What the secret is for, and why it will not be shown again. */
  children: ReactNode;
  value: string;
  /** Names the value in the copy button, e.g. "New token". */
  valueLabel: string;
  onDone: () => void;
}

/** A secret the server shows once (a token, an invitation link): copy it now or lose it. */
export function CopyableSecret({ title, children, value, valueLabel, onDone }: Props) {
  return (
    <Alert
      variant="light"
      color="yellow"
      title={title}
      icon={<IconAlertTriangle size={20} />}
      classNames={{ root: classes.root, title: classes.title, icon: classes.icon, message: classes.message }}
    >
      <Stack gap="sm">
        <Text size="sm">{children}</Text>
        <Group gap="xs" wrap="nowrap" className={classes.row}>
          <Code block className={classes.value} data-testid="secret-value">
            {value}
          </Code>
          <CopyButton value={value} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  size={38}
                  onClick={copy}
                  aria-label={copied ? 'Copied' : `Copy ${valueLabel.toLowerCase()}`}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
