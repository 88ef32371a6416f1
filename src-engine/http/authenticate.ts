import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { actorFromApiKey, actorFromSession } from '../domain/accounts';
import type { Actor } from '../domain/actor';
import { EngineError } from './errors';

/**
 * The caller, from `Authorization: Bearer <api key>` or WLL's `X-Api-Key` (privileged), or the
 * Spaaza session headers; no_valid_session (401) when none proves anyone.
 */
export async function authenticate(
  db: Kysely<Database>,
  request: Request,
  now: number,
): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '');
  const apiKey = bearer?.[1] ?? request.get('x-api-key')?.trim();
  if (apiKey) {
    const actor = await actorFromApiKey(db, apiKey, now);
    if (actor) return actor;
    throw new EngineError('no_valid_session', 'the API key is not valid');
  }
  const userId = request.get('x-spaaza-session-user-id');
  const key = request.get('x-spaaza-session-key');
  if (userId && key && /^\d{1,12}$/.test(userId)) {
    const actor = await actorFromSession(db, Number(userId), key, now);
    if (actor) return actor;
  }
  throw new EngineError(
    'no_valid_session',
    'log in first: send X-Spaaza-Session-User-Id and X-Spaaza-Session-Key',
  );
}

/** `X-Spaaza-API-Version` as comparable numbers; absent means the version we serve by default. */
export function apiVersionOf(request: Request): readonly [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(request.get('x-spaaza-api-version') ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [1, 6, 3];
}

export function atLeast(
  version: readonly [number, number, number],
  wanted: readonly [number, number, number],
): boolean {
  for (let index = 0; index < 3; index += 1) {
    const a = version[index] ?? 0;
    const b = wanted[index] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
