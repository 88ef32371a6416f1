import type { TillCommandName } from './command-names';
import type { TillInput, TillOutput, TillParsedInput } from './commands';
import type { TillResult } from './errors';

/** The till as a client sees it, whatever the transport (IPC or loopback HTTP). */
export type TillClient = {
  readonly [N in TillCommandName]: (input: TillInput<N>) => Promise<TillResult<TillOutput<N>>>;
};

/** What the till core implements: one handler per command, given validated input. */
export type TillHandlers = {
  readonly [N in TillCommandName]: (
    input: TillParsedInput<N>,
  ) => Promise<TillResult<TillOutput<N>>>;
};
