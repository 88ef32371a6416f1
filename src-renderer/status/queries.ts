import { queryOptions } from '@tanstack/react-query';
import type { TillClient } from '../../src-shared/till';
import { valueOf } from '../client';

/** status/get is answered locally, so it is cheap to ask often: part of the 5 s budget for a right status bar (docs/architecture.md, "Offline and sync"). */
export const STATUS_POLL_MS = 1_000;

export const statusKeys = {
  all: ['status'] as const,
};

/** Online or not, this terminal and store, sales waiting to sync: polled while the till runs. */
export function statusQuery(client: TillClient) {
  return queryOptions({
    queryKey: statusKeys.all,
    queryFn: async () => valueOf(await client['status/get']({})),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
  });
}
