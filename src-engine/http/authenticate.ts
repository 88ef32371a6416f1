import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { actorFromSession } from '../domain/accounts';
import { actorFromApiKey } from '../domain/api-keys';
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
  const key = sessionKeyOf(request);
  const userId = headerOf(request, SESSION_USER_ID_HEADERS);
  const username = headerOf(request, SESSION_USERNAME_HEADERS);
  const wellFormedId = userId === null || /^\d{1,12}$/.test(userId);
  if (key !== null && wellFormedId) {
    const account = { userId: userId === null ? null : Number(userId), username };
    const actor = await actorFromSession(db, account, key, now);
    if (actor) return actor;
  }
  throw new EngineError(
    'no_valid_session',
    'log in first: send X-Spaaza-Session-Key with X-Spaaza-Session-User-Id or X-Spaaza-Session-Username',
  );
}

/*
 * The session headers, current name first, then the names older Spaaza clients send
 * (docs/spaaza-wire.md, "Sessions").
 */
const SESSION_USER_ID_HEADERS = [
  'x-spaaza-session-user-id',
  'session-user-id',
  'session_user_id',
] as const;
const SESSION_USERNAME_HEADERS = ['x-spaaza-session-username', 'session_username'] as const;
const SESSION_KEY_HEADERS = ['x-spaaza-session-key', 'session-key'] as const;

/** The session key the request sends, under any of its header names; null when none. */
export function sessionKeyOf(request: Request): string | null {
  return headerOf(request, SESSION_KEY_HEADERS);
}

/** The first of `names` the request sends with a value, trimmed; null when none is sent. */
function headerOf(request: Request, names: readonly string[]): string | null {
  for (const name of names) {
    const value = request.get(name)?.trim();
    if (value) return value;
  }
  return null;
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
