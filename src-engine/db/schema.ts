import type { Generated } from 'kysely';

/*
 * Row types, apart from the domain types (src-shared/vouchers): mappers in repo/ convert.
 * Instants are integer milliseconds since the epoch; amounts are integer minor units;
 * flags are 0/1 integers, the same on SQLite and PostgreSQL.
 */

export interface ChainTable {
  id: Generated<number>;
  name: string;
  currency: string;
  timezone: string;
  /** Next revision number of the honour-voucher change feed; its row lock orders the feed. */
  honour_rev: number;
  created_at: number;
}

export interface StoreTable {
  id: Generated<number>;
  chain_id: number;
  code: string;
  name: string;
}

export type Role = 'terminal' | 'manager' | 'admin';

export interface AccountTable {
  id: Generated<number>;
  chain_id: number;
  username: string;
  password_hash: string;
  role: Role;
  created_at: number;
  disabled_at: number | null;
}

export interface SessionTable {
  id: Generated<number>;
  account_id: number;
  key_hash: string;
  created_at: number;
  expires_at: number;
}

export interface ApiKeyTable {
  id: Generated<number>;
  chain_id: number;
  label: string;
  /** The first 16 hex of the key's SHA-256: finds the row; the scrypt hash proves the key. */
  lookup: string;
  key_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface MemberTable {
  id: Generated<number>;
  chain_id: number;
  member_number: string;
  name: string | null;
  created_at: number;
}

export interface CampaignTable {
  id: Generated<number>;
  chain_id: number;
  title: string;
  voucher_type: 'basket' | 'basket_pct' | 'honour';
  amount: number | null;
  ratio_ppm: number | null;
  honour_code: string | null;
  lock_period_seconds: number;
  expiry_seconds: number | null;
  exclusive: number;
  created_at: number;
}

export interface VoucherTable {
  id: Generated<number>;
  chain_id: number;
  voucher_key: string;
  code: string | null;
  campaign_id: number;
  member_id: number | null;
  voucher_type: 'basket' | 'basket_pct' | 'honour';
  currency: string;
  amount_original: number | null;
  amount: number | null;
  amount_redeemed: number | null;
  ratio_ppm: number | null;
  honour_code: string | null;
  title: string;
  exclusive: number;
  lock_period_seconds: number;
  created_at: number;
  claimed_at: number | null;
  validated_at: number | null;
  burned_at: number | null;
  expires_at: number | null;
  deleted_at: number | null;
  lock_until: number | null;
  lock_basket_code: string | null;
  lock_code: string | null;
  parent_voucher_id: number | null;
  redeemed_basket_id: number | null;
  /** Position in the honour-voucher change feed (honour vouchers only). */
  rev: number | null;
}

export interface BasketTable {
  id: Generated<number>;
  chain_id: number;
  retailer_basket_code: string;
  member_id: number | null;
  store_code: string | null;
  currency: string;
  /** SHA-256 of the request's canonical JSON: a replay must match it. */
  request_hash: string;
  /** The stored add-basket results, returned again on a replay. */
  results_json: string;
  total_gross: number;
  total_discount: number;
  created_at: number;
}

export interface BasketItemTable {
  basket_id: number;
  line_id: string;
  quantity: string;
  unit_price: number;
  gross: number;
  discount: number;
  returned_quantity: string;
}

export interface BasketItemVoucherTable {
  basket_id: number;
  line_id: string;
  voucher_id: number;
  discount: number;
}

export interface AuditTable {
  id: Generated<number>;
  chain_id: number;
  at: number;
  actor: string;
  action: string;
  voucher_id: number | null;
  basket_code: string | null;
  reason: string | null;
}

export interface Database {
  chains: ChainTable;
  stores: StoreTable;
  accounts: AccountTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  members: MemberTable;
  campaigns: CampaignTable;
  vouchers: VoucherTable;
  baskets: BasketTable;
  basket_items: BasketItemTable;
  basket_item_vouchers: BasketItemVoucherTable;
  audit_log: AuditTable;
}
