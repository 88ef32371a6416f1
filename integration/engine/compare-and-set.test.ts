import { afterAll, beforeAll, expect, it } from 'vitest';
import { ok } from '../../src-shared/result';
import { inTransaction } from '../../src-engine/db/transaction';
import { compareAndSet } from '../../src-engine/domain/voucher-ops/compare-and-set';
import { voucherName } from '../../src-engine/domain/voucher-ops/refusals';
import { voucherById, type VoucherRow } from '../../src-engine/repo/vouchers';
import { issueDemoVoucher } from '../../test-support/engine/demo-vouchers';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const actor = { chainId: 1, role: 'privileged' as const, name: 'test', accountId: null };

describeEachDatabase('a compare-and-set that loses races', (database) => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
  });
  afterAll(async () => {
    await engine.close();
  });

  /**
   * Sets the voucher's lock code to 'ours' if it is still what the decision read; another
   * request rewrites it right after each read, `overtakes` times.
   */
  async function raceFor(code: string, overtakes: number) {
    const key = await issueDemoVoucher(engine.db.kysely, code);
    const stored = await engine.db.kysely
      .selectFrom('vouchers')
      .select('id')
      .where('voucher_key', '=', key)
      .executeTakeFirstOrThrow();
    let moves = 0;
    const outcome = await inTransaction(engine.db.kysely, async (trx) => {
      const overtaken = async (row: VoucherRow): Promise<VoucherRow> => {
        if (moves < overtakes) {
          moves += 1;
          await trx
            .updateTable('vouchers')
            .set({ lock_code: `theirs-${String(moves)}` })
            .where('id', '=', row.id)
            .execute();
        }
        return row;
      };
      const read = await overtaken(await voucherById(trx, stored.id));
      return compareAndSet(trx, actor, 1_000, {
        row: read,
        reread: async (row) => ok(await overtaken(await voucherById(trx, row.id))),
        name: voucherName,
        decide: (row) =>
          ok({
            set: { lock_code: 'ours' },
            guard: (eb) =>
              row.lock_code === null
                ? eb('lock_code', 'is', null)
                : eb('lock_code', '=', row.lock_code),
            audits: ['lock'],
          }),
      });
    });
    const after = await engine.db.kysely
      .selectFrom('vouchers')
      .select('lock_code')
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    const audits = await engine.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('voucher_id', '=', stored.id)
      .where('action', '=', 'lock')
      .execute();
    return { outcome, lockCode: after.lock_code, lockAudits: audits.length };
  }

  it('decides again on the fresh row and wins on the third attempt', async () => {
    const { outcome, lockCode, lockAudits } = await raceFor('CAS-TWICE', 2);
    expect(outcome.ok).toBe(true);
    expect({ lockCode, lockAudits }).toEqual({ lockCode: 'ours', lockAudits: 1 });
  });

  it('refuses after three lost races and changes nothing', async () => {
    const { outcome, lockCode, lockAudits } = await raceFor('CAS-ALWAYS', 3);
    expect(outcome.ok ? null : outcome.error.code).toBe('voucher_state_conflict');
    expect({ lockCode, lockAudits }).toEqual({ lockCode: null, lockAudits: 0 });
  });
});
