import type { Request } from 'express';
import type { Role } from '../db/schema';
import type { EngineDeps } from '../deps';
import { roleRefusal, type Actor } from '../domain/actor';
import { authenticate } from './authenticate';
import { rememberCaller } from './caller';
import { refused } from './errors';

/**
 * The caller, if they hold at least `role` and have not named too many things that do not
 * exist of late. Routes call this before parsing anything, so a stranger learns nothing about
 * the input.
 */
export async function authorize(deps: EngineDeps, request: Request, role: Role): Promise<Actor> {
  const actor = await authenticate(deps.db.kysely, request, deps.now());
  const below = roleRefusal(actor, role);
  if (below) throw refused(below.error);
  const guessing = await deps.limits.lookupsAllowed(actor);
  if (!guessing.ok) throw refused(guessing.error);
  rememberCaller(request, actor);
  return actor;
}
