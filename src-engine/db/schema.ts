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
  /** 1: claim-voucher and friends may name a voucher by its `third_party_id`. */
  uses_third_party_voucher_id: Generated<number>;
  /** A child voucher (a remainder, a return's) is valid for at least this many days from its creation. */
  child_voucher_min_days: Generated<number>;
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
  /** The store a terminal or manager account belongs to; null: the whole chain. */
  store_id: number | null;
  /** Failed logins since the last one that worked. */
  failed_logins: Generated<number>;
  /** Until this instant the account's logins are refused without checking the password. */
  locked_until: number | null;
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
  /** What the key may do; never above the role of whoever created it. */
  role: Generated<KeyRole>;
  created_at: number;
  /** After this instant the key proves nobody; null: it does not expire. */
  expires_at: number | null;
  /** The audit name of who created it; null for keys made before this was recorded. */
  created_by: string | null;
  revoked_at: number | null;
}

export type KeyRole = Role | 'privileged';

export interface MemberTable {
  id: Generated<number>;
  chain_id: number;
  member_number: string;
  name: string | null;
  created_at: number;
  /** Spaaza's `username` (an e-mail address), unique in the chain. */
  username: string | null;
  /** The member's id in a third-party identity system, unique in the chain. */
  authentication_point_identifier: string | null;
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
  /** Spaaza's campaign_type: loyalty, wallet, signup, cashback, birthday … */
  campaign_type: Generated<string>;
  /** The reward's public id on the WLL face. */
  uuid: string;
  /** How purchase_reward gives a benefit its code; null: the campaign is not sold as a reward. */
  code_type: CodeType | null;
  /** OTP: the format around the generated part, e.g. `PROMO-{code}`. */
  code_template: string | null;
  /** OTP: how many characters the generated part has. */
  code_length: number | null;
  /** STATIC: the one code every purchaser gets. */
  static_code: string | null;
  /** WLL hideCode: the member is never shown the code (fulfilled through events instead). */
  hide_code: number;
  /** POOL: at or below this many unused codes, a low-stock event is reported. */
  pool_threshold: number | null;
  /** POOL: 1 once the low-stock event went out; back to 0 when a refill lifts it above. */
  pool_low_notified: number;
}

export type CodeType = 'OTP' | 'POOL' | 'STATIC';

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
  /** The store whose sale took the lock; null: a chain-wide caller's. */
  lock_store_code: string | null;
  parent_voucher_id: number | null;
  redeemed_basket_id: number | null;
  /** Position in the honour-voucher change feed (honour vouchers only). */
  rev: number | null;
  /** The benefit's public id on the WLL face. */
  uuid: string;
  /** The WLL `code.id` of the benefit's code. */
  code_uuid: string;
  /**
   * A code this voucher shares with others (a STATIC reward's code, a pool code): not unique,
   * so it is kept apart from `code`, which is the voucher's own unique code.
   */
  shared_code: string | null;
  /** An id the voucher has in a third-party system, unique in the chain. */
  third_party_id: string | null;
  voucher_text: string | null;
  description: string | null;
  notes: string | null;
  image_url: string | null;
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
  /** When the sale took place (`basket_timestamp_iso8601`), else when it was received. */
  sold_at: number;
  /** `basket_timezone_name`, an IANA name. */
  timezone: string | null;
  platform_type: string | null;
  employee_code: string | null;
  employee_name: string | null;
  /** `payment_methods` as sent, amounts in minor units: `[{method, amount}]`. */
  payment_methods_json: string | null;
  /** `basket_tax` as sent, totals in minor units: `[{rate, total}]`. */
  tax_json: string | null;
  notes: string | null;
  /** `basket_total_price` as the till sent it (what it charged), in minor units. */
  total_charged: number | null;
  /** When claim-basket attached a member to this (anonymous) basket. */
  claimed_at: number | null;
}

