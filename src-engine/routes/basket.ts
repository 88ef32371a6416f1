import { Router } from 'express';
import { toMajorUnits } from '../../src-shared/money';
import {
  addBasketPaymentRequestSchema,
  addBasketRequestSchema,
  getBasketPriceRequestSchema,
  type AddBasketPaymentAnswer,
} from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { addBasket, type StoredBasket } from '../domain/add-basket';
import { addBasketPayment } from '../domain/basket-payment';
import { namedButMissing } from '../domain/basket-pricing';
import { getBasketPrice } from '../domain/get-basket-price';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { parseParams, requireJson } from '../http/parse';
import { keptAnswerOf, replayedAnswer, toAddBasketAnswer } from '../wire/add-basket';
import { toPricedBasket, toProvisionalVouchers, toWarnings } from '../wire/priced-basket';

export function basketRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.post('/auth/get-basket-price', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'the basket');
    const body = parseParams(getBasketPriceRequestSchema, request.body);
    const now = deps.now();
    const answer = valueOrRefuse(
      await getBasketPrice(db, actor, body, now, (pricing) => ({
        misses: namedButMissing(pricing.warnings),
        results: {
          result_type: 'get-basket-price',
          ...(body.user ? { user: body.user } : {}),
          basket: toPricedBasket(body.basket, pricing, now),
          // this engine runs no spend-progress campaigns: there is never progress to report
          purchase_progress: [],
          vouchers_created: toProvisionalVouchers(pricing, now),
        },
        warnings: toWarnings(pricing.warnings, pricing.currency),
      })),
    );
    // pricing for made-up cards and codes is guessing too: it counts against the caller
    await deps.limits.missed(actor, answer.misses);
    sendOk(response, answer.results, answer.warnings);
  });

  router.post('/auth/add-basket', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'the basket');
    const body = parseParams(addBasketRequestSchema, request.body);
    const now = deps.now();
    const answerOf = (basket: StoredBasket) => toAddBasketAnswer(body, basket, now);
    const stored = valueOrRefuse(
      await addBasket(db, actor, body, now, (basket) => keptAnswerOf(answerOf(basket))),
    );
    const answer = stored.replayed ? replayedAnswer(stored.keptAnswer) : answerOf(stored.basket);
    sendOk(response, { result_type: 'add-basket', ...answer.results }, answer.warnings);
  });

  // ours (docs/spaaza-wire.md, "Our additions"): a payment collected after the basket was stored
  router.post('/auth/add-basket-payment', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'the payment');
    const body = parseParams(addBasketPaymentRequestSchema, request.body);
    const paid = valueOrRefuse(await addBasketPayment(db, actor, body));
    const money = (minor: number) => toMajorUnits(minor, paid.currency);
    const results: AddBasketPaymentAnswer = {
      retailer_basket_code: paid.basketCode,
      replayed: paid.replayed,
      basket_total_price: money(paid.totalCharged),
      payment_methods: paid.payments.map((payment) => ({
        payment_method: payment.method,
        payment_amount: money(payment.amount),
      })),
    };
    sendOk(response, { result_type: 'add-basket-payment', ...results }, []);
  });
  return router;
}
