import { z } from 'zod';
import { parseDecimal } from '../money/decimal';
import { isCalendarDate } from '../wire/datetime';
import type { TillCommandName } from './command-names';
import {
  auditEntryView,
  catalogueSearchView,
  conflictListView,
  conflictSource,
  conflictView,
  diagnosticsView,
  lockedVoucherView,
  managerSessionView,
  pastSaleView,
  receiptView,
  recentSaleView,
  returnableSaleView,
  rewardPoolView,
  saleView,
  statusView,
  unlockedBasketView,
} from './views';

export interface TillCommandSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

const none = z.object({});
const saleRef = z.object({ saleId: z.string().min(1).max(64) });
const scanned = z.string().trim().min(1, 'nothing was scanned').max(128);
/** The most decimals a weight (kg) may have: grams. */
export const MAX_WEIGHT_DECIMALS = 3;
const quantity = z
  .number()
  .positive()
  .max(1_000_000)
  .refine(
    (value) => decimalsOf(value) <= MAX_WEIGHT_DECIMALS,
    `at most ${MAX_WEIGHT_DECIMALS} decimals`,
  );

/** How many decimals a quantity has, exactly (0.785 has 3; 24 has 0). */
export function decimalsOf(value: number): number {
  const parsed = parseDecimal(value);
  return parsed.ok ? parsed.value.scale : Infinity;
}
/** Why a manager frees a held voucher: it goes into the engine's audit trail and the till's. */
/** A tender as the cashier typed it: a method of `tender.methods` and the amount handed over. */
const tenderInput = z.object({
  method: z.string().trim().min(1).max(64),
  amount: z.number().int().positive().max(100_000_000_000),
});
const unlockReason = z.string().trim().min(3, 'say why').max(500);

/**
 * Every till command, once: its name and the schemas of its input and output. The till core
 * implements this map; the IPC preload and the loopback HTTP API are generated from it and
 * hold no logic of their own. Nothing outside this list can be called.
 */
