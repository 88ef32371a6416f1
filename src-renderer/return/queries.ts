import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TillClient } from '../../src-shared/till';
import { useTillClient, valueOf } from '../client';
import { forgetClosedSale } from '../sale/mutations';
import { currentSaleQuery, saleKeys } from '../sale/queries';

export const returnKeys = {
  all: ['return'] as const,
  recent: () => [...returnKeys.all, 'recent'] as const,
};

/** This till's latest sales to return from; a confirm or a sync makes it stale (live updates). */
export function recentSalesQuery(client: TillClient) {
  return queryOptions({
    queryKey: returnKeys.recent(),
    queryFn: async () => valueOf(await client['return/recent']({})),
  });
}

/** A past sale by its number: this till's, or the engine's. */
export function useFindSale() {
  const client = useTillClient();
  return useMutation({
    mutationKey: [...returnKeys.all, 'find'],
    mutationFn: async ({ basketCode }: { basketCode: string }) =>
      valueOf(await client['return/find']({ basketCode })),
  });
}

/** Adds return lines to the open sale; its new view goes in the cache the sale screen reads too. */
export function useAddReturn() {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...returnKeys.all, 'add'],
    scope: { id: 'sale' },
    mutationFn: async (variables: {
      basketCode: string;
      lines: { lineId: string; quantity: number }[];
    }) => {
      const sale = await queryClient.query(currentSaleQuery(client));
      return valueOf(await client['return/add']({ saleId: sale.saleId, ...variables }));
    },
    onSuccess: (view) => {
      queryClient.setQueryData(saleKeys.current(), view);
    },
    onError: (error) => {
      forgetClosedSale(queryClient, error);
    },
  });
}