export interface BasketItemTable {
  basket_id: number;
  line_id: string;
  quantity: string;
  unit_price: number;
  gross: number;
  discount: number;
  returned_quantity: string;
  /** `item_price` as the till sent it: the unit price it charged. `unit_price` is the one priced from. */
  charged_unit_price: number | null;
  /** The line's place in the basket as sent, from 0; lines stored before it was kept are numbered by line id. */
  position: number | null;
  /** `item_barcode` and `item_name` as the till sent them; null when it sent none. */
  barcode: string | null;
  name: string | null;
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
  /** The row's place in its chain's hash chain, from 1 (src-node/audit-chain.ts). */
  seq: number;
  prev_hash: string;
  row_hash: string;
}

/** The last row of each audit chain; appending locks it. */
export interface AuditHeadTable {
  chain_id: number;
  /** '' for the chain's own trail, else the till whose chain this is. */
  till_id: string;
  seq: number;
  row_hash: string;
}

/** A till's audit chain as the till sent it with its sales, one chain per till. */
export interface TillAuditTable {
  id: Generated<number>;
  chain_id: number;
  till_id: string;
  seq: number;
  at: number;
  actor: string;
  action: string;
  voucher_key: string | null;
  basket_code: string | null;
  detail: string;
  prev_hash: string;
  row_hash: string;
  received_at: number;
}

export interface RewardPoolCodeTable {
  id: Generated<number>;
  chain_id: number;
  campaign_id: number;
  uuid: string;
  value: string;
  uploaded_at: number;
  /** The benefit the code was handed to; null while unused. */
  voucher_id: number | null;
  taken_at: number | null;
}

export interface EventTable {
  id: Generated<number>;
  chain_id: number;
  uuid: string;
  type: string;
  /** Who the event is about: the member number, else the benefit's public id. */
  subject: string;
  payload_json: string;
  voucher_id: number | null;
  reported_at: number;
}

export interface WebhookTable {
  id: Generated<number>;
  chain_id: number;
  uuid: string;
  url: string;
  /** Space-separated event types, or `*` for every type. */
  event_types: string;
  /** The HMAC key deliveries are signed with (it must be readable to sign). */
  secret: string;
  created_at: number;
  disabled_at: number | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  /** After this instant a failing delivery is given up (status `failed`). */
  give_up_at: number;
  delivered_at: number | null;
  created_at: number;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: number;
  /** The receiver's HTTP status; null when no answer came (refused, timed out). */
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** A key that signs a chain's honour-voucher feed; a chain has at most one not retired. */
export interface FeedSigningKeyTable {
  id: Generated<number>;
  chain_id: number;
  /** The first 16 hex of the SHA-256 of the raw public key, sent as `x-feed-key-id`. */
  key_id: string;
  /** `ed25519:<base64>`, as a till's config holds it. */
  public_key: string;
  /** PKCS #8 PEM; never leaves the engine. */
  private_key: string;
  created_at: number;
  /** Set when a newer key replaced it; null while it signs. */
  retired_at: number | null;
}

/** A voucher a manager freed from a basket not stored yet: pricing that basket leaves it off. */
export interface FreedBasketVoucherTable {
  chain_id: number;
  /** The retailer's basket code the voucher was held for. */
  basket_code: string;
  voucher_id: number;
  freed_at: number;
}

/** One row, written by every readiness probe. */
export interface ReadinessProbeTable {
  id: number;
  probed_at: number;
}

/** A store's sync conflict, once per basket and voucher (migration 0012). */
export interface SyncConflictTable {
  id: Generated<number>;
  chain_id: number;
  store_code: string;
  terminal_id: string;
  basket_code: string;
  /** The voucher's code, or '' for a conflict about the sale itself. */
  voucher_slot: string;
  reason: string;
  message: string;
  winner_basket_code: string | null;
  winner_store_code: string | null;
  winner_terminal_id: string | null;
  reported_by: string;
  occurred_at: number;
  recorded_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
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
  audit_heads: AuditHeadTable;
  till_audit_log: TillAuditTable;
  reward_pool_codes: RewardPoolCodeTable;
  events: EventTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  readiness_probe: ReadinessProbeTable;
  feed_signing_keys: FeedSigningKeyTable;
  sync_conflicts: SyncConflictTable;
  freed_basket_vouchers: FreedBasketVoucherTable;
}
