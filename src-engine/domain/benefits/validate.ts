import type { Kysely, Updateable } from 'kysely';
import { ok } from '../../../src-shared/result';
import type { Database, VoucherTable } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { BenefitRow } from '../../repo/benefits';
import { findStore } from '../../repo/stores';
import type { Actor } from '../actor';
import type { AuditAction } from '../audit-action';
import { invalidFields, type Outcome } from '../refusal';
import { compareAndSet, type VoucherChange } from '../voucher-ops/compare-and-set';
import { allOf, NO_LOCK, unlockedAt, usableButForLocksAt, type Guard } from '../voucher-ops/guards';
import type { GeoPoint } from './geo';
import { benefitByCode } from './lookup';
import { benefitName, validationRefusal, voucherNotFound } from './refusals';
import { rereadBenefit } from './reread';

export interface ValidateVoucherRequest {
  readonly code: string;
  /** Validate now and burn later (docs/wll-face.md, "validate_voucher"): sets only `validated_at`. */
  readonly allowFutureValidation: boolean;
  /** The member number of whoever presents the code; a benefit of someone else is refused. */
  readonly userIdentifier?: string | undefined;
  /** The store code where the code is presented; recorded in the audit trail. */
  readonly venueIdentifier?: string | undefined;
  /** Accepted as WLL sends it; the engine keeps no location. */
  readonly position?: GeoPoint | undefined;
}

/**
 * validate_voucher (docs/wll-face.md, "validate_voucher"): checks a redeemed benefit's code and burns it, unless
 * `allowFutureValidation` asks only to validate it. The first validation time is kept. A burn
 * is one compare-and-set, so concurrent validations of one code burn it once.
 */
export async function validateVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: ValidateVoucherRequest,
  now: number,
): Promise<Outcome<BenefitRow>> {
  if (request.venueIdentifier !== undefined) {
    const unknown = await unknownStoreRefusal(db, actor.chainId, request.venueIdentifier);
    if (unknown) return unknown;
  }
  const reason = request.venueIdentifier === undefined ? null : `venue ${request.venueIdentifier}`;
  const gone = () => voucherNotFound(request.code);
  const decide = request.allowFutureValidation ? validateOnly : burn;
  return inTransaction(db, async (trx) => {
    const found = await benefitByCode(trx, actor.chainId, request.code, request.userIdentifier);
    if (!found.ok) return found;
    const changed = await compareAndSet(trx, actor, now, {
      row: found.value,
      reread: rereadBenefit(trx, gone),
      name: benefitName,
      decide: (current) => decide(current, now, reason),
    });
    return changed.ok ? ok(changed.value.row) : changed;
  });
}

const notValidated: Guard = (eb) => eb('validated_at', 'is', null);
const validated: Guard = (eb) => eb('validated_at', 'is not', null);

function validateOnly(
  row: BenefitRow,
  now: number,
  reason: string | null,
): Outcome<VoucherChange | null> {
  const refused = validationRefusal(row, now, { burning: false });
  if (refused) return refused;
  if (row.validated_at !== null) return ok(null);
  return ok({
    set: { validated_at: now },
    guard: allOf(usableButForLocksAt(now), notValidated),
    audits: ['validate'],
    reason,
  });
}

/**
 * The guard pins whether the benefit was validated before, so that exactly the first
 * validation writes 'validate'; a fixed amount counts as used in full, as in redeem-voucher.
 */
function burn(row: BenefitRow, now: number, reason: string | null): Outcome<VoucherChange> {
  const refused = validationRefusal(row, now, { burning: true });
  if (refused) return refused;
  const firstValidation = row.validated_at === null;
  const audits: AuditAction[] = firstValidation ? ['validate', 'burn'] : ['burn'];
  return ok({
    set: {
      ...NO_LOCK,
      burned_at: now,
      ...(firstValidation ? { validated_at: now } : {}),
      ...usedInFull(row),
    },
    // no lock at all: a voucher a sale holds may be validated, not burned (validationRefusal)
    guard: allOf(
      usableButForLocksAt(now),
      unlockedAt(now),
      firstValidation ? notValidated : validated,
    ),
    audits,
    reason,
  });
}

/** A burn spends the whole of a fixed amount (its value stays in amount_original). */
function usedInFull(row: BenefitRow): Updateable<VoucherTable> {
  return row.voucher_type === 'basket' ? { amount: 0, amount_redeemed: row.amount } : {};
}

async function unknownStoreRefusal(db: Kysely<Database>, chainId: number, storeCode: string) {
  return (await findStore(db, chainId, storeCode))
    ? null
    : invalidFields([{ path: 'venueIdentifier', message: `no store ${storeCode} in this chain` }]);
}
