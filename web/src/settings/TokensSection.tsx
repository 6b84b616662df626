import type { CreatedToken } from '@atom/contracts';
import { Anchor, Code, Stack } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { CopyableSecret } from '../ui/CopyableSecret';
import { CreateTokenForm } from './CreateTokenForm';
import { SettingsCard } from './SettingsCard';
import { TokenList } from './TokenList';

export function TokensSection() {
  // The secret lives only in this component's memory: leaving the page forgets it for good.
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <Stack gap="lg">
      <SettingsCard
        title="Personal access tokens"
        description={
          <>
            A token lets a script or another app use the Atom API as you. Send it as{' '}
            <Code>Authorization: Bearer &lt;token&gt;</Code>.{' '}
            <Anchor href="/api/docs" target="_blank" rel="noopener" inherit>
              API reference
              <IconExternalLink size={13} style={{ marginInlineStart: 3, verticalAlign: '-1px' }} aria-hidden />
            </Anchor>
          </>
        }
      >
        <Stack gap="md">
          <CreateTokenForm onCreated={setCreated} />
          {created && (
            <CopyableSecret
              title="Copy your new token now"
              value={created.token}
              valueLabel="New token"
              onDone={() => setCreated(null)}
            >
              This is the only time Atom shows the token “{created.name}”. You won’t see it again: if you lose it,
              revoke it and create a new one.
            </CopyableSecret>
          )}
        </Stack>
      </SettingsCard>
      <TokenList />
    </Stack>
  );
}
