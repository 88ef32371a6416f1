import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TillEvent } from '../../src-shared/till';
import type { TillEvents } from '../client';
import { managerKeys } from '../manager/queries';
import { returnKeys } from '../return/queries';
import { saleKeys } from '../sale/queries';
import { statusKeys } from '../status/queries';

/** The queries an announcement makes stale: asked for again at once if a screen shows them. */
export function keysFor(event: TillEvent): readonly (readonly unknown[])[] {
  switch (event.kind) {
    case 'sale-changed':
      return [saleKeys.current(), returnKeys.all];
    case 'sync-changed':
      return [['receipt'], statusKeys.all, returnKeys.all];
    case 'locks-changed':
      return [saleKeys.current(), managerKeys.lockedVouchers(), [...managerKeys.all, 'audit-log']];
    case 'connectivity':
      return [statusKeys.all, saleKeys.current()];
  }
}

function refresh(queryClient: QueryClient, keys: readonly (readonly unknown[])[]): void {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}

/**
 * Follows the till core's announcements while the screens are up: each one makes the queries
 * it names stale, and a channel that is up again (it may have missed some) makes all of them so.
 */
export function useLiveUpdates(events: TillEvents | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!events) return undefined;
    return events({
      onEvent: (event) => {
        refresh(queryClient, keysFor(event));
      },
      onConnected: () => {
        void queryClient.invalidateQueries();
      },
    });
  }, [events, queryClient]);
}

/** Renders nothing: mounts the push channel inside the query client's provider. */
export function LiveUpdates({ events }: { readonly events: TillEvents | null }) {
  useLiveUpdates(events);
  return null;
}
