import { sql, type Kysely } from 'kysely';
import { chainNext, type ChainHead } from '../../../src-node/audit-chain';
import type { Dialect } from '../connect';
import {
  ENGINE_CHAIN,
  engineAuditContent,
  type EngineAuditContent,
} from '../../domain/audit-chain-rows';

interface StoredAuditRow extends EngineAuditContent {
  readonly id: number;
}

/**
 * The audit trails become hash chains (docs/security.md, "Tamper-evident audit"): each row of
 * `audit_log` gets its chain's `seq`, `prev_hash` and `row_hash`, and `audit_heads` holds each
 * chain's last seq and hash, the row a writer locks to append. Rows written before this are
 * chained in the order they were written (by id). `till_audit_log` keeps the chains the tills
 * send, one per till, with their heads in `audit_heads` too.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const instant = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .alterTable('audit_log')
    .addColumn('seq', sql.raw(instant), (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('audit_log')
    .addColumn('prev_hash', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_log')
    .addColumn('row_hash', 'text', (col) => col.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('audit_heads')
    .addColumn('chain_id', 'integer', (col) => col.notNull())
    // '' for the engine's own trail of the chain, else the till's id
    .addColumn('till_id', 'text', (col) => col.notNull())
    .addColumn('seq', sql.raw(instant), (col) => col.notNull())
    .addColumn('row_hash', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('audit_heads_pk', ['chain_id', 'till_id'])
    .execute();

  await backfill(db);

  await db.schema
    .createIndex('audit_chain_seq')
    .on('audit_log')
    .columns(['chain_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('till_audit_log')
    .addColumn('id', sql.raw(id), (col) =>
      dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('chain_id', 'integer', (col) => col.notNull())
    .addColumn('till_id', 'text', (col) => col.notNull())
    .addColumn('seq', sql.raw(instant), (col) => col.notNull())
    .addColumn('at', sql.raw(instant), (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('voucher_key', 'text')
    .addColumn('basket_code', 'text')
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('row_hash', 'text', (col) => col.notNull())
    .addColumn('received_at', sql.raw(instant), (col) => col.notNull())
    .addUniqueConstraint('till_audit_log_seq', ['chain_id', 'till_id', 'seq'])
    .execute();
}

/** Chains every existing row, chain by chain in id order, and records each chain's head. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<StoredAuditRow>`
    select id, chain_id as "chainId", at, actor, action, voucher_id as "voucherId",
      basket_code as "basketCode", reason
    from audit_log order by chain_id, id`.execute(db);
  const heads = new Map<number, ChainHead>();
  for (const row of rows) {
    const next = chainNext(heads.get(row.chainId), engineAuditContent(row));
    await sql`
      update audit_log set seq = ${next.seq}, prev_hash = ${next.prevHash}, row_hash = ${next.rowHash}
      where id = ${row.id}`.execute(db);
    heads.set(row.chainId, { seq: next.seq, rowHash: next.rowHash });
  }
  for (const [chainId, head] of heads)
    await sql`
      insert into audit_heads (chain_id, till_id, seq, row_hash)
      values (${chainId}, ${ENGINE_CHAIN}, ${head.seq}, ${head.rowHash})`.execute(db);
}
