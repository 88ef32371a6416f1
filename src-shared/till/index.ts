export type { TillClient, TillHandlers } from './api';
export {
  TILL_COMMAND_NAMES,
  isTillCommandName,
  tillCommands,
  type TillCommandName,
  type TillCommandSpec,
  type TillCommands,
  type TillInput,
  type TillOutput,
  type TillParsedInput,
} from './commands';
export {
  TILL_ERROR_CODES,
  tillErrorSchema,
  tillResultSchema,
  type TillError,
  type TillErrorCode,
  type TillResult,
} from './errors';
export * from './views';
