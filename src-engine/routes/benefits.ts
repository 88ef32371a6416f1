import { Router } from 'express';
import type { EngineDeps } from '../deps';

/** Placeholder until issue 7's benefits routes land. */
export function benefitsRoutes(_deps: EngineDeps): Router {
  return Router();
}
