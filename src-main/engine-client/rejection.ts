import type { RejectionReason } from './outcome';

/** The Spaaza error name for a session that is missing, expired or replaced by a newer login. */
const NO_VALID_SESSION = 'no_valid_session';

/** Statuses of a refusal that sending the same request again cannot change. */
const STANDING_REFUSALS = new Set([400, 409, 413, 415, 422]);

/**
 * The one reading of an engine refusal's HTTP status and error name: the till core acts on the
 * reason alone and never sees the status. Only a 4xx gets here (a 5xx is the engine being
 * away, never a refusal), so `retryable` is a refusal of the moment, such as 429 or 408.
 */
export function rejectionReason(httpStatus: number, name: string): RejectionReason {
  if (name === NO_VALID_SESSION) return 'session';
  if (httpStatus === 401 || httpStatus === 403) return 'forbidden';
  if (httpStatus === 404) return 'not_found';
  return STANDING_REFUSALS.has(httpStatus) ? 'refused' : 'retryable';
}
