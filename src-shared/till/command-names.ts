/**
 * Every till command's name, and nothing else: the Electron preload needs only these, so it
 * stays free of the schemas. `tillCommands` must have exactly these keys (the compiler checks).
 */
export const TILL_COMMAND_NAMES = [
  'sale/current',
  'sale/start',
  'sale/scan',
  'sale/set-quantity',
  'sale/remove-line',
  'sale/remove-voucher',
  'sale/keep-voucher',
  'sale/activate-voucher',
  'sale/set-customer',
  'sale/confirm',
  'sale/void',
  'catalogue/search',
  'return/recent',
  'return/find',
  'return/add',
  'receipt/get',
  'receipt/collect',
  'receipt/search',
  'manager/sign-in',
  'manager/sign-out',
  'manager/locked-vouchers',
  'manager/unlock-voucher',
  'manager/unlock-basket',
  'manager/audit-log',
  'manager/conflicts',
  'manager/acknowledge-conflict',
  'manager/reward-pools',
  'status/get',
  'diagnostics/run',
] as const;

export type TillCommandName = (typeof TILL_COMMAND_NAMES)[number];
