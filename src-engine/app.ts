import express, { Router, type Express } from 'express';
import type { EngineDeps } from './deps';
import { errorHandler, notFound } from './http/error-handler';
import { answersOn, type Face } from './http/face';
import { inputGuard } from './http/input-guard';
import { multipartBody } from './http/multipart';
import { BODY_LIMIT, MAX_FORM_PARAMETERS } from './http/limits';
import { requestLog } from './http/request-log';
import { accountRoutes } from './routes/accounts';
import { adminRoutes } from './routes/admin';
import { rewardPoolRoutes } from './routes/reward-pools';
import { authRoutes } from './routes/auth';
import { basketRoutes } from './routes/basket';
import { claimVouchersRoutes } from './routes/claim-vouchers';
import { benefitCommandRoutes, benefitRoutes } from './routes/benefits';
import { eventsRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { receiptRoutes } from './routes/receipts';
import { rewardCommandRoutes } from './routes/rewards';
import { voucherListRoutes } from './routes/voucher-lists';
import { voucherRoutes } from './routes/vouchers';
import { syncRoutes } from './routes/sync';
import { syncConflictRoutes } from './routes/sync-conflicts';
import { webhookRoutes } from './routes/webhooks';

/**
 * Routers answering on one face: every answer from them, errors and unknown calls included,
 * comes in that face's envelope. The body is parsed after the face is known, so that a
 * malformed one is refused in it too.
 */
function faceGroup(face: Face, routers: readonly Router[]): Router {
  const group = Router();
  group.use(answersOn(face));
  group.use(express.json({ limit: BODY_LIMIT }));
  group.use(
    express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: MAX_FORM_PARAMETERS }),
  );
  group.use(multipartBody);
  group.use(inputGuard);
  for (const router of routers) group.use(router);
  group.use(notFound);
  return group;
}

/** The faces the engine answers on: where each is mounted and its routers, in order. */
function faces(deps: EngineDeps): readonly (readonly [string, Face, readonly Router[]])[] {
  return [
    // the WLL reward face (docs/wll-face.md): its commands, benefits and events
    ['/commands', 'wll', [rewardCommandRoutes(deps), benefitCommandRoutes(deps)]],
    ['/benefits', 'wll', [benefitRoutes(deps)]],
    ['/events', 'wll', [eventsRoutes(deps)]],
    [
      '',
      'spaaza',
      [
        healthRoutes(deps),
        authRoutes(deps),
        basketRoutes(deps),
        voucherRoutes(deps),
        claimVouchersRoutes(deps),
        receiptRoutes(deps),
        voucherListRoutes(deps),
        adminRoutes(deps),
        rewardPoolRoutes(deps),
        accountRoutes(deps),
        syncRoutes(deps),
        syncConflictRoutes(deps),
        webhookRoutes(deps),
      ],
    ],
  ];
}

/** The express app: thin routes over use cases, one error handler. */
export function createApp(deps: EngineDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.log));
  for (const [prefix, face, routers] of faces(deps)) {
    if (prefix === '') app.use(faceGroup(face, routers));
    else app.use(prefix, faceGroup(face, routers));
  }
  app.use(errorHandler(deps.log, deps.limits));
  return app;
}

export interface EngineRoute {
  readonly method: string;
  /** As declared, e.g. `/admin/accounts/:id/disable`. */
  readonly path: string;
}

/** Every call the engine answers (for the authorization tests and the docs checks). */
export function engineRoutes(deps: EngineDeps): EngineRoute[] {
  return faces(deps).flatMap(([prefix, , routers]) =>
    routers.flatMap((router) =>
      router.stack.flatMap(({ route }) =>
        route
          ? [...new Set(route.stack.map((layer) => layer.method.toUpperCase()))].map((method) => ({
              method,
              path: `${prefix}${route.path}`,
            }))
          : [],
      ),
    ),
  );
}
