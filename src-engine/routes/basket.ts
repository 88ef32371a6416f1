import { Router, type Request } from 'express';
import { addBasketRequestSchema, getBasketPriceRequestSchema } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { addBasket } from '../domain/add-basket';
import { getBasketPrice } from '../domain/get-basket-price';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { EngineError, valueOrRefuse } from '../http/errors';
import { parseParams } from '../http/parse';

/** The basket calls take one JSON document (docs/spaaza-wire.md, "Basket calls"). */
function requireJson(request: Request): void {
  if (!request.is('application/json')) {
    throw new EngineError('unsupported_media_type', 'send the basket as application/json');
  }
}

export function basketRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.post('/auth/get-basket-price', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request);
    const body = parseParams(getBasketPriceRequestSchema, request.body);
    const answer = valueOrRefuse(await getBasketPrice(db, actor, body, deps.now()));
    sendOk(
      response,
      {
        result_type: 'get-basket-price',
        ...(body.user ? { user: body.user } : {}),
        basket: answer.basket,
      },
      answer.warnings,
    );
  });

  router.post('/auth/add-basket', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request);
    const body = parseParams(addBasketRequestSchema, request.body);
    const answer = valueOrRefuse(await addBasket(db, actor, body, deps.now()));
    sendOk(response, { result_type: 'add-basket', ...answer.results }, answer.warnings);
  });
  return router;
}
