import type { CreatedInvite, CreateInviteInput, Invite, InviteList } from '@atom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { notifySuccess } from '../app/notify';
import { INVITES_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

export type InviteStatus = 'used' | 'pending' | 'expired';

export function inviteStatus(invite: Invite, now: Date = new Date()): InviteStatus {
  if (invite.usedAt) return 'used';
  return new Date(invite.expiresAt) <= now ? 'expired' : 'pending';
}

export function useInvites() {
  return useQuery({ queryKey: INVITES_KEY, queryFn: () => api<InviteList>('GET', '/invites') });
}

export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInviteInput) => api<CreatedInvite>('POST', '/invites', input),
    onSuccess: () => {
      tellOtherTabs.changed(INVITES_KEY);
      return client.invalidateQueries({ queryKey: INVITES_KEY });
    },
    meta: { handlesErrors: true },
  });
}

/** Optimistic, like token revocation: the row goes at once and returns on failure. */
export function useWithdrawInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/invites/${encodeURIComponent(id)}`),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: INVITES_KEY });
      const before = client.getQueryData<InviteList>(INVITES_KEY);
      if (before) client.setQueryData<InviteList>(INVITES_KEY, { items: before.items.filter((i) => i.id !== id) });
      return { before };
    },
    onError: (_error, _id, context) => {
      if (context?.before) client.setQueryData(INVITES_KEY, context.before);
    },
    onSuccess: () => notifySuccess('The link no longer works.', 'Invitation withdrawn'),
    onSettled: () => {
      tellOtherTabs.changed(INVITES_KEY);
      return client.invalidateQueries({ queryKey: INVITES_KEY });
    },
  });
}
