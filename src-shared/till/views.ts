import { z } from 'zod';
import { REJECTION_CODES } from '../pricing/reasons';
import {
  isCheckName,
  isCheckWordCode,
  type CheckParam,
  type CheckWords,
} from '../i18n/check-words';
import { LANGUAGES } from '../i18n/languages';
import { messageParams, NOTICE_CODES, REFUSAL_WORD_CODES } from './notices';

/** Amounts are integer minor units of `currency`; instants are ISO-8601 UTC strings. */
const minor = z.number().int();
const instant = z.iso.datetime();

export const voucherShareView = z.object({ voucherKey: z.string(), discount: minor });

/** How a line is counted: in pieces (whole numbers), or weighed in kilograms (up to 3 decimals). */
export const QUANTITY_UNITS = ['piece', 'kg'] as const;
export const quantityUnit = z.enum(QUANTITY_UNITS);
export type QuantityUnit = z.infer<typeof quantityUnit>;
/**
 * A return line's purchase: the sale and line it gives back, and what of that line's voucher
 * shares comes back as new vouchers (the shares stored at the sale, for the quantity returned).
 */
export const returnOfView = z.object({
  basketCode: z.string(),
  lineId: z.string(),
  vouchersBack: minor,
});
export type ReturnOfView = z.infer<typeof returnOfView>;

export const saleLineView = z.object({
  lineId: z.string(),
  barcode: z.string(),
  name: z.string(),
  quantity: z.number().positive(),
  /** `kg`: `quantity` is a weight and `unitPrice` is per kilogram. */
  unit: quantityUnit,
  unitPrice: minor,
  gross: minor,
  discount: minor,
  net: minor,
  excluded: z.boolean(),
  shares: z.array(voucherShareView),
  /** Set on a return line (its unit price and net are negative: money to refund). */
  returnOf: returnOfView.optional(),
});

export const appliedVoucherView = z.object({
  voucherKey: z.string(),
  code: z.string().nullable(),
  type: z.enum(['basket', 'basket_pct', 'honour']),
  title: z.string(),
  discount: minor,
  amountRemaining: minor,
  honourCode: z.string().nullable(),
  /** "held for this sale until …": the lock the engine took for this basket. */
  lockedUntil: instant.nullable(),
  /** The engine applied it on its own, from the customer's vouchers (not scanned): it may be kept for later. */
  fromMember: z.boolean().optional(),
});

/** A member's voucher the customer keeps for later (`sale/keep-voucher`): not on this sale. */
export const keptVoucherView = z.object({
  voucherKey: z.string(),
  code: z.string().nullable(),
  title: z.string(),
});

export const rejectedVoucherView = z.object({
  ref: z.string(),
  reason: z.enum(REJECTION_CODES),
  /** The till core's English words for this refusal, for logs and a host POS. */
  message: z.string(),
  /** When the lock that keeps the voucher from this sale ends; the screen says it in its own clock. */
  lockedUntil: instant.nullable(),
  /**
   * The catalogue entry the screen says it with (`messages.<words>`): the reason, or a finer
   * one where the till knows more (a code it cannot check offline …), filled in with `params`.
   */
  words: z.enum(REFUSAL_WORD_CODES),
  params: messageParams,
  /** The cashier scanned or typed it; false for a voucher the engine offered on its own (a member's). */
  scanned: z.boolean(),
  /** The voucher's key, where the engine named it: a voucher not activated yet is activated by it. */
  voucherKey: z.string().optional(),
});

/** Something the cashier should know about the sale: said from `code` and `params` in the till's language. */
export const noticeView = z.object({
  code: z.enum(NOTICE_CODES),
  /** The till core's English words, for logs and a host POS. */
  message: z.string(),
  params: messageParams,
});

/**
 * A warning kept with a confirmed sale: a notice or a refusal by its code (a sale journalled by an
 * older till may carry any code), with the voucher it is about in `params.voucherCode`.
 */
export const receiptWarningView = z.object({
  code: z.string(),
  message: z.string(),
  params: messageParams,
});

export const totalsView = z.object({ gross: minor, discount: minor, net: minor });

/**
 * Whether the sale's figures are the till's last word for its lines (`priced`: by the engine,
 * by the till alone offline, or at shelf prices after a refusal its notices explain) or a
 * pricing is still in flight (`waiting`, since that instant): the lines are then at shelf
 * prices and the discounts follow; ask `sale/current` again.
 */
export const salePricingView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('priced') }),
  z.object({ state: z.literal('waiting'), since: instant }),
]);
export type SalePricingView = z.infer<typeof salePricingView>;

