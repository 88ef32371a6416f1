import { err, type Err, type Result } from '../../src-shared/result';
import { describeIssues, type FieldIssue } from '../../src-shared/validation';

/**
 * Every expected refusal a use case answers with, by its stable name. The HTTP layer decides
 * what status and which face's error each becomes; the domain knows neither.
 */
export type RefusalCode =
  | 'invalid_parameters'
  | 'password_error_or_non_existent'
  | 'permission_denied_or_non_existent'
  | 'voucher_not_found'
  | 'member_not_found'
  | 'campaign_not_found'
  | 'campaign_type_not_allowed'
  | 'voucher_state_conflict'
  | 'basket_already_exists'
  | 'basket_not_found'
  | 'basket_already_claimed'
  | 'already_exists'
  | 'reward_not_found'
  | 'reward_not_purchasable'
  | 'code_pool_exhausted'
  | 'code_space_exhausted'
  | 'benefit_not_found'
  | 'benefit_already_redeemed'
  | 'voucher_not_redeemed'
  | 'voucher_already_burned'
  | 'voucher_expired'
  | 'voucher_locked'
  | 'voucher_owner_mismatch'
  | 'webhook_not_found'
  | 'webhook_url_not_allowed'
  | 'webhook_host_not_resolved'
  | 'event_not_found'
  | 'too_many_attempts'
  | 'audit_chain_mismatch'
  | 'sync_conflict_not_found'
  | 'sync_conflict_already_acknowledged'
  | 'training_basket_not_stored'
  | 'basket_payment_conflict'
  | 'return_exceeds_purchase';

export interface Refusal {
  readonly code: RefusalCode;
  /** Says what was refused and why, for the person reading the answer. */
  readonly message: string;
  /** For a refusal that passes with time (too many attempts): seconds until a retry may work. */
  readonly retryAfterSeconds?: number;
}

/** What a use case answers: its value, or the refusal. Bugs are thrown instead. */
export type Outcome<T> = Result<T, Refusal>;

export function refuse(code: RefusalCode, message: string): Err<Refusal> {
  return err({ code, message });
}

/** too_many_attempts, with the seconds after which the caller may try again. */
export function tooManyAttempts(message: string, retryAfterMs: number): Err<Refusal> {
  return err({
    code: 'too_many_attempts',
    message,
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });
}

/** invalid_parameters naming each bad field. */
export function invalidFields(issues: readonly FieldIssue[]): Err<Refusal> {
  return refuse('invalid_parameters', describeIssues(issues));
}

/**
 * The value of an outcome whose refusal would be the caller's bug: seeding the demo, benches,
 * tests. Use cases answering a caller pass the refusal on instead.
 */
export function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused (${outcome.error.code}): ${outcome.error.message}`);
  return outcome.value;
}
