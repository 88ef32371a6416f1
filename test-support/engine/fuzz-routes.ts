import { chainNext, tillAuditColumnsContent } from '../../src-node/audit-chain';
import type { Random } from './fuzz-random';

/** A JSON value as a request carries it. */
export type Json = string | number | boolean | null | Json[] | { [field: string]: Json };

/**
 * How a call takes its fields: `json` only as a JSON body (basket calls, WLL commands),
 * `params` Spaaza style (a form or JSON body, or the query string), `query` in the query string.
 */
export type FieldCarrier = 'json' | 'params' | 'query';

/** What the valid requests of the catalogue refer to: the demo chain's data and a few made in setup. */
export interface FuzzData {
  readonly voucherKeys: readonly string[];
  readonly voucherCodes: readonly string[];
  readonly memberNumbers: readonly string[];
  readonly campaignIds: readonly number[];
  readonly poolCampaignId: number;
  readonly rewardIds: readonly string[];
  readonly benefitIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly webhookIds: readonly string[];
  /** The account the login call logs in as, so that no caller's session is ended by it. */
  readonly login: { readonly username: string; readonly password: string };
}

export interface FuzzRoute {
  readonly method: string;
  /** With `:id` where the call takes a path id. */
  readonly path: string;
  readonly face: 'spaaza' | 'wll';
  readonly carrier: FieldCarrier;
  /** Whether the call answers anyone (login, health) or needs a caller. */
  readonly needsCaller: boolean;
  /** How often the fuzzer picks it: calls that hash a secret (scrypt) are picked less. */
  readonly weight: number;
  /** The path id of a valid request. */
  id?(data: FuzzData, random: Random): string;
  /** The fields of a valid request. */
  fields(data: FuzzData, random: Random): Record<string, Json>;
}

/** A basket code no other request of the run uses: a refused one can be looked for afterwards. */
export function uniqueBasketCode(random: Random): string {
  return `S001-01-FZ-${random.hex(12)}`;
}

const basket = (data: FuzzData, random: Random): Record<string, Json> => ({
  entity: { entity_type: 'chain', entity_id: 1, branch_business_owner_code: 'S001' },
  user: { member_programme: 'spaaza', member_number: random.pick(data.memberNumbers) },
  basket: {
    basket_platform_type: 'in_store',
    retailer_basket_code: uniqueBasketCode(random),
    basket_currency: { currency_code: 'EUR' },
    basket_voucher_lock_exclusively: random.chance(0.5),
    basket_items: Array.from({ length: 1 + random.int(3) }, (_, index) => ({
      retailer_item_code: `item-${index}`,
      item_barcode: '8710000000001',
      item_quantity: 1 + random.int(3),
      item_price: (100 + random.int(5000)) / 100,
      item_name: 'Fuzzed tea',
    })),
    basket_vouchers: random.chance(0.5)
      ? [{ voucher_key: random.pick(data.voucherKeys) }]
      : [{ voucher_code: random.pick(data.voucherCodes) }],
  },
});

const voucher = (data: FuzzData, random: Random) => ({
  voucher_key: random.pick(data.voucherKeys),
});
const owned = (data: FuzzData, random: Random) => ({
  ...voucher(data, random),
  member_number: random.pick(data.memberNumbers),
});

function spaaza(
  method: string,
  path: string,
  carrier: FieldCarrier,
  fields: FuzzRoute['fields'],
  options: Partial<Pick<FuzzRoute, 'needsCaller' | 'weight' | 'id'>> = {},
): FuzzRoute {
  return {
    method,
    path,
    face: 'spaaza',
    carrier,
    needsCaller: true,
    weight: 1,
    fields,
    ...options,
  };
}

function wll(
  method: string,
  path: string,
  carrier: FieldCarrier,
  fields: FuzzRoute['fields'],
  id?: FuzzRoute['id'],
): FuzzRoute {
  return {
    method,
    path,
    face: 'wll',
    carrier,
    needsCaller: true,
    weight: 1,
    fields,
    ...(id ? { id } : {}),
  };
}

const none = () => ({});

/** The first row of a new till's audit chain, under a till id no other request uses. */
const tillAuditBatch = (_data: FuzzData, random: Random): Record<string, Json> => {
  const row = {
    at: 1_700_000_000_000 + random.int(1_000_000),
    actor: 'manager-s001',
    action: 'unlock_voucher',
    voucher_key: random.hex(16),
    basket_code: null,
    detail: 'fuzzed',
  };
  const link = chainNext(undefined, tillAuditColumnsContent(row));
  return {
    till_id: `FZ${random.hex(6)}-01`,
    rows: [{ seq: link.seq, ...row, prev_hash: link.prevHash, row_hash: link.rowHash }],
  };
};

