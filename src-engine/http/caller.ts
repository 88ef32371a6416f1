import type { Request } from 'express';
import type { Actor } from '../domain/actor';

const callers = new WeakMap<Request, Actor>();

/** Remembers who a request was authorized as, for what happens after the route (limits). */
export function rememberCaller(request: Request, actor: Actor): void {
  callers.set(request, actor);
}

export function callerOf(request: Request): Actor | undefined {
  return callers.get(request);
}
