import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkUsable, heldAgainst, lockHolds, type LockHolder } from '../../src-shared/vouchers';
import { insertVoucher, voucherOfCampaign } from '../../src-engine/domain/voucher-factory';
import {
  lockFreeFor,
  unlockedAt,
  usableBy,
  type Guard,
} from '../../src-engine/domain/voucher-ops/guards';
import { toDomainVoucher, voucherById } from '../../src-engine/repo/vouchers';
import type { VoucherTable } from '../../src-engine/db/schema';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const HOUR = 3_600_000;

type StateColumns = Partial<
  Pick<
    VoucherTable,
    | 'claimed_at'
    | 'burned_at'
    | 'deleted_at'
    | 'expires_at'
    | 'lock_until'
    | 'lock_basket_code'
    | 'lock_code'
  >
>;

/** Stored states: each a claimed, unused, unexpired and unlocked voucher but for what it says. */
const STATES: readonly (readonly [string, StateColumns])[] = [
  ['free', {}],
  ['unclaimed', { claimed_at: null }],
  ['burned', { burned_at: NOW - HOUR }],
  ['deleted', { deleted_at: NOW - HOUR }],
  ['expiring now', { expires_at: NOW }],
  ['expiring later', { expires_at: NOW + 1 }],
  ['held for B1', { lock_until: NOW + HOUR, lock_basket_code: 'B1' }],
  ['held under L1', { lock_until: NOW + HOUR, lock_code: 'L1' }],
  ['held for B1 under L1', { lock_until: NOW + HOUR, lock_basket_code: 'B1', lock_code: 'L1' }],
  ['held for no sale in particular', { lock_until: NOW + HOUR }],
  ['held for B2 until now', { lock_until: NOW, lock_basket_code: 'B2' }],
  ['held for B2 a moment longer', { lock_until: NOW + 1, lock_basket_code: 'B2' }],
  [
    'burned while held for B1',
    { burned_at: NOW - HOUR, lock_until: NOW + HOUR, lock_basket_code: 'B1' },
  ],
];

const HOLDERS: readonly LockHolder[] = [
  { basketCode: null, lockingCode: null },
  { basketCode: 'B1', lockingCode: null },
  { basketCode: null, lockingCode: 'L1' },
  { basketCode: 'B1', lockingCode: 'L1' },
  { basketCode: 'B2', lockingCode: 'L2' },
];

/*
 * The voucher rule is written once in TypeScript (src-shared/vouchers/usable.ts) and once as the
 * SQL of the conditional updates (guards.ts). Both judge the same stored rows here, case by case.
 */
describeEachDatabase('the voucher rule and its SQL form agree', (database) => {
  let engine: TestEngine;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    const db = engine.db.kysely;
    const campaign = await db
      .selectFrom('campaigns')
      .selectAll()
      .where('voucher_type', '=', 'basket')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const [name, columns] of STATES) {
      const { id } = await insertVoucher(db, {
        ...voucherOfCampaign(campaign, { currency: 'EUR', memberId: null, now: NOW - 2 * HOUR }),
        claimed_at: NOW - HOUR,
        expires_at: null,
        ...columns,
      });
      ids.set(name, id);
    }
  });
  afterAll(async () => engine.close());

  async function sqlSays(id: number, guard: Guard): Promise<boolean> {
    const row = await engine.db.kysely
      .selectFrom('vouchers')
      .select('id')
      .where('id', '=', id)
      .where(guard)
      .executeTakeFirst();
    return row !== undefined;
  }

  async function judged(
    pure: (voucher: ReturnType<typeof toDomainVoucher>, holder: LockHolder) => boolean,
    guard: (holder: LockHolder) => Guard,
  ) {
    const verdicts: { state: string; holder: LockHolder; pure: boolean; sql: boolean }[] = [];
    for (const [state] of STATES) {
      const id = ids.get(state) ?? 0;
      const voucher = toDomainVoucher(await voucherById(engine.db.kysely, id));
      for (const holder of HOLDERS)
        verdicts.push({
          state,
          holder,
          pure: pure(voucher, holder),
          sql: await sqlSays(id, guard(holder)),
        });
    }
    return verdicts;
  }

  const disagreements = (verdicts: readonly { pure: boolean; sql: boolean }[]) =>
    verdicts.filter((verdict) => verdict.pure !== verdict.sql);
  const outcomes = (verdicts: readonly { pure: boolean }[]) =>
    new Set(verdicts.map((verdict) => verdict.pure));

  it('the lock rule: heldAgainst is null exactly where lockFreeFor lets the update through', async () => {
    const verdicts = await judged(
      (voucher, holder) => heldAgainst(voucher, NOW, holder) === null,
      (holder) => lockFreeFor(holder, NOW),
    );
    expect(outcomes(verdicts)).toEqual(new Set([true, false]));
    expect(disagreements(verdicts)).toEqual([]);
  });

  it('usability: checkUsable is ok exactly where usableBy lets the update through', async () => {
    const verdicts = await judged(
      (voucher, holder) =>
        checkUsable(voucher, NOW, { ...holder, memberNumber: voucher.ownerMemberNumber }).ok,
      (holder) => usableBy(holder, NOW),
    );
    expect(outcomes(verdicts)).toEqual(new Set([true, false]));
    expect(disagreements(verdicts)).toEqual([]);
  });

  it('a lock holds exactly where unlockedAt keeps the update out', async () => {
    const verdicts = await judged(
      (voucher) => !lockHolds(voucher, NOW),
      () => unlockedAt(NOW),
    );
    expect(outcomes(verdicts)).toEqual(new Set([true, false]));
    expect(disagreements(verdicts)).toEqual([]);
  });
});