export const tillCommands = {
  'sale/current': { input: none, output: saleView },
  'sale/start': { input: none, output: saleView },
  /** Whatever the scanner read: an item barcode, a loyalty card or a voucher code. */
  /**
   * Whatever the scanner read: an item barcode, a loyalty card or a voucher code. `quantity`
   * is how many of the item (a whole number), or its weight in kg for an item sold by weight,
   * which needs one (`weight_needed` says so without adding it).
   */
  'sale/scan': {
    input: saleRef.extend({ code: scanned, quantity: quantity.optional() }),
    output: saleView,
  },
  /** Pieces are whole numbers; a weighed line's kilograms have at most 3 decimals. */
  'sale/set-quantity': {
    input: saleRef.extend({ lineId: z.string().min(1), quantity }),
    output: saleView,
  },
  'sale/remove-line': { input: saleRef.extend({ lineId: z.string().min(1) }), output: saleView },
  'sale/remove-voucher': { input: saleRef.extend({ ref: z.string().min(1) }), output: saleView },
  /**
   * The customer keeps a member's voucher for later (`keep: true`): the engine leaves it out of
   * this sale and frees it; `keep: false` undoes that, and the voucher may apply again.
   */
  'sale/keep-voucher': {
    input: saleRef.extend({ voucherKey: z.string().min(1).max(128), keep: z.boolean() }),
    output: saleView,
  },
  /** Activates (claims) a voucher the engine refused as not activated yet, then prices the sale again. */
  'sale/activate-voucher': {
    input: saleRef.extend({ ref: z.string().min(1).max(128) }),
    output: saleView,
  },
  'sale/set-customer': {
    input: saleRef.extend({ memberNumber: z.string().trim().min(1).max(64).nullable() }),
    output: saleView,
  },
  /**
   * The customer has paid: redeem the vouchers and journal the sale. With `tenders` the till
   * checks they cover the total (change and cash rounding worked out) and sends them as the
   * basket's `payment_methods`; without, a host POS took the payment. `due`: the total the
   * tenders were taken for; a sale whose total changed meanwhile is not confirmed.
   */
  'sale/confirm': {
    input: saleRef.extend({
      tenders: z.array(tenderInput).max(20).optional(),
      due: z.number().int().optional(),
    }),
    output: receiptView,
  },
  /** Abandon the sale and release its voucher locks. */
  'sale/void': { input: saleRef, output: saleView },
  /** The till's catalogue by name: every word of `query` in the product's name, in any case. */
  'catalogue/search': {
    input: z.object({ query: z.string().trim().min(2, 'type at least 2 letters').max(64) }),
    output: catalogueSearchView,
  },
  /** This till's latest confirmed sales (not returns), newest first, to pick one to return from. */
  'return/recent': { input: none, output: z.array(recentSaleView) },
  /** A past sale by its basket code (scanned from the receipt or typed): this till's, else the engine's. */
  'return/find': {
    input: z.object({
      basketCode: z.string().trim().min(1, 'scan or type the sale number').max(64),
    }),
    output: returnableSaleView,
  },
  /** Adds return lines for lines of a past sale to the open sale; confirm it as any sale. */
  'return/add': {
    input: saleRef.extend({
      basketCode: z.string().trim().min(1).max(64),
      lines: z
        .array(
          z.object({
            lineId: z.string().min(1).max(64),
            quantity: z.number().positive().max(1_000_000),
          }),
        )
        .min(1, 'pick a line to return')
        .max(1000),
    }),
    output: saleView,
  },
  'receipt/get': { input: z.object({ basketCode: z.string().min(1) }), output: receiptView },
  /** What was still to collect on a confirmed sale (a voucher lost after the customer paid), paid with one more tender. */
  'receipt/collect': {
    input: z.object({ basketCode: z.string().min(1).max(64), tender: tenderInput }),
    output: receiptView,
  },
  /**
   * The till's confirmed sales, newest first: those whose basket code holds `basketCode` (in any
   * case), confirmed on `day` of the till's calendar (its `timezone`), or paid `amount` (minor
   * units), each given one narrowing the list; none given: the newest. `limit: 1` is the last sale.
   */
  'receipt/search': {
    input: z.strictObject({
      basketCode: z.string().trim().min(1, 'type part of a basket code').max(64).optional(),
      day: z.string().refine(isCalendarDate, 'a day of the calendar as YYYY-MM-DD').optional(),
      amount: z
        .number()
        .int('a whole number of minor units (cents)')
        .min(0, 'an amount of 0 or more')
        .max(1_000_000_000)
        .optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(pastSaleView),
  },
  'manager/sign-in': {
    input: z.object({
      username: z.string().trim().min(1).max(256),
      password: z.string().min(1).max(1024),
    }),
    output: managerSessionView,
  },
  'manager/sign-out': { input: none, output: none },
  'manager/locked-vouchers': { input: none, output: z.array(lockedVoucherView) },
  'manager/unlock-voucher': {
    input: z.object({
      voucherKey: z.string().min(1),
      reason: unlockReason,
    }),
    output: lockedVoucherView.omit({ lockedUntil: true }),
  },
  /** Frees every voucher of this store held for one basket (a sale left behind), each audited. */
  'manager/unlock-basket': {
    input: z.object({ basketCode: z.string().trim().min(1).max(64), reason: unlockReason }),
    output: unlockedBasketView,
  },
  /** The newest entries first; `day` on the till's calendar (its `timezone`), `voucherCode` in any case. */
  'manager/audit-log': {
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      day: z.string().refine(isCalendarDate, 'a day of the calendar as YYYY-MM-DD').optional(),
      voucherCode: z.string().trim().min(1).max(128).optional(),
    }),
    output: z.array(auditEntryView),
  },
  /** The store's sync conflicts from the engine; this till's own when the engine is away. */
  'manager/conflicts': { input: none, output: conflictListView },
  /** On the engine for a conflict of the store's list; in this till for one of its own list. */
  'manager/acknowledge-conflict': {
    input: z.object({
      conflictId: z.number().int().positive(),
      note: z.string().trim().max(500).default(''),
      source: conflictSource.default('store'),
    }),
    output: conflictView,
  },
  /** The chain's reward pools and how many codes each has left (read from the engine). */
  'manager/reward-pools': { input: none, output: z.array(rewardPoolView) },
  'status/get': { input: none, output: statusView },
  'diagnostics/run': { input: none, output: diagnosticsView },
} as const satisfies Record<TillCommandName, TillCommandSpec>;

export type TillCommands = typeof tillCommands;
/** What a caller sends (defaults may be left out). */
export type TillInput<N extends TillCommandName> = z.input<TillCommands[N]['input']>;
/** What the core receives after validation. */
export type TillParsedInput<N extends TillCommandName> = z.output<TillCommands[N]['input']>;
export type TillOutput<N extends TillCommandName> = z.output<TillCommands[N]['output']>;

export function isTillCommandName(name: string): name is TillCommandName {
  return Object.hasOwn(tillCommands, name);
}
