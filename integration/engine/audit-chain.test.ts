import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chainNext, tillAuditContent, type ChainHead } from '../../src-node/audit-chain';
import type { TillAuditRow } from '../../src-shared/wire';
import { connect, type Db } from '../../src-engine/db/connect';
import { operatorActor } from '../../src-engine/domain/api-keys';
import { migrateTo, migrateToLatest } from '../../src-engine/db/migrate';
import { audit } from '../../src-engine/domain/audit';
import { verifyAudit } from '../../src-engine/domain/audit-verify';
import { call, loginDemoAccounts, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

const CHAIN = 1;
const TILL = 'S001-01';

/** A till's chain of `count` rows from seq 1, as a till builds it. */
function tillRows(count: number, detail = (seq: number) => `entry ${seq}`): TillAuditRow[] {
  const rows: TillAuditRow[] = [];
  let last: ChainHead | undefined;
  for (let seq = 1; seq <= count; seq += 1) {
    const content = {
      at: 1_700_000_000_000 + seq,
      actor: 'manager-s001',
      action: 'unlock_voucher',
      voucherKey: `key-${seq}`,
      basketCode: null,
      detail: detail(seq),
    };
    const link = chainNext(last, tillAuditContent(content));
    rows.push({
      seq: link.seq,
      at: content.at,
      actor: content.actor,
      action: content.action,
      voucher_key: content.voucherKey,
      basket_code: content.basketCode,
      detail: content.detail,
      prev_hash: link.prevHash,
      row_hash: link.rowHash,
    });
    last = { seq: link.seq, rowHash: link.rowHash };
  }
  return rows;
}

async function appendRows(db: Db, count: number, label: string): Promise<void> {
  for (let n = 1; n <= count; n += 1)
    await audit(db.kysely, operatorActor(CHAIN, 'audit-test'), 'reset_password', n, {
      reason: `${label} ${n}`,
    });
}

async function auditCount(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chain_id', '=', CHAIN)
    .executeTakeFirstOrThrow();
  return row.n;
}

describeEachDatabase('the tamper-evident audit trail', (database) => {
  let engine: TestEngine;
  let admin: Session;
  let till: Session;
  const verify = async () => {
    const answer = await call(engine.url, '/admin/audit/verify', { session: admin });
    expect(answer.status).toBe(200);
    return answer.body.results;
  };
  const sendTillRows = (rows: readonly TillAuditRow[], tillId = TILL) =>
    call(engine.url, '/sync/till-audit', { json: { till_id: tillId, rows }, session: till });

  beforeEach(async () => {
    engine = await startTestEngine(database, { demo: true });
    ({ admin, till } = await loginDemoAccounts(engine.url));
    await appendRows(engine.db, 5, 'row');
  }, 60_000);
  afterEach(async () => {
    await engine.close();
  });

  it('chains every row and verifies an untouched trail', async () => {
    const total = await auditCount(engine.db);
    const seqs = await engine.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .where('chain_id', '=', CHAIN)
      .orderBy('id')
      .execute();
    expect(seqs.map((row) => row.seq)).toEqual(Array.from({ length: total }, (_, n) => n + 1));
    expect(await verify()).toEqual({
      result_type: 'verify-audit',
      ok: true,
      checked: total,
      tills: [],
    });
  });

  it('finds an edited row: its hash no longer matches', async () => {
    await engine.db.kysely
      .updateTable('audit_log')
      .set({ reason: 'nothing happened' })
      .where('chain_id', '=', CHAIN)
      .where('seq', '=', 3)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 3,
      broken_at: { seq: 3, reason: 'row_hash_mismatch' },
    });
  });

  it('finds a removed row: a gap in seq', async () => {
    await engine.db.kysely
      .deleteFrom('audit_log')
      .where('chain_id', '=', CHAIN)
      .where('seq', '=', 3)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      broken_at: { seq: 4, reason: 'seq_gap' },
    });
  });

  it('finds two rows swapped: the first no longer follows the row before it', async () => {
    const swap = async (from: number, to: number) =>
      engine.db.kysely
        .updateTable('audit_log')
        .set({ seq: to })
        .where('chain_id', '=', CHAIN)
        .where('seq', '=', from)
        .execute();
    await swap(3, -1);
    await swap(4, 3);
    await swap(-1, 4);
    expect(await verify()).toMatchObject({
      ok: false,
      broken_at: { seq: 3, reason: 'prev_hash_mismatch' },
    });
  });

  it('finds rows removed from the end against the recorded head', async () => {
    const total = await auditCount(engine.db);
    await engine.db.kysely
      .deleteFrom('audit_log')
      .where('chain_id', '=', CHAIN)
      .where('seq', '=', total)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      checked: total - 1,
      broken_at: { seq: total, reason: 'head_mismatch' },
    });
  });

  it('is an admin call', async () => {
    const answer = await call(engine.url, '/admin/audit/verify', { session: till });
    expect(answer.status).toBe(403);
  });

  it("stores a till's chain batch by batch, takes a batch sent again, and verifies it", async () => {
    const rows = tillRows(6);
    const first = await sendTillRows(rows.slice(0, 3));
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual({
      result_type: 'sync-till-audit',
      till_id: TILL,
      head_seq: 3,
      stored: 3,
    });
    // the answer was lost: the same batch again, then one overlapping it
    expect((await sendTillRows(rows.slice(0, 3))).body.results).toMatchObject({
      head_seq: 3,
      stored: 0,
    });
    expect((await sendTillRows(rows.slice(1, 5))).body.results).toMatchObject({
      head_seq: 5,
      stored: 2,
    });
    expect(await verify()).toMatchObject({
      ok: true,
      tills: [{ till_id: TILL, ok: true, checked: 5 }],
    });

    await engine.db.kysely
      .updateTable('till_audit_log')
      .set({ detail: 'rewritten' })
      .where('till_id', '=', TILL)
      .where('seq', '=', 2)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      tills: [
        {
          till_id: TILL,
          ok: false,
          checked: 2,
          broken_at: { seq: 2, reason: 'row_hash_mismatch' },
        },
      ],
    });
  });

  it('refuses a batch that does not continue the stored chain, naming the row, and stores none of it', async () => {
    const rows = tillRows(4);
    expect((await sendTillRows(rows.slice(0, 2))).status).toBe(200);
    const other = tillRows(4, (seq) => `another till's entry ${seq}`);
    const cases: [TillAuditRow[], RegExp][] = [
      [rows.slice(3), /row seq 4 does not continue it: the next seq is 3/],
      [
        [rows[2], other[3]].flatMap((row) => (row ? [row] : [])),
        /row seq 4 does not continue it: its prev_hash/,
      ],
      [
        other.slice(2, 3),
        /row seq 3 does not continue it: its prev_hash is not the row_hash of seq 2/,
      ],
      [other.slice(0, 3), /row seq 1 differs from the row the engine holds/],
      [
        rows.slice(2, 3).map((row) => ({ ...row, detail: 'edited on the way' })),
        /row seq 3: its row_hash does not match its content/,
      ],
    ];
    for (const [batch, message] of cases) {
      const answer = await sendTillRows(batch);
      expect(answer.status, message.source).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 1420, name: 'audit_chain_mismatch' });
      expect(JSON.stringify(answer.body.error)).toMatch(message);
    }
    expect(await verify()).toMatchObject({ tills: [{ till_id: TILL, ok: true, checked: 2 }] });
    const bad = await sendTillRows(rows.slice(2), 'S001');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('till_id');
  });

  it('keeps one valid chain under concurrent appends (PostgreSQL: from two pools)', async () => {
    // SQLite has one writer: its appends queue on the one connection
    const second =
      database.name === 'postgres'
        ? connect(process.env.TEST_DATABASE_URL ?? '', {
            ...(engine.db.schema ? { schema: engine.db.schema } : {}),
          })
        : engine.db;
    try {
      const before = await auditCount(engine.db);
      const writers = [engine.db, second].flatMap((db, pool) =>
        Array.from({ length: 4 }, (_, writer) =>
          appendRows(db, 15, `pool ${pool} writer ${writer}`),
        ),
      );
      // and a till's batch sent twice at once: one stores it, the other finds it stored
      const batch = tillRows(3);
      const [sentTwice] = await Promise.all([
        Promise.all([sendTillRows(batch), sendTillRows(batch)]),
        ...writers,
      ]);
      expect(sentTwice.map((answer) => answer.status)).toEqual([200, 200]);
      const total = await auditCount(engine.db);
      expect(total).toBe(before + 2 * 4 * 15);
      const { rows } = await sql<{ seqs: number }>`
        select count(distinct seq) as seqs from audit_log where chain_id = ${CHAIN}`.execute(
        engine.db.kysely,
      );
      expect(Number(rows[0]?.seqs)).toBe(total);
      expect(await verify()).toEqual({
        result_type: 'verify-audit',
        ok: true,
        checked: total,
        tills: [{ till_id: TILL, ok: true, checked: 3 }],
      });
    } finally {
      if (second !== engine.db) await second.close();
    }
  }, 60_000);
});

