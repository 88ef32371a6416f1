import express, { type Express } from 'express';
import type { EngineDeps } from './deps';
import { errorHandler, notFound } from './http/error-handler';
import { requestLog } from './http/request-log';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { basketRoutes } from './routes/basket';
import { benefitsRoutes } from './routes/benefits';
import { eventsRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { rewardsRoutes } from './routes/rewards';
import { voucherListRoutes } from './routes/voucher-lists';
import { voucherRoutes } from './routes/vouchers';
import { syncRoutes } from './routes/sync';
import { webhookRoutes } from './routes/webhooks';

export const BODY_LIMIT = '256kb';

/** The express app: thin routes over use cases, one error handler. */
export function createApp(deps: EngineDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.log));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 100 }));
  app.use(healthRoutes(deps));
  app.use(authRoutes(deps));
  app.use(basketRoutes(deps));
  app.use(voucherRoutes(deps));
  app.use(voucherListRoutes(deps));
  app.use(adminRoutes(deps));
  app.use(syncRoutes(deps));
  app.use(rewardsRoutes(deps));
  app.use(benefitsRoutes(deps));
  app.use(eventsRoutes(deps));
  app.use(webhookRoutes(deps));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
