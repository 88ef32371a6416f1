import { z } from 'zod';
import { messageParams } from '../../src-shared/till/notices';
import { quantityUnit } from '../../src-shared/till/views';

/**
 * The stored form of a sale's detail (sales.payload), versioned on its own: the journal
 * outlives changes to the views the UI shows. Amounts are minor units of the sale's currency.
 */
const minor = z.number().int();

export const journalLineSchema = z.object({
  lineId: z.string().min(1),
  /** Empty for a line the till knows only from the engine (a return of another till's sale). */
  barcode: z.string(),
  name: z.string(),
  quantity: z.number().positive(),
  /** Absent from sales journaled before the till sold by weight: pieces. */
  unit: quantityUnit.default('piece'),
  unitPrice: minor,
  gross: minor,
  discount: minor,
  net: minor,
  excluded: z.boolean(),
  /** Each voucher's part of this line's discount: returns need it. */
  shares: z.array(z.object({ voucherKey: z.string(), discount: minor })),
  /** A return line: the sale and line it gives back, and the voucher shares that come back. */
  returnOf: z
    .object({ basketCode: z.string().min(1), lineId: z.string().min(1), vouchersBack: minor })
    .optional(),
});

export const journalVoucherSchema = z.object({
  voucherKey: z.string(),
  code: z.string().nullable(),
  type: z.enum(['basket', 'basket_pct', 'honour', 'basket_fixed_unit']),
  discount: minor,
  amountRemaining: minor,
  honourCode: z.string().nullable(),
});

/** A voucher the engine issued with the sale (a remainder, a return's value), for the receipt. */
export const journalCreatedVoucherSchema = z.object({
  voucherKey: z.string(),
  code: z.string().nullable(),
  amount: minor.nullable(),
  /** ISO-8601 UTC; null for never. */
  expiresAt: z.iso.datetime().nullable(),
  ownerMemberNumber: z.string().nullable(),
  origin: z.enum(['remainder', 'return']),
  from: z.object({ voucherKey: z.string(), code: z.string().nullable() }).nullable(),
});

export const journalWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  voucherRef: z.string().nullable().default(null),
  /** What the warning's words need (written since warnings are said by code; none before). */
  params: messageParams.optional(),
});

export const salePayloadSchema = z.object({
  v: z.literal(1),
  lines: z.array(journalLineSchema),
  vouchersRedeemed: z.array(journalVoucherSchema),
  /** Absent from sales journaled before the till kept them. */
  vouchersCreated: z.array(journalCreatedVoucherSchema).default([]),
  warnings: z.array(journalWarningSchema),
});

export type JournalLine = z.infer<typeof journalLineSchema>;
export type JournalVoucher = z.infer<typeof journalVoucherSchema>;
export type JournalCreatedVoucher = z.infer<typeof journalCreatedVoucherSchema>;
export type JournalWarning = z.infer<typeof journalWarningSchema>;
export type SalePayload = z.infer<typeof salePayloadSchema>;

export const EMPTY_PAYLOAD: SalePayload = {
  v: 1,
  lines: [],
  vouchersRedeemed: [],
  vouchersCreated: [],
  warnings: [],
};
