import { z } from 'zod';
import {
  addBasketRequestSchema,
  addBasketResultsSchema,
  describeIssues,
  getBasketPriceRequestSchema,
  getBasketPriceResultsSchema,
  honourSyncResultsSchema,
  issuesOf,
  voucherObjectSchema,
  type AddBasketRequest,
  type AddBasketResults,
  type GetBasketPriceRequest,
  type GetBasketPriceResults,
  type HonourSyncResults,
  type WireVoucher,
} from '../../src-shared/wire';
import type { AuthorizedCall } from './session';
import { withValue, type EngineOutcome } from './outcome';

export interface VoucherListQuery {
  /** get-vouchers requires the chain (docs/spaaza-wire.md, "get-vouchers"). */
  readonly chainId: number;
  /** true: only vouchers locked now; false: only unlocked ones. */
  readonly locked?: boolean;
  /** With `locked: true`: only locks held by this store's baskets. */
  readonly storeCode?: string;
  readonly memberNumber?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface VoucherList {
  readonly total: number;
  readonly vouchers: readonly WireVoucher[];
}

/** The Spaaza calls a till makes; the same set serves the terminal's and a manager's session. */
export interface EngineCalls {
  getBasketPrice(request: GetBasketPriceRequest): Promise<EngineOutcome<GetBasketPriceResults>>;
  addBasket(request: AddBasketRequest): Promise<EngineOutcome<AddBasketResults>>;
  getVouchers(query: VoucherListQuery): Promise<EngineOutcome<VoucherList>>;
  unlockVoucher(input: { voucherKey: string; reason: string }): Promise<EngineOutcome<WireVoucher>>;
  syncHonourVouchers(page: {
    cursor: number;
    limit: number;
  }): Promise<EngineOutcome<HonourSyncResults>>;
}

/** get-vouchers names the type `type` (docs/spaaza-wire.md, "get-vouchers"); the shared voucher object wants `voucher_type`. */
const listedVoucherSchema = z.preprocess(
  (entry) =>
    isRecordWithout(entry, 'voucher_type') && 'type' in entry
      ? { ...entry, voucher_type: entry.type }
      : entry,
  voucherObjectSchema,
);

const voucherListResultsSchema = z.looseObject({
  results_count_total: z.number().int().nonnegative(),
  vouchers: z.array(listedVoucherSchema),
});

function isRecordWithout(value: unknown, key: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(key in value);
}

/** A request the sale code built wrongly is a bug in the till, so it throws instead of travelling. */
function checkedRequest<S extends z.ZodType>(callName: string, schema: S, request: unknown) {
  const parsed = schema.safeParse(request);
  if (!parsed.success)
    throw new Error(`${callName} request is invalid: ${describeIssues(issuesOf(parsed.error))}`);
  return parsed.data;
}

export function engineCalls(call: AuthorizedCall): EngineCalls {
  return {
    getBasketPrice: (request) =>
      call(
        'get-basket-price',
        {
          method: 'POST',
          path: '/auth/get-basket-price',
          json: checkedRequest('get-basket-price', getBasketPriceRequestSchema, request),
        },
        getBasketPriceResultsSchema,
      ),

    addBasket: (request) =>
      call(
        'add-basket',
        {
          method: 'POST',
          path: '/auth/add-basket',
          json: checkedRequest('add-basket', addBasketRequestSchema, request),
        },
        addBasketResultsSchema,
      ),

    getVouchers: async (query) => {
      const outcome = await call(
        'get-vouchers',
        {
          method: 'GET',
          path: '/get-vouchers',
          query: {
            chain_id: query.chainId,
            ...(query.locked === undefined ? {} : { locked: query.locked }),
            ...(query.storeCode === undefined ? {} : { store_code: query.storeCode }),
            ...(query.memberNumber === undefined ? {} : { member_number: query.memberNumber }),
            ...(query.limit === undefined ? {} : { number_results: query.limit }),
            ...(query.offset === undefined ? {} : { results_offset: query.offset }),
          },
        },
        voucherListResultsSchema,
      );
      return withValue(outcome, (results) => ({
        total: results.results_count_total,
        vouchers: results.vouchers,
      }));
    },

    unlockVoucher: ({ voucherKey, reason }) =>
      call(
        'unlock-voucher',
        { method: 'PUT', path: '/unlock-voucher', form: { voucher_key: voucherKey, reason } },
        voucherObjectSchema,
      ),

    syncHonourVouchers: ({ cursor, limit }) =>
      call(
        'sync honour vouchers',
        { method: 'GET', path: '/sync/honour-vouchers', query: { cursor, limit } },
        honourSyncResultsSchema,
      ),
  };
}
