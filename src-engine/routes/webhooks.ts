import { Router, type Request } from 'express';
import type { EngineDeps } from '../deps';
import { requireRole, type Actor } from '../domain/actor';
import { createWebhookFields, deliveriesQueryFields, isUuid } from '../domain/webhooks/schemas';
import {
  createWebhook,
  deliveriesOf,
  disableWebhook,
  listWebhooks,
} from '../domain/webhooks/subscriptions';
import { authenticate } from '../http/authenticate';
import { sendOk } from '../http/envelope';
import { EngineError } from '../http/errors';
import { paramsOf, parseParams } from '../http/parse';

/** Webhook subscriptions of the caller's chain (admin), in the Spaaza envelope like the other admin calls. */
export function webhookRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;
  const admin = async (request: Request): Promise<Actor> => {
    const actor = await authenticate(db, request, deps.now());
    requireRole(actor, 'admin');
    return actor;
  };
  const webhookId = (request: Request<{ id: string }>): string => {
    // an id that cannot exist is not found, as an unknown one is
    if (!isUuid(request.params.id))
      throw new EngineError('webhook_not_found', `no webhook ${request.params.id} in this chain`);
    return request.params.id;
  };

  router.post('/admin/webhooks', async (request, response) => {
    const { chainId } = await admin(request);
    const fields = parseParams(createWebhookFields, paramsOf(request));
    const webhook = await createWebhook(
      db,
      chainId,
      { url: fields.url, eventTypes: fields.event_types, secret: fields.secret },
      deps.now(),
    );
    // the secret is shown this once
    sendOk(response, { result_type: 'create-webhook', webhook });
  });

  router.get('/admin/webhooks', async (request, response) => {
    const { chainId } = await admin(request);
    sendOk(response, { result_type: 'list-webhooks', webhooks: await listWebhooks(db, chainId) });
  });

  router.delete('/admin/webhooks/:id', async (request, response) => {
    const { chainId } = await admin(request);
    const webhook = await disableWebhook(db, chainId, webhookId(request), deps.now());
    sendOk(response, { result_type: 'disable-webhook', webhook });
  });

  router.get('/admin/webhooks/:id/deliveries', async (request, response) => {
    const { chainId } = await admin(request);
    const { limit } = parseParams(deliveriesQueryFields, request.query);
    sendOk(response, {
      result_type: 'list-webhook-deliveries',
      deliveries: await deliveriesOf(db, chainId, webhookId(request), limit),
    });
  });
  return router;
}
