import { z } from 'zod';
import { toMajorUnits } from '../../src-shared/money';
import {
  addBasketPaymentAnswerSchema,
  describeIssues,
  getBasketPriceRequestSchema,
  issuesOf,
} from '../../src-shared/wire';
import type { SaleState } from '../sale/sale-state';
import { basketPriceRequest, type BasketPayment, type TillIdentity } from './basket-request';
import type { EncodedAddBasket } from './encoded-add-basket';
import {
  pricedBasketSchema,
  storedBasketSchema,
  type EngineBasket,
  type StoredBasket,
} from './engine-basket';
import { engineVoucherSchema, type EngineVoucher } from './engine-voucher';
import { oneReceiptSchema, type EngineReceipt } from './engine-receipt';
import { honourFeedSchema, signedFeedAnswerOf, type HonourFeedPage } from './honour-feed';
import { auditBatchBody, auditHeldSchema, type AuditHeld, type AuditLink } from './till-audit';
import {
  acknowledgedConflictSchema,
  conflictReportBody,
  reportedConflictsSchema,
  storeConflictsSchema,
  type FoundConflict,
  type StoreConflict,
} from './sync-conflicts';
import type { CallLimit } from './http-transport';
import { resultsOnly, type AnsweredCall } from './session';
import { withValue, type EngineOutcome } from './outcome';
import { refusedCard, withoutCard } from './unknown-card';

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
  readonly vouchers: readonly EngineVoucher[];
}

const rewardPoolsSchema = z
  .looseObject({
    pools: z.array(
      z.looseObject({
        campaign_id: z.number().int(),
        title: z.string(),
        total: z.number().int().nonnegative(),
        unused: z.number().int().nonnegative(),
        threshold: z.number().int().nonnegative().nullable(),
        low: z.boolean(),
      }),
    ),
  })
  .transform(({ pools }) =>
    pools.map((pool) => ({
      campaignId: pool.campaign_id,
      title: pool.title,
      total: pool.total,
      unused: pool.unused,
      threshold: pool.threshold,
      low: pool.low,
    })),
  );

/** A POOL reward of the chain and how many of its codes are left (`GET /reward-pools`). */
export type RewardPool = z.output<typeof rewardPoolsSchema>[number];

/** Limits of their own for the calls of one purpose, in milliseconds. */
export interface CallTimeouts {
  /** get-basket-price. */
  readonly pricingMs?: number;
  /** add-basket. */
  readonly confirmMs?: number;
  /** The honour-voucher feed. */
  readonly syncMs?: number;
  /** /healthz. */
  readonly probeMs?: number;
}

