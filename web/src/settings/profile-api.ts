import type { ChangePasswordInput, Me, UpdateProfileInput, User } from '@atom/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { ME_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProfileInput) => api<User>('PATCH', '/me', input),
    onSuccess: (user) => {
      client.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user } : me));
      tellOtherTabs.changed(ME_KEY);
    },
    meta: { handlesErrors: true },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api<undefined>('POST', '/me/password', input),
    meta: { handlesErrors: true },
  });
}