/** Every call the engine answers, each with a valid request for the fuzzer to break. */
export const FUZZ_ROUTES: readonly FuzzRoute[] = [
  spaaza('GET', '/healthz', 'query', none, { needsCaller: false }),
  spaaza('GET', '/readyz', 'query', none, { needsCaller: false }),
  spaaza('POST', '/auth/login', 'params', (data) => ({ ...data.login }), {
    needsCaller: false,
    weight: 0.3,
  }),
  spaaza('POST', '/auth/logout', 'params', none, { weight: 0.2 }),
  spaaza('DELETE', '/auth/logout', 'params', none, { weight: 0.2 }),
  spaaza('POST', '/auth/get-basket-price', 'json', basket, { weight: 3 }),
  spaaza('POST', '/auth/add-basket', 'json', basket, { weight: 3 }),
  spaaza('POST', '/auth/add-basket-payment', 'json', (_data, random) => ({
    retailer_basket_code: uniqueBasketCode(random),
    payment_position: random.int(3),
    payment_method: random.pick(['cash', 'card']),
    payment_amount: (1 + random.int(5000)) / 100,
  })),
  spaaza('PUT', '/lock-voucher', 'params', (data, random) => ({
    ...voucher(data, random),
    retailer_basket_code: uniqueBasketCode(random),
    voucher_lock_period: 60,
  })),
  ...['PUT', 'POST'].map((method) =>
    spaaza(method, '/unlock-voucher', 'params', (data, random) => ({
      ...voucher(data, random),
      reason: 'released by the fuzzer',
    })),
  ),
  ...['PUT', 'POST'].flatMap((method) => [
    spaaza(method, '/claim-voucher', 'params', owned),
    spaaza(method, '/unclaim-voucher', 'params', owned),
    spaaza(method, '/expire-voucher', 'params', voucher),
    spaaza(method, '/auth/redeem-voucher', 'params', (data, random) => ({
      ...owned(data, random),
      amount: 1,
    })),
  ]),
  spaaza('POST', '/claim-vouchers', 'json', (data, random) => ({
    entity: { chain_id: 1 },
    user: { member_number: random.pick(data.memberNumbers) },
    vouchers: [voucher(data, random)],
    locking: { retailer_basket_code: uniqueBasketCode(random), voucher_lock_period: 60 },
  })),
  spaaza('POST', '/auth/claim-basket', 'params', (data, random) => ({
    retailer_basket_code: uniqueBasketCode(random),
    member_number: random.pick(data.memberNumbers),
  })),
  spaaza('GET', '/get-receipts', 'query', (data, random) => ({
    member_number: random.pick(data.memberNumbers),
    number_results: '20',
    min_basket_datetime: '2026-01-01T00:00:00Z',
  })),
  spaaza('POST', '/create-voucher', 'params', (data, random) => ({
    campaign_id: random.pick(data.campaignIds),
    member_number: random.pick(data.memberNumbers),
    voucher_amount: 2.5,
    set_claimed: true,
    expiry_date: '2031-12-31',
  })),
  spaaza('DELETE', '/delete-voucher', 'params', voucher),
  spaaza('GET', '/get-vouchers', 'query', (data, random) => ({
    chain_id: '1',
    member_number: random.pick(data.memberNumbers),
    show_all_statuses: 'true',
    number_results: '20',
  })),
  spaaza('GET', '/get-user-vouchers', 'query', (data, random) => ({
    member_number: random.pick(data.memberNumbers),
  })),
  spaaza('GET', '/get-card', 'query', (data, random) => ({
    member_number: random.pick(data.memberNumbers),
  })),
  spaaza('GET', '/sync/honour-vouchers', 'query', () => ({ cursor: '0', limit: '50' })),
  spaaza('POST', '/sync/till-audit', 'json', tillAuditBatch),
  spaaza('POST', '/sync/conflicts', 'json', (_data, random) => ({
    till_id: 'S001-01',
    conflicts: [
      {
        basket_code: `S001-01-20261203-${random.hex(4)}`,
        reason: 'voucher_already_redeemed',
        message: 'fuzzed conflict',
        voucher_ref: random.hex(8),
        occurred_at: 1_700_000_000_000 + random.int(1_000_000),
      },
    ],
  })),
  spaaza('GET', '/sync/conflicts', 'query', () => ({ store_code: 'S001' })),
  spaaza(
    'POST',
    '/sync/conflicts/:id/acknowledge',
    'json',
    (_data, random) => ({ note: `fuzz ${random.hex(4)}` }),
    { id: (_data, random) => String(1 + random.int(20)) },
  ),
  spaaza('POST', '/admin/chains', 'params', (_data, random) => ({
    name: `Fuzz chain ${random.hex(4)}`,
    currency: 'EUR',
    timezone: 'Europe/Amsterdam',
  })),
  spaaza('POST', '/admin/stores', 'params', (_data, random) => ({
    code: `FZ${random.hex(6)}`,
    name: 'Fuzz store',
  })),
  spaaza(
    'POST',
    '/admin/accounts',
    'params',
    (_data, random) => ({
      username: `fuzz-${random.hex(8)}`,
      password: 'fuzzed-password',
      role: random.pick(['terminal', 'manager', 'admin']),
    }),
    { weight: 0.3 },
  ),
  spaaza('POST', '/admin/members', 'params', (_data, random) => ({
    member_number: `9${random.hex(8)}`,
    name: 'Fuzz Member',
  })),
  spaaza('POST', '/admin/campaigns', 'params', (_data, random) => ({
    title: 'Fuzz campaign',
    voucher_type: 'basket',
    amount: (1 + random.int(900)) / 100,
    expiry_seconds: 86_400,
  })),
  spaaza(
    'POST',
    '/admin/campaigns/:id/codes',
    'params',
    (_data, random) => ({ codes: `FZ-${random.hex(6)},FZ-${random.hex(6)}` }),
    { id: (data) => String(data.poolCampaignId) },
  ),
  spaaza('GET', '/admin/campaigns/:id/codes', 'query', none, {
    id: (data) => String(data.poolCampaignId),
  }),
  spaaza('POST', '/admin/vouchers', 'params', (data, random) => ({
    campaign_id: random.pick(data.campaignIds),
    member_number: random.pick(data.memberNumbers),
    expires_at: '2031-01-31T23:59:59Z',
  })),
  spaaza('POST', '/admin/api-keys', 'params', () => ({ label: 'fuzz key' }), { weight: 0.3 }),
  spaaza('GET', '/admin/audit', 'query', () => ({ limit: '10' })),
  spaaza('GET', '/admin/audit/verify', 'query', none, { weight: 0.3 }),
  // a rare event type: every event fans out to every webhook of its chain, and the fuzzer
  // creates hundreds of them
  spaaza('POST', '/admin/webhooks', 'params', () => ({
    url: 'http://127.0.0.1:9/fuzz-hook',
    event_types: 'CODE_POOL_LOW',
    // Standard Webhooks' form: whsec_ and the base64 of a 24-byte key
    secret: 'whsec_ZnV6ei1zZWNyZXQtb2YtMjQtYnl0ZXMh',
  })),
  spaaza('GET', '/admin/webhooks', 'query', none),
  spaaza('DELETE', '/admin/webhooks/:id', 'params', none, {
    id: (data, random) => random.pick(data.webhookIds),
  }),
  spaaza('GET', '/admin/webhooks/:id/deliveries', 'query', () => ({ limit: '5' }), {
    id: (data, random) => random.pick(data.webhookIds),
  }),
  wll('POST', '/commands/purchase_reward', 'json', (data, random) => ({
    rewardId: random.pick(data.rewardIds),
    beneficiaryId: random.pick(data.memberNumbers),
    comment: 'bought by the fuzzer',
  })),
  wll('POST', '/commands/redeem_benefit', 'json', (data, random) => ({
    benefitId: random.pick(data.benefitIds),
    position: { longitude: 4.9, latitude: 52.37 },
  })),
  wll('POST', '/commands/validate_voucher', 'json', (data, random) => ({
    code: random.pick(data.voucherCodes),
    allowFutureValidation: false,
    userIdentifier: random.pick(data.memberNumbers),
  })),
  wll('GET', '/benefits', 'query', () => ({ limit: '10', state: 'AVAILABLE,REDEEMED' })),
  wll('GET', '/benefits/:id', 'query', none, (data, random) => random.pick(data.benefitIds)),
  wll('GET', '/events', 'query', () => ({ limit: '10', order: 'ASC' })),
  wll('GET', '/events/:id', 'query', none, (data, random) => random.pick(data.eventIds)),
];
