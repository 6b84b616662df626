import { useEffect } from 'react';

/**
 * `/` searches. By default it opens the command palette; a page with a search of its own
 * (the task search) claims the key while it is mounted.
 */
let claimed: (() => void) | null = null;

export function usePageSearch(handler: () => void): void {
  useEffect(() => {
    claimed = handler;
    return () => {
      if (claimed === handler) claimed = null;
    };
  }, [handler]);
}

/** Runs the page's own search if one is mounted; false when there is none. */
export function runPageSearch(): boolean {
  if (!claimed) return false;
  claimed();
  return true;
}