describeEachDatabase('chaining the audit rows of an older database', (database) => {
  it('chains each chain’s rows in the order they were written, and records their heads', async () => {
    const created = await database.create();
    const db = connect(created.options.databaseUrl ?? '', {
      ...(created.options.schema ? { schema: created.options.schema } : {}),
    });
    try {
      await migrateTo(db, '0007_keys_and_accounts');
      // two chains' rows interleaved, one written at an earlier instant after a later one
      for (const [chainId, at, reason] of [
        [1, 10, 'first'],
        [2, 11, 'other chain'],
        [1, 5, 'second, with an earlier clock'],
        [1, 12, 'third'],
      ] as const)
        await sql`
          insert into audit_log (chain_id, at, actor, action, reason)
          values (${chainId}, ${at}, 'old-release', 'create', ${reason})`.execute(db.kysely);
      await migrateToLatest(db);

      const rows = await db.kysely
        .selectFrom('audit_log')
        .select(['chain_id', 'seq', 'reason'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { chain_id: 1, seq: 1, reason: 'first' },
        { chain_id: 2, seq: 1, reason: 'other chain' },
        { chain_id: 1, seq: 2, reason: 'second, with an earlier clock' },
        { chain_id: 1, seq: 3, reason: 'third' },
      ]);
      expect(await verifyAudit(db.kysely, 1)).toEqual({
        ok: true,
        own: { ok: true, checked: 3 },
        tills: [],
      });
      expect((await verifyAudit(db.kysely, 2)).own).toEqual({ ok: true, checked: 1 });
      // and the next row continues the chain
      await audit(db.kysely, operatorActor(1, 'new-release'), 'create', 20);
      expect((await verifyAudit(db.kysely, 1)).own).toEqual({ ok: true, checked: 4 });
    } finally {
      await db.close();
      await created.drop();
    }
  });
});