/** The Spaaza calls a till makes; the same set serves the terminal's and a manager's session. */
export interface EngineCalls {
  /**
   * Prices the sale as it stands, locking its vouchers to its basket. An older engine's refusal
   * of the card is answered as it came: the till core offers to sell without it. `limit`: another wait than `pricingMs` (the diagnostics' own).
   * `keepLockEnds`: a recheck of a sale that did not change, which renews none of its locks.
   */
  getBasketPrice(
    sale: SaleState,
    till: TillIdentity,
    limit?: CallLimit,
    keepLockEnds?: boolean,
  ): Promise<EngineOutcome<EngineBasket>>;
  /**
   * Sends a confirmed sale's add-basket as it was encoded: at the cashier's confirm, or from the
   * outbox. An older engine's refusal of the card is answered by sending it without (`unknown-card.ts`).
   */
  addBasket(
    basket: EncodedAddBasket,
    purpose?: 'confirm' | 'sync',
  ): Promise<EngineOutcome<StoredBasket>>;
  /**
   * One more payment on a stored basket, at `position` of its payments (docs/spaaza-wire.md,
   * "Our additions"): what a till collected after add-basket left a voucher unredeemed.
   */
  addBasketPayment(input: {
    basketCode: string;
    currency: string;
    position: number;
    payment: BasketPayment;
  }): Promise<EngineOutcome<{ replayed: boolean }>>;
  getVouchers(query: VoucherListQuery): Promise<EngineOutcome<VoucherList>>;
  /** A stored basket of the chain by its code, to return from (`GET /get-receipts`); null when there is none. */
  findReceipt(basketCode: string): Promise<EngineOutcome<EngineReceipt | null>>;
  unlockVoucher(input: {
    voucherKey: string;
    reason: string;
  }): Promise<EngineOutcome<EngineVoucher>>;
  /**
   * Activates (claims) a voucher for the sale's member, or for its own member when the sale
   * has none (docs/spaaza-wire.md, "Our additions").
   */
  claimVoucher(input: {
    voucherKey: string;
    memberNumber: string | null;
  }): Promise<EngineOutcome<EngineVoucher>>;
  /** The chain's reward pools and their stock; a manager's session (docs/wll-face.md, "Reward codes"). */
  getRewardPools(): Promise<EngineOutcome<RewardPool[]>>;
  /** A page of the honour-voucher feed, not yet verified: its `signed` is checked before use. */
  syncHonourVouchers(page: {
    cursor: number;
    limit: number;
  }): Promise<EngineOutcome<HonourFeedPage>>;
  /** Sends audit entries the engine does not hold yet (docs/spaaza-wire.md, "Our additions"). */
  sendTillAudit(batch: {
    tillId: string;
    links: readonly AuditLink[];
  }): Promise<EngineOutcome<AuditHeld>>;
  /** Reports conflicts the till's sync found; the engine keeps each once (docs/spaaza-wire.md, "Our additions"). */
  reportSyncConflicts(report: {
    tillId: string;
    conflicts: readonly FoundConflict[];
  }): Promise<EngineOutcome<StoreConflict[]>>;
  /** The store's open and lately acknowledged sync conflicts; a manager's session. */
  listSyncConflicts(storeCode: string): Promise<EngineOutcome<StoreConflict[]>>;
  /** A manager's acknowledgement of one of the store's sync conflicts, with a note. */
  acknowledgeSyncConflict(input: {
    id: number;
    note: string;
  }): Promise<EngineOutcome<StoreConflict>>;
}

/** get-vouchers names the type `type` (docs/spaaza-wire.md, "get-vouchers"); the shared voucher object wants `voucher_type`. */
const listedVoucherSchema = z.preprocess(
  (entry) =>
    isRecordWithout(entry, 'voucher_type') && 'type' in entry
      ? { ...entry, voucher_type: entry.type }
      : entry,
  engineVoucherSchema,
);

const voucherListResultsSchema = z.looseObject({
  results_count_total: z.number().int().nonnegative(),
  vouchers: z.array(listedVoucherSchema),
});

function isRecordWithout(value: unknown, key: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(key in value);
}

/** A request the sale code built wrongly is a bug in the till, so it throws instead of travelling. */
function checkedPriceRequest(sale: SaleState, till: TillIdentity, keepLockEnds: boolean) {
  const parsed = getBasketPriceRequestSchema.safeParse(
    basketPriceRequest(sale, till, keepLockEnds),
  );
  if (!parsed.success)
    throw new Error(
      `get-basket-price request is invalid: ${describeIssues(issuesOf(parsed.error))}`,
    );
  return parsed.data;
}

/** A purpose's limit as a call takes it; none, and the transport's own applies. */
export const ownLimit = (timeoutMs: number | undefined): CallLimit =>
  timeoutMs === undefined ? {} : { timeoutMs };

