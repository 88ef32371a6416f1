import { rejectionMessage, type RejectionCode } from '../../src-shared/pricing/reasons';

export interface RefusalDetails {
  /** When the lock that keeps it from this sale ends, already as "14:05"; null when not held. */
  readonly heldUntil: string | null;
}

const freeAgainAt = (code: RejectionCode, { heldUntil }: RefusalDetails) =>
  heldUntil
    ? `${rejectionMessage(code)} It is free again at ${heldUntil}.`
    : rejectionMessage(code);

/**
 * Why a voucher was refused, as the cashier can say it to the customer: the till's shared
 * wording (`src-shared/pricing/reasons.ts`), with the time a lock ends where one holds it. A
 * record over every code, so a new refusal reason does not compile until it has words here.
 */
export const REFUSAL_MESSAGES: Readonly<
  Record<RejectionCode, (details: RefusalDetails) => string>
> = {
  voucher_not_found: () => rejectionMessage('voucher_not_found'),
  voucher_not_claimed: () => rejectionMessage('voucher_not_claimed'),
  voucher_already_redeemed: () => rejectionMessage('voucher_already_redeemed'),
  voucher_expired: () => rejectionMessage('voucher_expired'),
  voucher_locked: (details) => freeAgainAt('voucher_locked', details),
  voucher_wrong_owner: () => rejectionMessage('voucher_wrong_owner'),
  voucher_locking_code_mismatch: (details) => freeAgainAt('voucher_locking_code_mismatch', details),
  voucher_not_combinable: () => rejectionMessage('voucher_not_combinable'),
  voucher_offline_not_allowed: () => rejectionMessage('voucher_offline_not_allowed'),
};

export function refusalMessage(code: RejectionCode, details: RefusalDetails): string {
  return REFUSAL_MESSAGES[code](details);
}
