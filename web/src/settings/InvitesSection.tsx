import type { CreatedInvite } from '@atom/contracts';
import { Stack } from '@mantine/core';
import { useUser } from '../app/auth';
import { useState } from 'react';
import { CopyableSecret } from '../ui/CopyableSecret';
import { formatDateTime } from '../ui/format';
import { CreateInviteForm } from './CreateInviteForm';
import { InviteList } from './InviteList';
import { SettingsCard } from './SettingsCard';

export function InvitesSection() {
  const { timeZone } = useUser();
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  return (
    <Stack gap="lg">
      <SettingsCard
        title="Invite people"
        description="New accounts on this server need an invitation. Each link creates one account and expires after a week."
      >
        <Stack gap="md">
          <CreateInviteForm onCreated={setCreated} />
          {created && (
            <CopyableSecret
              title="Copy the invitation link now"
              value={created.url}
              valueLabel="Invitation link"
              onDone={() => setCreated(null)}
            >
              Send this link{created.email ? ` to ${created.email}` : ''}. It works once, until{' '}
              {formatDateTime(created.expiresAt, timeZone)}. You won’t see it again: if you lose it, withdraw it and create a new one.
            </CopyableSecret>
          )}
        </Stack>
      </SettingsCard>
      <InviteList />
    </Stack>
  );
}