export const saleView = z.object({
  saleId: z.string(),
  basketCode: z.string(),
  state: z.enum(['open', 'confirmed', 'voided']),
  currency: z.string(),
  locale: z.string(),
  customer: z.object({ memberNumber: z.string() }).nullable(),
  lines: z.array(saleLineView),
  applied: z.array(appliedVoucherView),
  rejected: z.array(rejectedVoucherView),
  /** The member's vouchers the customer keeps for later; absent from an older till. */
  kept: z.array(keptVoucherView).optional(),
  totals: totalsView,
  /** Who priced it: the engine, or the till alone while offline. */
  pricedBy: z.enum(['engine', 'local']),
  pricing: salePricingView,
  /** What the last scan or change led to, for the cashier (unknown barcode, engine slow …). */
  notices: z.array(noticeView),
  /** The till core's clock when it answered: the screen counts holds down from it, not its own. */
  now: instant,
});
export type SaleView = z.infer<typeof saleView>;

/**
 * A voucher the engine issued with the sale: the rest of a fixed voucher worth more than the
 * basket (`remainder`), or the value a returned line carried (`return`). `from` names the
 * voucher it descends from, by the code the cashier knows it by when there is one.
 */
export const createdVoucherView = z.object({
  voucherKey: z.string(),
  /** What the customer shows or types to use it; null while the engine gives it none. */
  code: z.string().nullable(),
  /** Its value; null when the engine names none. */
  amount: minor.nullable(),
  expiresAt: instant.nullable(),
  /** The member it belongs to; null for a bearer voucher. */
  ownerMemberNumber: z.string().nullable(),
  origin: z.enum(['remainder', 'return']),
  from: z.object({ voucherKey: z.string(), code: z.string().nullable() }).nullable(),
});
export type CreatedVoucherView = z.infer<typeof createdVoucherView>;

/** A way of paying the till offers (`tender.methods`); `name` is the store's, for an `other` one. */
export const tenderMethodView = z.object({
  id: z.string(),
  kind: z.enum(['cash', 'card', 'other']),
  name: z.string().nullable(),
});
export type TenderMethodView = z.infer<typeof tenderMethodView>;

/**
 * How the till takes payment: with `hostTakesPayment` a host POS takes it and the till only
 * confirms (no tender panel); else the cashier records each tender. `cashStep` rounds what is
 * due in cash (5: to 0,05); null when the currency's cash needs no rounding.
 */
export const tenderSettingsView = z.object({
  hostTakesPayment: z.boolean(),
  methods: z.array(tenderMethodView),
  cashStep: z.number().int().positive().nullable(),
});
export type TenderSettingsView = z.infer<typeof tenderSettingsView>;

/**
 * A tender kept with a confirmed sale: what was handed over, what it paid (negative: paid
 * back), the change it gave and what cash rounding added; `late` once the sale was confirmed
 * (what was still to collect after a voucher was lost).
 */
export const receiptTenderView = z.object({
  method: z.string(),
  kind: z.enum(['cash', 'card', 'other']),
  name: z.string().nullable(),
  tendered: minor,
  amount: minor,
  change: minor,
  rounding: minor,
  late: z.boolean(),
});
export type ReceiptTenderView = z.infer<typeof receiptTenderView>;

/**
 * How a confirmed sale was paid: its tenders, the change given, what they paid in all (null
 * when the till took none: a host POS took the payment) and what is still to collect (a voucher
 * the engine did not redeem after the customer paid).
 */
export const receiptPaymentView = z.object({
  tenders: z.array(receiptTenderView),
  paid: minor.nullable(),
  change: minor,
  toCollect: minor,
});
export type ReceiptPaymentView = z.infer<typeof receiptPaymentView>;

export const receiptView = z.object({
  basketCode: z.string(),
  confirmedAt: instant,
  currency: z.string(),
  locale: z.string(),
  customer: z.object({ memberNumber: z.string() }).nullable(),
  lines: z.array(saleLineView),
  vouchersRedeemed: z.array(appliedVoucherView),
  honourCodes: z.array(z.object({ code: z.string().nullable(), honourCode: z.string() })),
  /** What the engine issued with the sale, for the customer to keep; known once it is synced. */
  vouchersCreated: z.array(createdVoucherView),
  totals: totalsView,
  payment: receiptPaymentView,
  warnings: z.array(receiptWarningView),
  /** `synced` once the engine has the sale; `queued` while it waits in the outbox. */
  syncState: z.enum(['synced', 'queued']),
  engineBasketId: z.number().int().nullable(),
  /** A practice sale of a till in training mode: nothing was redeemed, journalled or sent. */
  training: z.boolean(),
});
export type ReceiptView = z.infer<typeof receiptView>;

