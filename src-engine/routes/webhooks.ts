import { Router } from 'express';
import { z } from 'zod';
import type { EngineDeps } from '../deps';
import { EVENT_TYPES, isEventType } from '../domain/events/types';
import { checkDestination } from '../domain/webhooks/destination';
import { secretProblem } from '../domain/webhooks/signature';
import {
  createWebhook,
  deliveriesOf,
  disableWebhook,
  listWebhooks,
} from '../domain/webhooks/subscriptions';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { idParams, listQuery } from '../http/fields';
import { bodyOf, parseParams } from '../http/parse';

/* The fields of `POST /admin/webhooks` (JSON or form body) and of the deliveries listing (query string). */

const NOT_HTTP = 'must be an absolute http or https URL';

const httpUrl = z
  .string({ error: NOT_HTTP })
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  }, NOT_HTTP)
  // the address is shown in listings and logs; the secret is what proves the sender
  .refine((value) => {
    if (!URL.canParse(value)) return true; // refused above
    const { username, password } = new URL(value);
    return username === '' && password === '';
  }, 'must not carry a user name or password: put credentials in the secret, not the address');

/** An array, or one text of types separated by spaces or commas; `*` (alone) means every type. */
const eventTypes = z
  .union([z.array(z.string()), z.string()], {
    error: 'must be a list of event types or "*"',
  })
  .transform((value, context) => {
    const types = (Array.isArray(value) ? value : value.split(/[\s,]+/))
      .map((type) => type.trim().toUpperCase())
      .filter((type) => type !== '');
    const unknown = types.filter((type) => type !== '*' && !isEventType(type));
    if (types.length === 0 || unknown.length > 0 || (types.includes('*') && types.length > 1)) {
      context.addIssue({
        code: 'custom',
        message:
          unknown.length > 0
            ? `unknown event type ${unknown.join(', ')}; known: ${EVENT_TYPES.join(', ')} or "*"`
            : 'must name at least one event type, or be "*" alone',
      });
      return z.NEVER;
    }
    return [...new Set(types)];
  });

const createWebhookFields = z.object({
  url: httpUrl,
  event_types: eventTypes,
  secret: z
    .string({ error: 'must be text' })
    .trim()
    .superRefine((secret, context) => {
      const problem = secretProblem(secret);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
});

/** Newest first; only the page size is the caller's to choose. */
const deliveriesQuery = listQuery({ maxLimit: 1000, defaultLimit: 100 }).pick({ limit: true });

/** Webhook subscriptions of the caller's chain (admin), in the Spaaza envelope like the other admin calls. */
export function webhookRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  // from the body only: a secret in the query string would end up in proxies' logs
  router.post('/admin/webhooks', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const fields = parseParams(createWebhookFields, bodyOf(request));
    // only where the policy allows: a public https address, or one IT allowed
    valueOrRefuse(await checkDestination(deps.webhookDestinations, fields.url));
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
    const { chainId } = await authorize(deps, request, 'admin');
    sendOk(response, { result_type: 'list-webhooks', webhooks: await listWebhooks(db, chainId) });
  });

  router.delete('/admin/webhooks/:id', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const { id } = parseParams(idParams, request.params);
    const webhook = valueOrRefuse(await disableWebhook(db, chainId, id, deps.now()));
    sendOk(response, { result_type: 'disable-webhook', webhook });
  });

  router.get('/admin/webhooks/:id/deliveries', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const { id } = parseParams(idParams, request.params);
    const { limit } = parseParams(deliveriesQuery, request.query);
    sendOk(response, {
      result_type: 'list-webhook-deliveries',
      deliveries: valueOrRefuse(await deliveriesOf(db, chainId, id, limit)),
    });
  });
  return router;
}
