import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { notifyError } from './notify';
import { ME_KEY } from './query-keys';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the screen shows this query's error itself (e.g. the session check). */
    queryMeta: { silent?: boolean };
    /** `handlesErrors`: a form shows field errors next to fields and toasts the rest itself. */
    mutationMeta: { handlesErrors?: boolean };
  }
}

/** A 401 on a signed-in call means the session ended (expired, signed out elsewhere). */
function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionLost(error)) {
          client.setQueryData(ME_KEY, null);
          return;
        }
        if (query.meta?.silent !== true) notifyError(error, 'Could not load data');
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isSessionLost(error)) {
          client.setQueryData(ME_KEY, null);
          notifyError(error, 'You have been signed out');
          return;
        }
        if (mutation.meta?.handlesErrors !== true) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
