import type { TokenSummary } from '@atom/contracts';
import { Button, Code, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateText } from '../ui/DateText';
import { ListSkeleton } from '../ui/ListSkeleton';
import { useRevokeToken, useTokens } from './tokens-api';
import classes from './settings.module.css';

function TokenRow({ token, onRevoke }: { token: TokenSummary; onRevoke: () => void }) {
  return (
    <div className={classes.row} data-testid="token-row">
      <div className={classes.rowMain}>
        <Text fw={600} size="sm" c="bright" truncate="end">
          {token.name}
        </Text>
        <Text size="xs" c="dimmed" component="div" className={classes.meta} mt={4}>
          <Code className={classes.prefix}>{token.prefix}…</Code>
          <span>
            Created <DateText iso={token.createdAt} style="date" />
          </span>
          <span aria-hidden>·</span>
          <span>{token.lastUsedAt ? <>Last used <DateText iso={token.lastUsedAt} style="relative" /></> : 'Never used'}</span>
        </Text>
      </div>
      <Button variant="default" size="xs" color="red" onClick={onRevoke} aria-label={`Revoke token ${token.name}`}>
        Revoke
      </Button>
    </div>
  );
}

export function TokenList() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [pending, setPending] = useState<TokenSummary | null>(null);

  return (
    <section aria-labelledby="tokens-heading">
      <Title order={2} size="h3" id="tokens-heading" mb="sm">
        Active tokens
      </Title>
      <Paper withBorder className={classes.rows}>
        {tokens.isPending ? (
          <ListSkeleton rows={2} />
        ) : tokens.data?.items.length ? (
          tokens.data.items.map((token) => <TokenRow key={token.id} token={token} onRevoke={() => setPending(token)} />)
        ) : (
          <Text size="sm" c="dimmed" className={classes.empty}>
            {tokens.isError ? 'Tokens could not be loaded.' : 'No tokens yet. Create one above when a script needs access.'}
          </Text>
        )}
      </Paper>
      <ConfirmDialog
        opened={pending !== null}
        title="Revoke this token?"
        message={`Anything using “${pending?.name ?? ''}” stops working at once. This cannot be undone.`}
        confirmLabel="Revoke token"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) revoke.mutate(pending.id);
          setPending(null);
        }}
      />
    </section>
  );
}
