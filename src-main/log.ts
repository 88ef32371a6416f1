/** The till's log, for every part of src-main: pino's Logger fits; so does anything with these methods. */
export interface TillLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** A log that writes nothing, for callers that were given none. */
export const silentLog: TillLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
