import type { Kysely } from 'kysely';
import type { Database } from '../../src-engine/db/schema';
import type { Actor } from '../../src-engine/domain/actor';
import { createMember, createVoucher } from '../../src-engine/domain/admin';
import { expectOk } from '../../src-engine/domain/refusal';
import { lockVoucher } from '../../src-engine/domain/voucher-ops/lock';
import { call, type Session } from './client';
import type { ExampleNeeds, ExampleState } from './spaaza-examples';

/** The demo chain a replay runs in, and a session that may store the baskets an example refers to. */
export interface ReplayChain {
  readonly url: string;
  readonly db: Kysely<Database>;
  readonly chainId: number;
  readonly storeCode: string;
  readonly storer: Session;
}

/** The demo chain's €5.00 campaign: the one the examples call their base loyalty campaign. */
export async function baseCampaignId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('vouchers')
    .select('campaign_id')
    .where('code', '=', 'DEMO-5EUR')
    .executeTakeFirstOrThrow();
  return row.campaign_id;
}

const RETURNED_LINE = 'line_item_01';

/**
 * Seeds what one run of an example needs, all of it new: a member of its own (with a user
 * name and an identity-system id), its voucher, and the basket it refers to. Runs never share
 * state, so they may run in any order.
 */
export async function seedExampleState(
  chain: ReplayChain,
  needs: ExampleNeeds,
  run: string,
): Promise<ExampleState> {
  const { db, chainId } = chain;
  const now = Date.now();
  const actor: Actor = { chainId, role: 'privileged', name: 'replay-seed', accountId: null };
  const memberNumber = `35402${run}`;
  const userId = expectOk(await createMember(db, { chainId, memberNumber, name: 'Joe' }, now));
  const member = {
    memberNumber,
    userId,
    username: `member-${run}@example.com`,
    authenticationPointIdentifier: `70994${run}`,
  };
  await db
    .updateTable('members')
    .set({
      username: member.username,
      authentication_point_identifier: member.authenticationPointIdentifier,
    })
    .where('id', '=', userId)
    .execute();
  const campaignId = await baseCampaignId(db);

  let voucher: ExampleState['voucher'] = null;
  if (needs.voucher) {
    const created = expectOk(
      await createVoucher(
        db,
        actor,
        {
          chainId,
          campaignId,
          memberNumber,
          claimed: needs.voucher.status !== 'generated',
          amount: needs.voucher.amount,
        },
        now,
      ),
    );
    voucher = { key: created.key, id: created.id };
    if (needs.voucher.status === 'locked')
      expectOk(
        await lockVoucher(
          db,
          actor,
          { ref: { key: created.key }, basketCode: `held-${run}`, lockingCode: null },
          now,
        ),
      );
  }

  let storedBasket: ExampleState['storedBasket'] = null;
  if (needs.storedBasket) {
    const code = `stored-${run}`;
    await storeBasket(chain, code, needs.storedBasket === 'member-purchase' ? memberNumber : null);
    storedBasket = { code, itemCode: RETURNED_LINE };
  }

  return {
    chainId,
    storeCode: chain.storeCode,
    campaignId,
    member,
    voucher,
    basketCode: `order_number_${run}`,
    storedBasket,
  };
}

/** An earlier purchase of two at €10.00, the member's or anonymous, stored over HTTP. */
async function storeBasket(
  chain: ReplayChain,
  code: string,
  memberNumber: string | null,
): Promise<void> {
  const answer = await call(chain.url, '/auth/add-basket', {
    session: chain.storer,
    json: {
      entity: {
        entity_type: 'chain',
        entity_id: chain.chainId,
        branch_business_owner_code: chain.storeCode,
      },
      ...(memberNumber === null
        ? {}
        : { user: { member_programme: 'spaaza', member_number: memberNumber } }),
      basket: {
        retailer_basket_code: code,
        basket_currency: { currency_code: 'EUR' },
        basket_items: [
          {
            retailer_item_code: RETURNED_LINE,
            item_barcode: '8718299435640',
            item_quantity: 2,
            item_price: 10,
          },
        ],
      },
    },
  });
  if (answer.status !== 200)
    throw new Error(`storing basket ${code} failed: ${JSON.stringify(answer.body)}`);
}
