import { Router } from 'express';
import type { EngineDeps } from '../deps';

/** Placeholder until issue 7's events routes land. */
export function eventsRoutes(_deps: EngineDeps): Router {
  return Router();
}