/** A catalogue product the cashier can pick: its unit price is per kilogram when `unit` is `kg`. */
export const catalogueProductView = z.object({
  barcode: z.string(),
  name: z.string(),
  unitPrice: minor,
  unit: quantityUnit,
  excluded: z.boolean(),
});
export type CatalogueProductView = z.infer<typeof catalogueProductView>;

/** What a name search found: the first products by name, and whether there were more. */
export const catalogueSearchView = z.object({
  query: z.string(),
  products: z.array(catalogueProductView),
  more: z.boolean(),
});
export type CatalogueSearchView = z.infer<typeof catalogueSearchView>;
/** The paper the till prints receipts on: a thermal roll 80 mm wide, or A4 sheets. */
export const RECEIPT_PAPERS = ['80mm', 'a4'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];

/** One past sale of the till's journal, as the Past sales screen lists it; `receipt/get` has the whole receipt. */
export const pastSaleView = z.object({
  basketCode: z.string(),
  confirmedAt: instant,
  currency: z.string(),
  customer: z.object({ memberNumber: z.string() }).nullable(),
  /** How many lines were sold. */
  lineCount: z.number().int().nonnegative(),
  /** Total paid, in minor units. */
  total: minor,
  vouchersCreated: z.number().int().nonnegative(),
  syncState: z.enum(['synced', 'queued']),
});
export type PastSaleView = z.infer<typeof pastSaleView>;

export const statusView = z.object({
  online: z.boolean(),
  engineUrl: z.string(),
  chainId: z.number().int(),
  storeCode: z.string(),
  terminalId: z.string(),
  salesWaiting: z.number().int().nonnegative(),
  honourCacheUpdatedAt: instant.nullable(),
  conflictsOpen: z.number().int().nonnegative(),
  /** What the screens speak and write money and times in: the till's configured settings. */
  language: z.enum(LANGUAGES),
  locale: z.string(),
  currency: z.string(),
  /** A till for practising (`trainingMode`): every screen says so, and no sale is real. */
  trainingMode: z.boolean(),
  tender: tenderSettingsView,
  /** What the receipts are printed on (`receiptPaper`): the print layout follows it. */
  receiptPaper: z.enum(RECEIPT_PAPERS),
});
export type StatusView = z.infer<typeof statusView>;

export const managerSessionView = z.object({
  username: z.string(),
  expiresAt: instant,
});

export const lockedVoucherView = z.object({
  voucherKey: z.string(),
  code: z.string().nullable(),
  type: z.enum(['basket', 'basket_pct', 'honour', 'basket_fixed_unit']),
  ownerMemberNumber: z.string().nullable(),
  basketCode: z.string().nullable(),
  lockedUntil: instant,
});

/** Where an entry or a conflict was recorded: the till's own store and terminal. */
const tillPlace = {
  storeCode: z.string(),
  terminalId: z.string(),
};

/**
 * One line of the till's audit log. `action` and `subject` are stable codes the screen puts in
 * words (`unlock_voucher`; a conflict's reason such as `voucher_already_redeemed`); `actor` is
 * a manager's username or `terminal:<id>` for the till itself; `detail` is what the person said.
 */
export const auditEntryView = z.object({
  id: z.number().int(),
  at: instant,
  actor: z.string(),
  action: z.string(),
  voucherKey: z.string().nullable(),
  /** The code the voucher is known by; null when the entry names none (or was written before codes were kept). */
  voucherCode: z.string().nullable(),
  basketCode: z.string().nullable(),
  subject: z.string().nullable(),
  detail: z.string(),
  ...tillPlace,
});

/** Whose list a conflict comes from: the store's, kept by the engine, or this till's own. */
export const conflictSource = z.enum(['store', 'till']);

/**
 * A sync conflict: what happened (`reason`, a stable code; `message`, the engine's words), where
 * (the store and terminal whose sale lost, its basket) and when, which voucher (by its code),
 * and the basket that redeemed the voucher instead (`winner`, where the engine knows it).
 */
export const conflictView = z.object({
  id: z.number().int(),
  source: conflictSource,
  basketCode: z.string(),
  reason: z.string(),
  message: z.string(),
  voucherRef: z.string().nullable(),
  createdAt: instant,
  acknowledgedAt: instant.nullable(),
  acknowledgedBy: z.string().nullable(),
  /** What the manager said when acknowledging it; null while open (or when none was kept). */
  note: z.string().nullable(),
  winner: z
    .object({
      basketCode: z.string(),
      storeCode: z.string().nullable(),
      terminalId: z.string().nullable(),
    })
    .nullable(),
  ...tillPlace,
});

