import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { issuesOf, type FieldIssue } from './issues';

/** Validates untrusted input against a schema; the failure lists each bad field by path. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>, FieldIssue[]> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(issuesOf(parsed.error));
}
