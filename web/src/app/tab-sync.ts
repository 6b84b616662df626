import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ME_KEY } from './query-keys';

/**
 * Other open tabs of Atom hear about changes made here (a token created, a sign-out) and
 * refresh, so lists stay live without polling. Same-origin only, by design of BroadcastChannel.
 */
type TabMessage = { type: 'invalidate'; key: QueryKey } | { type: 'signed-out' } | { type: 'signed-in' };

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('atom-tabs');

function post(message: TabMessage): void {
  channel?.postMessage(message);
}

export const tellOtherTabs = {
  changed: (key: QueryKey) => post({ type: 'invalidate', key }),
  signedOut: () => post({ type: 'signed-out' }),
  signedIn: () => post({ type: 'signed-in' }),
};

export function useTabSync(client: QueryClient): void {
  useEffect(() => {
    if (!channel) return;
    const onMessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (message.type === 'invalidate') void client.invalidateQueries({ queryKey: message.key });
      if (message.type === 'signed-in') void client.invalidateQueries({ queryKey: ME_KEY });
      if (message.type === 'signed-out') {
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        client.setQueryData(ME_KEY, null);
      }
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [client]);
}
