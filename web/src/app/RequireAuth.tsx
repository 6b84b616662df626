import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageMessage } from '../ui/FullPageMessage';
import { FullPageLoader } from '../ui/FullPageLoader';
import { ApiError } from './api';
import { useMe } from './auth';
import { loginPathFor } from './next-path';

/** Signed-out visitors go to /login and come back to where they were going afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <FullPageMessage
        title="Atom cannot reach its server"
        message={
          me.error instanceof ApiError && me.error.code === 'network_error'
            ? 'You may be offline, or the server may be down. Atom opens again as soon as it can reach it.'
            : me.error.message
        }
        action={{ label: 'Try again', onClick: () => void me.refetch(), loading: me.isFetching }}
      />
    );
  }
  if (!me.data) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  return children;
}
