import { Router } from 'express';
import { sql } from 'kysely';
import { iso } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';

/** Liveness with the one thing that matters: can the engine reach its database. */
export function healthRoutes(deps: EngineDeps): Router {
  const router = Router();
  router.get('/healthz', async (_request, response) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      response.json({
        status: 'ok',
        database: { reachable: true, dialect: deps.db.dialect },
        time: iso(deps.now()),
      });
    } catch (error) {
      deps.log.error({ err: error }, 'health check: database unreachable');
      response
        .status(503)
        .json({ status: 'unavailable', database: { reachable: false, dialect: deps.db.dialect } });
    }
  });
  return router;
}
