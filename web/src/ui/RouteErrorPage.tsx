import { useRouteError } from 'react-router';
import { FullPageMessage } from './FullPageMessage';

/** Last line of defence: a render error shows a way out instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <FullPageMessage
      title="Something broke on this page"
      message="Atom ran into an unexpected problem. Reloading usually helps; if it keeps happening, the browser console has the details."
      action={{ label: 'Reload', onClick: () => window.location.reload() }}
    />
  );
}
