import type { Request } from 'express';
import type { z } from 'zod';
import { parseWith } from '../../src-shared/wire';
import { EngineError, invalidParameters } from './errors';

/** The request's JSON or form body as fields; nothing else (the WLL commands, anything with a secret). */
export function bodyOf(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {};
}

/** The request's parameters, Spaaza style: the JSON or form body merged over the query string. */
export function paramsOf(request: Request): Record<string, unknown> {
  return { ...request.query, ...bodyOf(request) };
}

/** Validates the request against a schema, or throws invalid_parameters naming each bad field. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw invalidParameters(parsed.error);
  return parsed.value;
}

/** A call that takes one JSON document refuses any other body (docs/spaaza-wire.md, "Basket calls"). */
export function requireJson(request: Request, what: string): void {
  if (!request.is('application/json'))
    throw new EngineError('unsupported_media_type', `send ${what} as application/json`);
}