/**
 * The conflicts a manager sees: the store's, from the engine, or — when the engine cannot be
 * asked — this till's own, with `unreachable` saying why.
 */
export const conflictListView = z.object({
  source: conflictSource,
  unreachable: z.string().nullable(),
  conflicts: z.array(conflictView),
});

/** A reward pool of the chain: codes left of all it holds, and low at or below its threshold. */
export const rewardPoolView = z.object({
  campaignId: z.number().int(),
  title: z.string(),
  total: z.number().int().nonnegative(),
  unused: z.number().int().nonnegative(),
  threshold: z.number().int().nonnegative().nullable(),
  low: z.boolean(),
});

/** A basket's held vouchers freed at once: those freed, and any the engine would not free. */
export const unlockedBasketView = z.object({
  basketCode: z.string(),
  freed: z.array(lockedVoucherView.omit({ lockedUntil: true })),
  failed: z.array(
    z.object({ voucherKey: z.string(), code: z.string().nullable(), message: z.string() }),
  ),
});

/** `skipped`: the check could not run because an earlier one failed; its detail says which. */
export const DIAGNOSTIC_VERDICTS = ['ok', 'warn', 'fail', 'skipped'] as const;
export type DiagnosticVerdict = (typeof DIAGNOSTIC_VERDICTS)[number];

/** What a check says, by code and params (src-shared/i18n/check-words.ts); the screen words them. */
const checkWordsView: z.ZodType<CheckWords> = z.lazy(() =>
  z.object({
    code: z.string().refine(isCheckWordCode, 'not a code of screens.diagnostics.words'),
    params: z.record(z.string(), checkParamView).optional(),
  }),
);
const checkParamView: z.ZodType<CheckParam> = z.lazy(() =>
  z.union([z.string(), z.number(), checkWordsView, z.array(checkParamView)]),
);

export const diagnosticCheckView = z.object({
  /** The check's stable code; `screens.diagnostics.checks` has its title. */
  name: z.string().refine(isCheckName, 'not a check of CHECK_NAMES'),
  verdict: z.enum(DIAGNOSTIC_VERDICTS),
  detail: checkWordsView,
  /** What IT does next: always set on a failed check; null when nothing needs doing. */
  nextStep: checkWordsView.nullable(),
});

/** The same report `till:doctor` prints: its checks and facts, and the configuration. */
export const diagnosticsView = z.object({
  version: z.string(),
  /** The configuration with every secret masked. */
  config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  databasePath: z.string(),
  databaseBytes: z.number().int().nonnegative(),
  /** From the local database; null when it cannot be read (see the local database check). */
  salesWaiting: z.number().int().nonnegative().nullable(),
  conflictsOpen: z.number().int().nonnegative().nullable(),
  honourCacheUpdatedAt: instant.nullable(),
  logPath: z.string(),
  checks: z.array(diagnosticCheckView),
});

/** One line of a past sale as a return sees it: what was bought, returned already, and can still go back. */
export const returnableLineView = z.object({
  lineId: z.string(),
  barcode: z.string(),
  name: z.string(),
  quantity: z.number().positive(),
  unitPrice: minor,
  returned: z.number().min(0),
  returnable: z.number().min(0),
  /** Each voucher's part of the line's discount, as stored at the sale. */
  shares: z.array(
    z.object({ voucherKey: z.string(), code: z.string().nullable(), discount: minor }),
  ),
});
export type ReturnableLineView = z.infer<typeof returnableLineView>;

/** A past sale to return from: found in this till's journal, or at the engine (another till's). */
export const returnableSaleView = z.object({
  basketCode: z.string(),
  soldAt: instant.nullable(),
  currency: z.string(),
  locale: z.string(),
  customer: z.object({ memberNumber: z.string() }).nullable(),
  source: z.enum(['this_till', 'engine']),
  lines: z.array(returnableLineView),
});
export type ReturnableSaleView = z.infer<typeof returnableSaleView>;

/** A sale of this till's journal, newest first, to pick for a return. */
export const recentSaleView = z.object({
  basketCode: z.string(),
  confirmedAt: instant,
  customer: z.object({ memberNumber: z.string() }).nullable(),
  net: minor,
  lineCount: z.number().int().min(0),
});
export type RecentSaleView = z.infer<typeof recentSaleView>;
