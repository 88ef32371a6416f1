import type { FieldIssue } from '../../src-shared/wire';
import { invalidFields, type Outcome, type Refusal, type RefusalCode } from '../domain/refusal';

/** Refusals only the HTTP layer makes: about the request itself, not about what it asks. */
type RequestErrorName =
  | 'malformed_body'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'not_found'
  | 'no_valid_session'
  | 'storage_unavailable'
  | 'internal_error';

export type ErrorName = RefusalCode | RequestErrorName;

/**
 * Every error the engine answers with: a stable name, the Spaaza code where the reference
 * shows one (5, 6, 68, 183), ours otherwise, and the HTTP status.
 */
export const ERRORS: Readonly<
  Record<ErrorName, { readonly code: number; readonly status: number }>
> = {
  invalid_parameters: { code: 1001, status: 400 },
  malformed_body: { code: 1002, status: 400 },
  unsupported_media_type: { code: 1003, status: 415 },
  body_too_large: { code: 1004, status: 413 },
  not_found: { code: 1005, status: 404 },
  password_error_or_non_existent: { code: 5, status: 401 },
  no_valid_session: { code: 6, status: 401 },
  permission_denied_or_non_existent: { code: 68, status: 403 },
  voucher_not_found: { code: 183, status: 404 },
  member_not_found: { code: 1010, status: 404 },
  campaign_not_found: { code: 1011, status: 404 },
  campaign_type_not_allowed: { code: 1240, status: 409 },
  voucher_state_conflict: { code: 1012, status: 409 },
  basket_already_exists: { code: 1200, status: 409 },
  basket_not_found: { code: 1220, status: 404 },
  basket_already_claimed: { code: 1221, status: 409 },
  already_exists: { code: 1013, status: 409 },
  reward_not_found: { code: 1300, status: 404 },
  reward_not_purchasable: { code: 1301, status: 409 },
  code_pool_exhausted: { code: 1302, status: 409 },
  code_space_exhausted: { code: 1303, status: 409 },
  benefit_not_found: { code: 1304, status: 404 },
  benefit_already_redeemed: { code: 1305, status: 409 },
  voucher_not_redeemed: { code: 1306, status: 409 },
  voucher_already_burned: { code: 1307, status: 409 },
  voucher_expired: { code: 1308, status: 409 },
  voucher_locked: { code: 1309, status: 409 },
  voucher_owner_mismatch: { code: 1310, status: 403 },
  webhook_not_found: { code: 1311, status: 404 },
  event_not_found: { code: 1312, status: 404 },
  too_many_attempts: { code: 1480, status: 429 },
  webhook_url_not_allowed: { code: 1400, status: 400 },
  webhook_host_not_resolved: { code: 1401, status: 400 },
  audit_chain_mismatch: { code: 1420, status: 409 },
  sync_conflict_not_found: { code: 1500, status: 404 },
  sync_conflict_already_acknowledged: { code: 1501, status: 409 },
  training_basket_not_stored: { code: 1540, status: 400 },
  basket_payment_conflict: { code: 1550, status: 409 },
  return_exceeds_purchase: { code: 1520, status: 409 },
  storage_unavailable: { code: 1998, status: 503 },
  internal_error: { code: 1999, status: 500 },
};

/**
 * A refusal on its way from a route to the error handler, answered in the envelope of the
 * face the route serves; never logged as a fault.
 */
export class EngineError extends Error {
  constructor(
    readonly errorName: ErrorName,
    description: string,
    /** Sent as `Retry-After` (seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
    this.name = 'EngineError';
  }

  get status(): number {
    return ERRORS[this.errorName].status;
  }

  get code(): number {
    return ERRORS[this.errorName].code;
  }
}

export function refused(refusal: Refusal): EngineError {
  return new EngineError(refusal.code, refusal.message, refusal.retryAfterSeconds);
}

/** The value of a use case's outcome; its refusal goes to the error handler. */
export function valueOrRefuse<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw refused(outcome.error);
  return outcome.value;
}

export function invalidParameters(issues: readonly FieldIssue[]): EngineError {
  return refused(invalidFields(issues).error);
}
