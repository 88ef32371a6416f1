import type { Request, RequestHandler } from 'express';
import type { FieldIssue } from '../../src-shared/wire';
import { invalidParameters } from './errors';
import { MAX_NESTING_DEPTH } from './limits';

const NUL = '\u0000';
const NO_NUL = 'must not contain the NUL character (\\u0000)';

/**
 * Refuses, before any route reads it, input that no field may hold: a path that is not valid
 * percent-encoding, the NUL character in any text or field name (PostgreSQL cannot store it, so
 * it is refused on every database alike), and bodies nested deeper than {@link MAX_NESTING_DEPTH}
 * (walking them would overflow the stack). One rule for every call, so no route can forget it.
 */
export const inputGuard: RequestHandler = (request, _response, next) => {
  const issue = pathIssue(request) ?? valueIssue(request.query, 'query') ?? bodyIssue(request);
  next(issue ? invalidParameters([issue]) : undefined);
};

function pathIssue(request: Request): FieldIssue | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(request.path);
  } catch {
    return { path: '(the path)', message: 'is not valid percent-encoding' };
  }
  return decoded.includes(NUL) ? { path: '(the path)', message: NO_NUL } : null;
}

function bodyIssue(request: Request): FieldIssue | null {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null ? valueIssue(body, '') : null;
}

/** The first bad text or too deep nesting in a parsed value, walked without recursion. */
function valueIssue(root: unknown, rootPath: string): FieldIssue | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: rootPath, depth: 0 },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return { path: path || '(the body)', message: NO_NUL };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH)
      return {
        path: path || '(the body)',
        message: `is nested deeper than ${MAX_NESTING_DEPTH} levels`,
      };
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [`${path}[${index}]`, item])
      : Object.entries(value).map(([key, item]) => [path === '' ? key : `${path}.${key}`, item]);
    for (const [itemPath, item] of entries) {
      if (!Array.isArray(value) && itemPath.includes(NUL))
        return { path: path || '(the body)', message: `a field name ${NO_NUL}` };
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return null;
}
