import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../test-support/engine/harness';
import { connect } from './connect';
import { migrateTo, migrateToLatest } from './migrate';

describe('upgrading a database of the first release', () => {
  it('gives the rewards and vouchers already there their public ids, each its own', async () => {
    const sqlite = DATABASES.find((database) => database.name === 'sqlite');
    if (!sqlite) throw new Error('the SQLite test database is always present');
    const created = await sqlite.create();
    const db = connect(created.options.databaseUrl);
    try {
      expect(await migrateTo(db, '0001_initial')).toEqual(['0001_initial']);
      const chain = await sql<{ id: number }>`
        insert into chains (name, currency, timezone, honour_rev, created_at)
        values ('Old', 'EUR', 'Europe/Amsterdam', 0, 1) returning id`.execute(db.kysely);
      const chainId = chain.rows[0]?.id;
      const campaign = await sql<{ id: number }>`
        insert into campaigns (chain_id, title, voucher_type, amount, created_at)
        values (${chainId}, 'Old €5', 'basket', 500, 1) returning id`.execute(db.kysely);
      for (const key of ['a'.repeat(64), 'b'.repeat(64)]) {
        await sql`
          insert into vouchers (chain_id, voucher_key, campaign_id, voucher_type, currency, title, created_at)
          values (${chainId}, ${key}, ${campaign.rows[0]?.id}, 'basket', 'EUR', 'Old €5', 1)`.execute(
          db.kysely,
        );
      }

      expect(await migrateToLatest(db)).toEqual([
        '0002_rewards',
        '0003_event_retention',
        '0004_readiness_probe',
        '0005_spaaza_fields',
        '0006_basket_item_position',
        '0007_keys_and_accounts',
        '0008_stores_and_login_limits',
        '0010_audit_chain',
        '0011_feed_signing_keys',
        '0012_sync_conflicts',
        '0013_freed_basket_vouchers',
        '0014_basket_item_names',
      ]);
      const vouchers = await db.kysely
        .selectFrom('vouchers')
        .select(['uuid', 'code_uuid', 'shared_code'])
        .execute();
      const campaigns = await db.kysely
        .selectFrom('campaigns')
        .select(['uuid', 'hide_code'])
        .execute();
      const ids = [
        ...vouchers.flatMap((v) => [v.uuid, v.code_uuid]),
        ...campaigns.map((c) => c.uuid),
      ];
      expect(ids).toHaveLength(5);
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(5);
      expect(campaigns[0]?.hide_code).toBe(0);
      expect(vouchers.every((v) => v.shared_code === null)).toBe(true);
    } finally {
      await db.close();
      await created.drop();
    }
  });
});

describe('numbering the lines of baskets stored before their order was kept', () => {
  it('numbers them in line id order, as receipts listed them, basket by basket', async () => {
    const sqlite = DATABASES.find((database) => database.name === 'sqlite');
    if (!sqlite) throw new Error('the SQLite test database is always present');
    const created = await sqlite.create();
    const db = connect(created.options.databaseUrl);
    try {
      await migrateTo(db, '0005_spaaza_fields');
      const chain = await sql<{ id: number }>`
        insert into chains (name, currency, timezone, honour_rev, created_at)
        values ('Old', 'EUR', 'Europe/Amsterdam', 0, 1) returning id`.execute(db.kysely);
      const chainId = chain.rows[0]?.id;
      const lines: Record<string, string[]> = { A: ['line_2', 'line_10', 'line_1'], B: ['x'] };
      for (const [code, ids] of Object.entries(lines)) {
        const basket = await sql<{ id: number }>`
          insert into baskets (chain_id, retailer_basket_code, currency, request_hash, results_json,
            total_gross, total_discount, created_at, sold_at)
          values (${chainId}, ${code}, 'EUR', 'h', '{}', 0, 0, 1, 1) returning id`.execute(
          db.kysely,
        );
        for (const id of ids)
          await sql`
            insert into basket_items (basket_id, line_id, quantity, unit_price, gross, discount, returned_quantity)
            values (${basket.rows[0]?.id}, ${id}, '1', 100, 100, 0, '0')`.execute(db.kysely);
      }

      expect(await migrateToLatest(db)).toEqual([
        '0006_basket_item_position',
        '0007_keys_and_accounts',
        '0008_stores_and_login_limits',
        '0010_audit_chain',
        '0011_feed_signing_keys',
        '0012_sync_conflicts',
        '0013_freed_basket_vouchers',
        '0014_basket_item_names',
      ]);
      const rows = await db.kysely
        .selectFrom('basket_items')
        .innerJoin('baskets', 'baskets.id', 'basket_items.basket_id')
        .select(['baskets.retailer_basket_code as code', 'line_id', 'position'])
        .orderBy('baskets.retailer_basket_code')
        .orderBy('position')
        .execute();
      expect(rows).toEqual([
        { code: 'A', line_id: 'line_1', position: 0 },
        { code: 'A', line_id: 'line_10', position: 1 },
        { code: 'A', line_id: 'line_2', position: 2 },
        { code: 'B', line_id: 'x', position: 0 },
      ]);
    } finally {
      await db.close();
      await created.drop();
    }
  });
});
