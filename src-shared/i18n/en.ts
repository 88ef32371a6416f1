import { screensEn } from './screens';

/**
 * The till's words in English, the source every other language translates. `screens` is what
 * the till's windows say; `messages` is what the till core tells the cashier, by stable code,
 * each as what happened (`what`) and what to do next (`next`). Plurals use the `_one` and
 * `_other` suffixes; `{{amount, money}}` formats minor units in the till's currency and locale,
 * `{{at, clock}}` an instant as the time of day.
 */
export const en = {
  screens: screensEn,
  messages: {
    voucher_not_found: {
      what: 'No voucher with this code exists.',
      next: 'Check the code with the customer and scan or type it again.',
    },
    voucher_not_claimed: {
      what: 'This voucher has not been activated for the customer yet.',
      next: 'The customer can activate it in their loyalty app; the sale goes on without it.',
    },
    voucher_already_redeemed: {
      what: 'This voucher has already been used.',
      next: 'Tell the customer it was used on an earlier sale; the sale goes on without it.',
    },
    voucher_expired: {
      what: 'This voucher has expired.',
      next: 'Tell the customer it can no longer be used; the sale goes on without it.',
    },
    voucher_locked: {
      what: 'This voucher is held for another sale.',
      next: 'Wait until the hold ends, or ask a manager to free it (F2).',
    },
    voucher_wrong_owner: {
      what: 'This voucher belongs to another customer.',
      next: 'Scan the loyalty card of the customer it belongs to, or go on without it.',
    },
    voucher_locking_code_mismatch: {
      what: 'This voucher is held under a different locking code.',
      next: 'Ask a manager to free it (F2), then scan it again.',
    },
    voucher_not_combinable: {
      what: 'This voucher cannot be combined with the other voucher in this sale.',
      next: 'Ask the customer which voucher to use and remove the other.',
    },
    voucher_offline_not_allowed: {
      what: 'Value vouchers cannot be used while the till is offline.',
      next: 'Keep the voucher for a later sale, or wait until the till is online again.',
    },
    voucher_freed_by_manager: {
      what: 'A manager freed this voucher from this sale.',
      next: 'The sale goes on without it; scan it again only if the customer still has it to use here.',
    },
    invalid_input: {
      what: 'The till could not read what was entered.',
      next: 'Check what you typed and try again.',
    },
    unknown_barcode: {
      what: "This barcode is not in the till's catalogue.",
      next: "Type the item's code, or ask a manager to add the item.",
    },
    unknown_command: {
      what: 'The till does not know this command.',
      next: 'Restart the till; if it happens again, call IT.',
    },
    no_open_sale: {
      what: 'There is no open sale.',
      next: 'Scan an item to start a new sale.',
    },
    sale_not_found: {
      what: 'The till has no such sale.',
      next: 'Start a new sale; a manager can look up past sales.',
    },
    sale_already_closed: {
      what: 'This sale is already closed.',
      next: 'Start a new sale.',
    },
    engine_unreachable: {
      what: 'The voucher engine cannot be reached.',
      next: 'Go on selling: the till sells offline and sends the sale later.',
    },
    engine_rejected: {
      what: 'The voucher engine refused this request.',
      next: 'Try again; if it happens again, a manager can check Diagnostics (F3).',
    },
    not_signed_in: {
      what: 'No manager is signed in.',
      next: 'Sign in on the Manager screen (F2).',
    },
    forbidden: {
      what: 'This account may not do this.',
      next: 'Ask a manager of this store to do it.',
    },
    not_found: {
      what: 'The till could not find what was asked for.',
      next: 'Check the code and try again.',
    },
    conflict: {
      what: 'Something changed while this was being done.',
      next: 'Look at the screen again and repeat the step.',
    },
    internal: {
      what: 'Something went wrong inside the till.',
      next: 'Try again; if it happens again, call IT with the time it happened.',
    },
  },
} as const;
