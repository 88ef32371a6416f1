import { queryOptions } from '@tanstack/react-query';
import type { TillClient } from '../../src-shared/till';
import { valueOf } from '../client';

export const saleKeys = {
  all: ['sale'] as const,
  current: () => [...saleKeys.all, 'current'] as const,
  receipt: (basketCode: string) => ['receipt', basketCode] as const,
};

/** How often the open sale is asked for again while its price is still on its way from the engine. */
export const WAITING_POLL_MS = 500;

/**
 * The open sale. Only the till's sale commands change it, and each answers with the whole
 * view, which the mutations write here: it is never stale by itself, except while it waits
 * for the engine's price (`pricing.state` is `waiting`): then it is asked for again until priced.
 */
export function currentSaleQuery(client: TillClient) {
  return queryOptions({
    queryKey: saleKeys.current(),
    queryFn: async () => valueOf(await client['sale/current']({})),
    staleTime: Infinity,
    refetchInterval: (query) =>
      query.state.data?.pricing.state === 'waiting' ? WAITING_POLL_MS : false,
  });
}

/** A confirmed sale's receipt, as the journal keeps it. */
export function receiptQuery(client: TillClient, basketCode: string) {
  return queryOptions({
    queryKey: saleKeys.receipt(basketCode),
    queryFn: async () => valueOf(await client['receipt/get']({ basketCode })),
    staleTime: Infinity,
  });
}
