import type { Request } from 'express';
import type { z } from 'zod';
import { parseWith } from '../../src-shared/wire';
import { invalidParameters } from './errors';

/** The request's parameters: the JSON or form body merged over the query string. */
export function paramsOf(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  const fromBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  return { ...request.query, ...fromBody };
}

/** Validates the request against a schema, or throws invalid_parameters naming each bad field. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw invalidParameters(parsed.error);
  return parsed.value;
}
