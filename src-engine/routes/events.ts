import { Router } from 'express';
import { z } from 'zod';
import type { EngineDeps } from '../deps';
import { eventByUuid, listEvents } from '../domain/events/query';
import { EVENT_TYPES } from '../domain/events/types';
import { authorize } from '../http/authorize';
import { sendWll } from '../http/envelope';
import { EngineError } from '../http/errors';
import { idParams, listQuery } from '../http/fields';
import { parseParams } from '../http/parse';
import { toWllEvent } from '../wire/event';

/** `GET /events` (docs/wll-face.md, "Lists"): filters, then skip/limit, by id. */
const eventsQuery = listQuery({ maxLimit: 1000, defaultLimit: 100 }).extend({
  type: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(', ')}` }))
    .optional(),
  subject: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .optional(),
});

/** The chain's events on the WLL face, under /events (docs/wll-face.md, "Events"): what happened, newest first by default. */
export function eventsRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const query = parseParams(eventsQuery, request.query);
    sendWll(response, (await listEvents(db, chainId, query)).map(toWllEvent));
  });

  router.get('/:id', async (request, response) => {
    const { chainId } = await authorize(deps, request, 'admin');
    const { id } = parseParams(idParams, request.params);
    const event = await eventByUuid(db, chainId, id);
    if (!event) throw new EngineError('event_not_found', `no event ${id} in this chain`);
    sendWll(response, toWllEvent(event));
  });
  return router;
}
