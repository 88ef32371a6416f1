import {
  isTillCommandName,
  tillCommands,
  type TillCommandName,
  type TillHandlers,
  type TillResult,
} from '../../src-shared/till';
import { describeIssues, parseWith } from '../../src-shared/validation';

/**
 * The one way into the till core from outside the process, shared by both transports:
 * only a listed command, only with input its schema accepts, and every outcome as a
 * `{ok, value} | {ok, error: {code, message}}` value (a fault becomes `internal`, logged by the caller).
 */
export async function dispatch(
  handlers: TillHandlers,
  name: string,
  input: unknown,
  onFault: (error: unknown, command: string) => void,
): Promise<TillResult<unknown>> {
  if (!isTillCommandName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_command', message: `there is no till command "${name}"` },
    };
  }
  const parsed = parseWith(tillCommands[name].input, input ?? {});
  if (!parsed.ok)
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  try {
    return await handlerFor(handlers, name)(parsed.value);
  } catch (error) {
    onFault(error, name);
    return {
      ok: false,
      error: { code: 'internal', message: 'the till failed to do this; the fault is logged' },
    };
  }
}

/**
 * TypeScript cannot tie a union of names to the matching handler's parameter; the input was
 * validated by that very command's schema just before, which is what makes this widening safe.
 */
function handlerFor(
  handlers: TillHandlers,
  name: TillCommandName,
): (input: unknown) => Promise<TillResult<unknown>> {
  return handlers[name] as (input: unknown) => Promise<TillResult<unknown>>;
}
