export type { TillClient, TillHandlers } from './api';
export { TILL_COMMAND_NAMES, type TillCommandName } from './command-names';
export {
  isTillCommandName,
  tillCommands,
  type TillCommandSpec,
  type TillCommands,
  type TillInput,
  type TillOutput,
  type TillParsedInput,
} from './commands';
export {
  TILL_ERROR_CODES,
  TILL_ERROR_WORDS,
  tillErrorSchema,
  tillResultSchema,
  type TillError,
  type TillErrorCode,
  type TillErrorWords,
  type TillResult,
} from './errors';
export * from './views';
export * from './notices';
export { tillEventSchema, type TillEvent, type TillEventSubscribe } from './push-events';
export {
  cashDue,
  parseTypedAmount,
  settleTenders,
  type SettledTender,
  type Settlement,
  type Tender,
  type TenderKind,
  type TenderMethod,
  type TenderProblem,
} from './tender';
