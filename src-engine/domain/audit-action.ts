/** What an audit line records; each voucher action also becomes an event (events/voucher-event.ts). */
export type VoucherAuditAction =
  | 'lock'
  | 'unlock'
  | 'release'
  | 'claim'
  | 'unclaim'
  | 'redeem'
  | 'expire'
  | 'delete'
  | 'create'
  | 'purchase'
  | 'validate'
  | 'burn'
  /** claim-basket attached a member to an anonymous stored basket (no voucher). */
  | 'claim_basket';

/** Keys and accounts: who was given or lost access. They concern no voucher and raise no event. */
export type AccessAuditAction =
  | 'create_api_key'
  | 'revoke_api_key'
  | 'disable_account'
  | 'enable_account'
  | 'reset_password'
  | 'change_password'
  | 'unlock_account'
  | 'revoke_session'
  /** The chain's honour-feed signing key was created, or replaced by a new one. */
  | 'create_feed_key'
  | 'rotate_feed_key';

export type AuditAction = VoucherAuditAction | AccessAuditAction;
