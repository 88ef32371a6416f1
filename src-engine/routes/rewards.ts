import { Router } from 'express';
import type { EngineDeps } from '../deps';

/** Placeholder until issue 7's rewards routes land. */
export function rewardsRoutes(_deps: EngineDeps): Router {
  return Router();
}
