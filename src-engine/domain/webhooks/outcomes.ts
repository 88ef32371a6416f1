/*
 * What the delivery log tells a chain's admin about an attempt: whether it was delivered, and
 * otherwise only that it was not, or that the engine refused the address. Which failure it was
 * (a refused connection, a timeout, the status of a non-2xx answer) would map the networks the
 * engine reaches, so only the engine's own log says that, for IT.
 */

export const DELIVERED = 'delivered';
export const NOT_ACCEPTED = 'not delivered: the receiver did not accept it';
export const ADDRESS_REFUSED = 'refused: address not allowed';

export type AttemptOutcome = typeof DELIVERED | typeof NOT_ACCEPTED | typeof ADDRESS_REFUSED;

/** The outcome of an attempt as recorded (`error` is null exactly when it was delivered). */
export function outcomeOf(attempt: {
  readonly status_code: number | null;
  readonly error: string | null;
}): AttemptOutcome {
  if (attempt.error === ADDRESS_REFUSED) return ADDRESS_REFUSED;
  const { status_code: status } = attempt;
  if (attempt.error === null && status !== null && status >= 200 && status < 300) return DELIVERED;
  return NOT_ACCEPTED;
}
