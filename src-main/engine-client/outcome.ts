import type { Err, Ok } from '../../src-shared/result';
import type { RejectionCode } from '../../src-shared/pricing/reasons';

/**
 * Warnings that the engine priced or stored the sale without the customer's card: it knows no
 * such member, or the card is of a loyalty programme it does not serve.
 */
export const CARD_WARNING_CODES = ['member_not_found', 'member_programme_not_supported'] as const;
export type CardWarningCode = (typeof CARD_WARNING_CODES)[number];

export function isCardWarningCode(code: string): code is CardWarningCode {
  return CARD_WARNING_CODES.some((known) => known === code);
}

/**
 * Warnings about the sale itself that the till keeps as the engine words them: a return line the
 * engine did not find in the original basket, a figure the till charged that the engine's pricing
 * does not explain.
 */
export const SALE_WARNING_CODES = [
  'original_basket_item_not_found',
  'basket_price_mismatch',
] as const;
export type SaleWarningCode = (typeof SALE_WARNING_CODES)[number];

/** The warning names the till knows; any other name the engine sends is `unrecognised_warning`. */
export type KnownWarningCode = RejectionCode | CardWarningCode | SaleWarningCode;

/** A non-fatal remark in a 200 answer, e.g. one voucher that could not be applied. */
export interface EngineWarning {
  readonly code: KnownWarningCode | 'unrecognised_warning';
  /** The name exactly as the engine sent it. */
  readonly name: string;
  /** Plain words for the cashier. */
  readonly message: string;
  /** The voucher the warning is about, when the engine named it by its key. */
  readonly voucherKey?: string;
  /** What the engine named otherwise: a voucher code as scanned, a basket line. */
  readonly subject?: string;
  /** The code the voucher was asked for by, when the engine names it beside its key (docs/spaaza-wire.md, "Our additions"). */
  readonly voucherCode?: string;
  /** Epoch milliseconds; set for `voucher_locked`. */
  readonly lockedUntil?: number;
  /** For `voucher_locked`: the basket code of the sale holding the voucher, when the engine names it. */
  readonly lockedBasketCode?: string;
}

/**
 * Why the engine refused a call, as the till acts on it: `refused` and `not_found` stand
 * whatever is sent again; `forbidden` is this account's lack of a right; `session` is a session
 * the engine no longer accepts; `retryable` (a 4xx such as 429) may pass on a later attempt.
 */
export type RejectionReason = 'refused' | 'not_found' | 'forbidden' | 'session' | 'retryable';

/**
 * Why there was no usable answer: `timeout` (the answer may still come, and a request that
 * changes something may have been carried out), `no_connection` (refused, reset, DNS), or
 * `bad_answer` (something answered, but not the engine's answer).
 */
export type UnavailableCause = 'timeout' | 'no_connection' | 'bad_answer';

export type EngineFailure =
  | {
      /**
       * No usable answer: the engine is treated as away, exactly like a refused connection
       * (the sale is priced offline and confirmed into the outbox). A 3xx or 5xx, a body that
       * is not JSON, JSON of the wrong shape and an answer over the size cap are all `bad_answer`:
       * a 200 of the wrong shape to add-basket may mean the sale was stored, and the outbox's
       * replay by basket code settles that exactly once.
       */
      readonly kind: 'unavailable';
      readonly cause: UnavailableCause;
      readonly message: string;
    }
  | {
      /** The engine answered with its error envelope. */
      readonly kind: 'rejected';
      /** What the refusal means for the till, decided once from the answer (see `rejection.ts`). */
      readonly reason: RejectionReason;
      readonly message: string;
      readonly name: string;
      readonly code: number;
      /** The engine's own words for the refusal. */
      readonly description: string;
    }
  | {
      /** Bad credentials, or a session that renewal could not restore. */
      readonly kind: 'unauthorized';
      readonly message: string;
    };

export type EngineFailureKind = EngineFailure['kind'];

export interface EngineSuccess<T> extends Ok<T> {
  readonly warnings: readonly EngineWarning[];
}

/** Every engine call ends in one of these; only bugs throw. */
export type EngineOutcome<T> = EngineSuccess<T> | Err<EngineFailure>;

export function succeeded<T>(value: T, warnings: readonly EngineWarning[] = []): EngineSuccess<T> {
  return { ok: true, value, warnings };
}

export function failed(error: EngineFailure): Err<EngineFailure> {
  return { ok: false, error };
}

/** Something answered, but not with an answer the till can use: the engine counts as away. */
export function badAnswer(message: string): EngineFailure {
  return { kind: 'unavailable', cause: 'bad_answer', message };
}

/** Keeps a failure, retyped for a caller that expected another value. */
export function withValue<T, U>(
  outcome: EngineOutcome<T>,
  convert: (value: T) => U,
): EngineOutcome<U> {
  return outcome.ok ? succeeded(convert(outcome.value), outcome.warnings) : outcome;
}

export function isNoValidSession(outcome: EngineOutcome<unknown>): boolean {
  return !outcome.ok && outcome.error.kind === 'rejected' && outcome.error.reason === 'session';
}
