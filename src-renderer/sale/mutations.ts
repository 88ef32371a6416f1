import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SaleView, Tender, TillClient, TillResult } from '../../src-shared/till';
import { failureCode, useTillClient, valueOf } from '../client';
import { statusKeys } from '../status/queries';
import { currentSaleQuery, saleKeys } from './queries';

/** Sale commands run one after another, in the order the cashier gave them. */
const SALE_SCOPE = { id: 'sale' };

export const saleMutationKeys = {
  all: ['sale'] as const,
  command: (name: string) => [...saleMutationKeys.all, name] as const,
};

/** The open sale's id when the command runs (not when it was queued: a void may come between). */
async function openSaleId(queryClient: QueryClient, client: TillClient): Promise<string> {
  const sale = await queryClient.query(currentSaleQuery(client));
  return sale.saleId;
}

/** A sale closed elsewhere (its confirm answered late, another window): the open one is asked for again. */
export function forgetClosedSale(queryClient: QueryClient, error: unknown): void {
  const code = failureCode(error);
  if (code === 'sale_not_found' || code === 'sale_already_closed' || code === 'no_open_sale')
    void queryClient.invalidateQueries({ queryKey: saleKeys.current() });
}

type Send<V> = (client: TillClient, saleId: string, variables: V) => Promise<TillResult<SaleView>>;

/** A command that changes the open sale and answers with its whole new view, which goes in the cache. */
function useSaleChange<V>(name: string, send: Send<V>, onView?: (view: SaleView) => void) {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saleMutationKeys.command(name),
    scope: SALE_SCOPE,
    mutationFn: async (variables: V) =>
      valueOf(await send(client, await openSaleId(queryClient, client), variables)),
    onSuccess: (view) => {
      queryClient.setQueryData(saleKeys.current(), view);
      onView?.(view);
    },
    onError: (error) => {
      forgetClosedSale(queryClient, error);
    },
  });
}

export interface ScanVariables {
  readonly code: string;
  /** How many, or the weight in kg of an item sold by weight. */
  readonly quantity?: number | undefined;
}

/**
 * Sends a scan. `scan-submitted` is marked as it leaves; `onPriced` gets that mark's time and
 * the cache's update time once the view for this very scan is in the cache (`useScanTiming`).
 */
export function useScanCode(
  onPriced: (timing: { submittedAt: number; updatedAt: number }) => void,
) {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saleMutationKeys.command('scan'),
    scope: SALE_SCOPE,
    mutationFn: async ({ code, quantity }: ScanVariables) => {
      const saleId = await openSaleId(queryClient, client);
      const mark = performance.mark('scan-submitted', { detail: { code } });
      const input = quantity === undefined ? { saleId, code } : { saleId, code, quantity };
      const view = valueOf(await client['sale/scan'](input));
      return { view, submittedAt: mark.startTime };
    },
    onSuccess: ({ view, submittedAt }) => {
      queryClient.setQueryData(saleKeys.current(), view);
      const updatedAt = queryClient.getQueryState(saleKeys.current())?.dataUpdatedAt ?? Date.now();
      onPriced({ submittedAt, updatedAt });
    },
    onError: (error) => {
      forgetClosedSale(queryClient, error);
    },
  });
}

export const useSetQuantity = () =>
  useSaleChange(
    'set-quantity',
    (client, saleId, { lineId, quantity }: { lineId: string; quantity: number }) =>
      client['sale/set-quantity']({ saleId, lineId, quantity }),
  );

export const useRemoveLine = () =>
  useSaleChange('remove-line', (client, saleId, { lineId }: { lineId: string }) =>
    client['sale/remove-line']({ saleId, lineId }),
  );

export const useRemoveVoucher = () =>
  useSaleChange('remove-voucher', (client, saleId, { ref }: { ref: string }) =>
    client['sale/remove-voucher']({ saleId, ref }),
  );

export const useKeepVoucher = () =>
  useSaleChange(
    'keep-voucher',
    (client, saleId, { voucherKey, keep }: { voucherKey: string; keep: boolean }) =>
      client['sale/keep-voucher']({ saleId, voucherKey, keep }),
  );

export const useActivateVoucher = () =>
  useSaleChange('activate-voucher', (client, saleId, { ref }: { ref: string }) =>
    client['sale/activate-voucher']({ saleId, ref }),
  );

export const useSetCustomer = () =>
  useSaleChange(
    'set-customer',
    (client, saleId, { memberNumber }: { memberNumber: string | null }) =>
      client['sale/set-customer']({ saleId, memberNumber }),
  );

/** Void answers with the next, empty sale; the voided one's locks are released by the till. */
export function useVoidSale() {
  const queryClient = useQueryClient();
  // the basket code rides along in the variables, so that the screen can say which sale it voided
  return useSaleChange<{ readonly basketCode: string }>(
    'void',
    (client, saleId) => client['sale/void']({ saleId }),
    () => void queryClient.invalidateQueries({ queryKey: statusKeys.all }),
  );
}

/**
 * The customer has paid. The receipt goes in the cache under its basket code; the closed
 * sale is dropped and the till's fresh one fetched (`sale/current`) while the receipt shows.
 */
export function useConfirmSale(onConfirmed: (basketCode: string) => void) {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saleMutationKeys.command('confirm'),
    scope: SALE_SCOPE,
    // without tenders a host POS took the payment
    mutationFn: async (
      paid: { readonly tenders: readonly Tender[]; readonly due: number } | null,
    ) => {
      const saleId = await openSaleId(queryClient, client);
      return valueOf(
        await client['sale/confirm'](
          paid ? { saleId, tenders: [...paid.tenders], due: paid.due } : { saleId },
        ),
      );
    },
    onSuccess: (receipt) => {
      queryClient.setQueryData(saleKeys.receipt(receipt.basketCode), receipt);
      queryClient.removeQueries({ queryKey: saleKeys.current(), exact: true });
      queryClient.query(currentSaleQuery(client)).catch(() => {
        // the sale screen asks again when it shows, and says so if the till does not answer
      });
      void queryClient.invalidateQueries({ queryKey: statusKeys.all });
      onConfirmed(receipt.basketCode);
    },
    onError: (error) => {
      forgetClosedSale(queryClient, error);
    },
  });
}

/** What was still to collect on a receipt, paid with one more tender: the receipt comes back updated. */
export function useCollect(basketCode: string) {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: saleMutationKeys.command('collect'),
    mutationFn: async (tender: Tender) =>
      valueOf(await client['receipt/collect']({ basketCode, tender })),
    onSuccess: (receipt) => {
      queryClient.setQueryData(saleKeys.receipt(receipt.basketCode), receipt);
      void queryClient.invalidateQueries({ queryKey: statusKeys.all });
    },
  });
}
