import { Router, type Request } from 'express';
import type { EngineDeps } from '../deps';
import { requireRole, type Actor } from '../domain/actor';
import { eventByUuid, eventsQueryFields, listEvents } from '../domain/events/query';
import { authenticate } from '../http/authenticate';
import { sendWll } from '../http/envelope';
import { EngineError } from '../http/errors';
import { parseParams } from '../http/parse';

/** The chain's events on the WLL face (wll-api.md §4.2): what happened, newest first by default. */
export function eventsRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;
  const admin = async (request: Request): Promise<Actor> => {
    const actor = await authenticate(db, request, deps.now());
    requireRole(actor, 'admin');
    return actor;
  };

  router.get('/events', async (request, response) => {
    const { chainId } = await admin(request);
    const query = parseParams(eventsQueryFields, request.query);
    sendWll(response, await listEvents(db, chainId, query));
  });

  router.get('/events/:id', async (request, response) => {
    const { chainId } = await admin(request);
    const event = await eventByUuid(db, chainId, request.params.id);
    if (!event) throw new EngineError('not_found', `no event ${request.params.id} in this chain`);
    sendWll(response, event);
  });
  return router;
}
