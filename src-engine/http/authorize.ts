import type { Request } from 'express';
import type { Role } from '../db/schema';
import type { EngineDeps } from '../deps';
import { roleRefusal, type Actor } from '../domain/actor';
import { authenticate } from './authenticate';
import { refused } from './errors';

/**
 * The caller, if they hold at least `role`. Routes call this before parsing anything, so a
 * stranger learns nothing about the input.
 */
export async function authorize(deps: EngineDeps, request: Request, role: Role): Promise<Actor> {
  const actor = await authenticate(deps.db.kysely, request, deps.now());
  const below = roleRefusal(actor, role);
  if (below) throw refused(below.error);
  return actor;
}
