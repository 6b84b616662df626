import { useNavigate } from 'react-router';
import { useLogout } from '../auth';

/** Logs out, then shows the login page (shared by the user menu and the command palette). */
export function useSignOut(): () => void {
  const logout = useLogout();
  const navigate = useNavigate();
  return () => {
    // mutateAsync settles even though the shell unmounts as soon as the session is gone;
    // the final navigation drops the `?next=` that the signed-out redirect would add.
    void logout
      .mutateAsync()
      .catch(() => undefined)
      .finally(() => void navigate('/login', { replace: true }));
  };
}
