/** What an audit line records; each voucher action also becomes an event (events/voucher-event.ts). */
export type AuditAction =
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
