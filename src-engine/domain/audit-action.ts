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
  | 'burn';
