import { z } from 'zod';

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
