import { queryOptions } from '@tanstack/react-query';
import type { TillClient } from '../../src-shared/till';
import { valueOf } from '../client';

export const STATUS_POLL_MS = 3_000;

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
