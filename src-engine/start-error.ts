/**
 * Why the engine could not start, in one line that names the setting to change (a port in use, a
 * database that cannot be reached or opened). `main.ts` prints the message alone; the cause is
 * kept for a debug log.
 */
export class EngineStartError extends Error {
  override readonly name = 'EngineStartError';
}
