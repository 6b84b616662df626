import type { CreatedToken, CreateTokenInput, TokenList } from '@atom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { notifySuccess } from '../app/notify';
import { TOKENS_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

export function useTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api<TokenList>('GET', '/tokens') });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => api<CreatedToken>('POST', '/tokens', input),
    onSuccess: () => {
      tellOtherTabs.changed(TOKENS_KEY);
      return client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    meta: { handlesErrors: true },
  });
}

/** Optimistic: the row disappears at once and comes back if the server refuses. */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/tokens/${encodeURIComponent(id)}`),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: TOKENS_KEY });
      const before = client.getQueryData<TokenList>(TOKENS_KEY);
      if (before) client.setQueryData<TokenList>(TOKENS_KEY, { items: before.items.filter((t) => t.id !== id) });
      return { before };
    },
    onError: (_error, _id, context) => {
      if (context?.before) client.setQueryData(TOKENS_KEY, context.before);
    },
    onSuccess: () => notifySuccess('Scripts using it can no longer sign in.', 'Token revoked'),
    onSettled: () => {
      tellOtherTabs.changed(TOKENS_KEY);
      return client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
}