export function engineCalls(answered: AnsweredCall, timeouts: CallTimeouts): EngineCalls {
  const call = resultsOnly(answered);
  return {
    getBasketPrice: async (
      sale,
      till,
      limit = ownLimit(timeouts.pricingMs),
      keepLockEnds = false,
    ) => {
      // a refused card comes back as refused: the cashier chooses to sell without it (sale-pricing.ts)
      return call(
        'get-basket-price',
        {
          method: 'POST',
          path: '/auth/get-basket-price',
          json: checkedPriceRequest(sale, till, keepLockEnds),
          ...limit,
        },
        pricedBasketSchema(till.currency),
      );
    },

    addBasket: async (basket, purpose = 'confirm') => {
      const send = (encoded: EncodedAddBasket) =>
        call(
          'add-basket',
          {
            method: 'POST',
            path: '/auth/add-basket',
            json: encoded.body(),
            ...ownLimit(purpose === 'confirm' ? timeouts.confirmMs : timeouts.syncMs),
          },
          storedBasketSchema(encoded.currency),
        );
      const outcome = await send(basket);
      const card = refusedCard(outcome);
      const anonymous = card === null ? null : basket.withoutMember();
      if (card === null || anonymous === null || basket.memberNumber === null) return outcome;
      return withoutCard(await send(anonymous), card, basket.memberNumber);
    },

    addBasketPayment: async ({ basketCode, currency, position, payment }) => {
      const outcome = await call(
        'add-basket-payment',
        {
          method: 'POST',
          path: '/auth/add-basket-payment',
          json: {
            retailer_basket_code: basketCode,
            payment_position: position,
            payment_method: payment.method,
            payment_amount: toMajorUnits(payment.amount, currency),
          },
          ...ownLimit(timeouts.confirmMs),
        },
        addBasketPaymentAnswerSchema,
      );
      return withValue(outcome, (results) => ({ replayed: results.replayed }));
    },

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

    findReceipt: (basketCode) =>
      call(
        'get-receipts',
        {
          method: 'GET',
          path: '/get-receipts',
          query: { retailer_basket_code: basketCode, number_results: 1 },
          ...ownLimit(timeouts.pricingMs),
        },
        oneReceiptSchema,
      ),

    unlockVoucher: ({ voucherKey, reason }) =>
      call(
        'unlock-voucher',
        { method: 'PUT', path: '/unlock-voucher', form: { voucher_key: voucherKey, reason } },
        engineVoucherSchema,
      ),

    claimVoucher: ({ voucherKey, memberNumber }) =>
      call(
        'claim-voucher',
        {
          method: 'POST',
          path: '/claim-voucher',
          form: {
            voucher_key: voucherKey,
            ...(memberNumber === null ? {} : { member_number: memberNumber }),
          },
        },
        engineVoucherSchema,
      ),

    getRewardPools: () =>
      call('reward pools', { method: 'GET', path: '/reward-pools' }, rewardPoolsSchema),

    syncHonourVouchers: async ({ cursor, limit }) => {
      const outcome = await answered(
        'sync honour vouchers',
        {
          method: 'GET',
          path: '/sync/honour-vouchers',
          query: { cursor, limit },
          ...ownLimit(timeouts.syncMs),
        },
        honourFeedSchema,
      );
      // the page with what its signature covers; the sync verifies it before the cache sees it
      return withValue(outcome, ({ results, answer }) => ({
        ...results,
        signed: signedFeedAnswerOf(answer),
      }));
    },

    sendTillAudit: ({ tillId, links }) =>
      call(
        'send the audit chain',
        {
          method: 'POST',
          path: '/sync/till-audit',
          json: auditBatchBody(tillId, links),
          ...ownLimit(timeouts.syncMs),
        },
        auditHeldSchema,
      ),

    reportSyncConflicts: ({ tillId, conflicts }) =>
      call(
        'report the sync conflicts',
        {
          method: 'POST',
          path: '/sync/conflicts',
          json: conflictReportBody(tillId, conflicts),
          ...ownLimit(timeouts.syncMs),
        },
        reportedConflictsSchema,
      ),

    listSyncConflicts: (storeCode) =>
      call(
        'the store’s sync conflicts',
        { method: 'GET', path: '/sync/conflicts', query: { store_code: storeCode } },
        storeConflictsSchema,
      ),

    acknowledgeSyncConflict: ({ id, note }) =>
      call(
        'acknowledge the sync conflict',
        {
          method: 'POST',
          path: `/sync/conflicts/${String(id)}/acknowledge`,
          json: { note },
        },
        acknowledgedConflictSchema,
      ),
  };
}
