import type { Invite } from '@atom/contracts';
import { Badge, Button, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateText } from '../ui/DateText';
import { ListSkeleton } from '../ui/ListSkeleton';
import { inviteStatus, useInvites, useWithdrawInvite, type InviteStatus } from './invites-api';
import classes from './settings.module.css';

const statusBadge: Record<InviteStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'indigo' },
  used: { label: 'Used', color: 'teal' },
  expired: { label: 'Expired', color: 'gray' },
};

function InviteRow({ invite, onWithdraw }: { invite: Invite; onWithdraw: () => void }) {
  const status = inviteStatus(invite);
  const badge = statusBadge[status];
  const who = invite.email ?? 'Anyone with the link';
  return (
    <div className={classes.row} data-testid="invite-row">
      <div className={classes.rowMain}>
        <div className={classes.titleLine}>
          <Text fw={600} size="sm" c="bright" truncate="end">
            {who}
          </Text>
          <Badge variant="dot" color={badge.color} radius="sm" tt="none" size="sm" className={classes.status}>
            {badge.label}
          </Badge>
        </div>
        <Text size="xs" c="dimmed" component="div" className={classes.meta} mt={4}>
          <span>
            Created <DateText iso={invite.createdAt} style="date" />
          </span>
          <span aria-hidden>·</span>
          {status === 'used' && invite.usedAt ? (
            <span>
              Used <DateText iso={invite.usedAt} style="relative" />
            </span>
          ) : (
            <span>
              {status === 'expired' ? 'Expired' : 'Expires'} <DateText iso={invite.expiresAt} style="relative" />
            </span>
          )}
        </Text>
      </div>
      {status !== 'used' && (
        <Button variant="default" size="xs" onClick={onWithdraw} aria-label={`Withdraw invitation for ${who}`}>
          {status === 'expired' ? 'Remove' : 'Withdraw'}
        </Button>
      )}
    </div>
  );
}

export function InviteList() {
  const invites = useInvites();
  const withdraw = useWithdrawInvite();
  const [pending, setPending] = useState<Invite | null>(null);

  return (
    <section aria-labelledby="invites-heading">
      <Title order={2} size="h3" id="invites-heading" mb="sm">
        Invitations
      </Title>
      <Paper withBorder className={classes.rows}>
        {invites.isPending ? (
          <ListSkeleton rows={2} />
        ) : invites.data?.items.length ? (
          invites.data.items.map((invite) => (
            <InviteRow key={invite.id} invite={invite} onWithdraw={() => setPending(invite)} />
          ))
        ) : (
          <Text size="sm" c="dimmed" className={classes.empty}>
            {invites.isError ? 'Invitations could not be loaded.' : 'No invitations yet.'}
          </Text>
        )}
      </Paper>
      <ConfirmDialog
        opened={pending !== null}
        title="Withdraw this invitation?"
        message="The link stops working at once. You can create a new one at any time."
        confirmLabel="Withdraw"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) withdraw.mutate(pending.id);
          setPending(null);
        }}
      />
    </section>
  );
}
