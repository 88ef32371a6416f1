/** Every event type the engine reports (WLL names). */
export const EVENT_TYPES = [
  'PURCHASED_REWARD',
  'REDEEMED_VOUCHER',
  'VOUCHER_VALIDATED',
  'BURNED_VOUCHER',
  'VOUCHER_LOCKED',
  'VOUCHER_UNLOCKED',
  'VOUCHER_GIVEN',
  'VOUCHER_UNCLAIMED',
  'VOUCHER_EXPIRED',
  'VOUCHER_DELETED',
  'BASKET_ADDED',
  'BASKET_CLAIMED',
  'CODE_POOL_LOW',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
