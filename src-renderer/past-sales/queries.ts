import { queryOptions } from '@tanstack/react-query';
import type { TillClient, TillInput } from '../../src-shared/till';
import { valueOf } from '../client';

export type PastSaleFilter = Omit<TillInput<'receipt/search'>, 'limit'>;

/**
 * The till's confirmed sales matching `filter`, newest first. Under `['receipt']`, so that a
 * queued sale reaching the engine (`sync-changed`) refreshes the list as it does a receipt.
 */
export function pastSalesQuery(client: TillClient, filter: PastSaleFilter) {
  return queryOptions({
    queryKey: ['receipt', { search: filter }] as const,
    queryFn: async () => valueOf(await client['receipt/search']({ ...filter, limit: 100 })),
  });
}
