import type { AuthConfig, LoginInput, Me, SignupInput, User } from '@atom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './api';
import { AUTH_CONFIG_KEY, ME_KEY } from './query-keys';
import { tellOtherTabs } from './tab-sync';

/** The signed-in user, or null when signed out (a 401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, meta: { silent: true } });
}

/** For screens behind RequireAuth, where a user is guaranteed. */
export function useUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useUser() used outside a signed-in screen');
  return data.user;
}

export function useAuthConfig() {
  return useQuery({
    queryKey: AUTH_CONFIG_KEY,
    queryFn: () => api<AuthConfig>('GET', '/auth/config'),
    staleTime: 0,
  });
}

function useSessionStart() {
  const client = useQueryClient();
  return (user: User) => {
    const me: Me = { user, auth: 'session' };
    client.setQueryData<Me | null>(ME_KEY, me);
    void client.invalidateQueries({ queryKey: AUTH_CONFIG_KEY });
    tellOtherTabs.signedIn();
  };
}

export function useLogin() {
  const start = useSessionStart();
  return useMutation({
    mutationFn: (input: LoginInput) => api<User>('POST', '/auth/login', input),
    onSuccess: start,
    meta: { handlesErrors: true },
  });
}

export function useSignup() {
  const start = useSessionStart();
  return useMutation({
    mutationFn: (input: SignupInput) => api<User>('POST', '/auth/signup', input),
    onSuccess: start,
    meta: { handlesErrors: true },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>('POST', '/auth/logout'),
    onSettled: () => {
      // Signed out locally even if the call failed: the user asked to leave.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      client.setQueryData(ME_KEY, null);
      tellOtherTabs.signedOut();
    },
  });
}
