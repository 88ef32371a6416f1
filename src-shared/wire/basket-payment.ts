import { z } from 'zod';
import { code, requestAmount, wireNumber } from './fields';

/**
 * Ours, beyond Spaaza (docs/spaaza-wire.md, "Our additions"): one more payment on a stored
 * basket — what a till collected after add-basket left a voucher unredeemed. `payment_position`
 * is its place in the basket's `payment_methods` (0 for the first), so that a till sending it
 * again finds it there instead of adding it twice.
 */
export const addBasketPaymentRequestSchema = z.looseObject({
  retailer_basket_code: code,
  payment_position: wireNumber(z.number().int().min(0).max(19)),
  payment_method: z.string().min(1).max(64),
  payment_amount: requestAmount,
});
export type AddBasketPaymentRequest = z.infer<typeof addBasketPaymentRequestSchema>;

/** The basket as it stands after the payment: what it charged, and every payment, in order. */
export const addBasketPaymentAnswerSchema = z.looseObject({
  retailer_basket_code: z.string(),
  replayed: z.boolean(),
  basket_total_price: z.number(),
  payment_methods: z.array(
    z.looseObject({ payment_method: z.string(), payment_amount: z.number() }),
  ),
});
export type AddBasketPaymentAnswer = z.infer<typeof addBasketPaymentAnswerSchema>;
