import { Router } from 'express';
import { sql } from 'kysely';
import { iso } from '../../src-shared/wire';
import { checkReadiness, type Readiness } from '../db/readiness';
import { faultLog } from '../db/storage-fault-log';
import type { EngineDeps } from '../deps';
import { RETRY_AFTER_SECONDS } from '../http/envelope';

/**
 * /healthz: the process is alive and answers (with whether it reaches its database). /readyz:
 * the engine can do its work (db/readiness.ts), for a load balancer to send traffic only to
 * engines that are ready.
 */
export function healthRoutes(deps: EngineDeps): Router {
  const router = Router();
  // probed every second or two by tills and load balancers: an outage's cause is logged once
  const faults = faultLog(deps.log);
  router.get('/healthz', async (_request, response) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      response.json({
        status: 'ok',
        database: { reachable: true, dialect: deps.db.dialect },
        time: iso(deps.now()),
      });
    } catch (error) {
      faults.failed(error, {}, 'health check: database unreachable');
      response
        .status(503)
        .json({ status: 'unavailable', database: { reachable: false, dialect: deps.db.dialect } });
    }
  });

  const probe = readinessProbe(deps);
  router.get('/readyz', async (_request, response) => {
    const state = await probe();
    const database = { dialect: deps.db.dialect };
    if (state.ready) {
      response.json({ status: 'ready', database, time: iso(deps.now()) });
      return;
    }
    response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(503).json({
      status: 'unready',
      reason: state.reason,
      ...(state.code === undefined ? {} : { code: state.code }),
      ...(state.migrations === undefined ? {} : { migrations: state.migrations }),
      database,
    });
  });
  return router;
}

/**
 * One probe at a time: callers that ask while one runs share its answer, so a load balancer
 * probing every second (or several at once) costs at most one small write in flight. The log
 * says when readiness changes and why, not at every probe.
 */
function readinessProbe(deps: EngineDeps): () => Promise<Readiness> {
  let running: Promise<Readiness> | undefined;
  let last: Readiness = { ready: true };
  const changed = (state: Readiness) =>
    state.ready !== last.ready ||
    (!state.ready && !last.ready && (state.reason !== last.reason || state.code !== last.code));
  return () => {
    running ??= checkReadiness(deps.db, deps.now)
      .then((state) => {
        if (changed(state)) {
          if (state.ready) deps.log.info('ready: the database takes writes again');
          else deps.log.warn({ readiness: state }, `not ready: ${state.reason}`);
        }
        last = state;
        return state;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}
