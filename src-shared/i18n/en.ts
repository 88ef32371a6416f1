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
      whatUntil: 'This voucher is held for another sale until {{until, clock}}.',
      whatOnTill: 'This voucher is held for a sale on till {{terminalId}} until {{until, clock}}.',
    },
    voucher_wrong_owner: {
      what: 'This voucher belongs to another customer.',
      next: 'Scan the loyalty card of the customer it belongs to, or go on without it.',
    },
    voucher_locking_code_mismatch: {
      what: 'This voucher is held under a different locking code.',
      next: 'Ask a manager to free it (F2), then scan it again.',
      whatUntil: 'This voucher is held under a different locking code until {{until, clock}}.',
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
      whatNamed: 'Barcode {{barcode}} is not in the catalogue; the item was not added.',
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
    engine_no_usable_answer: {
      what: 'The voucher engine gave no usable answer: the till priced this sale itself.',
      next: 'Go on selling: the till sends the sale to the engine later.',
    },
    engine_too_slow: {
      what: 'The voucher engine answers too slowly: the till priced this sale itself.',
      next: 'Go on selling: Confirm payment queues the sale for the engine.',
    },
    engine_warning: {
      what: 'The voucher engine says: {{description}}',
      next: 'Go on selling; if it keeps happening, a manager can check Diagnostics (F3).',
    },
    offline_value_cap: {
      what: 'Offline, value vouchers may take off at most {{perSale, money}} per sale and {{perDay, money}} per day ({{leftToday, money}} left today).',
      next: "The vouchers over that stay the customer's: they can be used once the till is online again.",
    },
    member_vouchers_offline: {
      what: 'The vouchers of customer {{memberNumber}} cannot be looked up: the voucher engine cannot be asked now.',
      next: "They stay the customer's, and are applied once the engine is back (in this sale if it is still open).",
    },
    member_voucher_offline: {
      what: '{{title}} is not taken off: the voucher engine cannot check it now.',
      next: "It stays the customer's, and is applied once the engine is back (in this sale if it is still open).",
    },
    voucher_unknown_offline: {
      what: 'The till is offline and does not know this voucher code: offline it can only check the honour vouchers it keeps.',
      next: 'Check the code with the customer; it can be checked once the till is online again.',
    },
    voucher_used_on_this_till: {
      what: 'This voucher was already used on this till, in sale {{basketCode}}.',
      next: 'Tell the customer it was used on an earlier sale; the sale goes on without it.',
    },
    honour_voucher_without_code_offline: {
      what: 'This honour voucher has no code the till can check while it is offline.',
      next: "It stays the customer's: it can be used once the till is online again.",
    },
    honour_cache_empty: {
      what: 'This till has never been online, so it cannot check any voucher.',
      next: 'Sell without vouchers until the till has reached the voucher engine once.',
    },
    locks_not_released: {
      what: 'Sale {{basketCode}} is void, but its vouchers stay held until the voucher engine answers.',
      next: 'Nothing to do: the till frees them when the engine answers; a manager can free one now (F2).',
    },
    line_not_found: {
      what: 'This line is no longer on the sale.',
      next: 'Look at the basket again and repeat the step.',
    },
    unrecognised_scan: {
      what: '"{{scan}}" is not an item barcode, a loyalty card or a voucher code.',
      next: 'Scan it again, or type the code printed under the barcode.',
    },
    weight_needed: {
      what: '{{product}} is sold by weight; it was not added without its weight.',
      next: 'Weigh it and enter the weight in kg.',
    },
    quantity_not_whole: {
      what: '{{product}} is sold by the piece: its quantity is a whole number.',
      next: 'Enter a whole number of pieces.',
    },
    pricing_mismatch: {
      what: "The till's own pricing differs from the voucher engine's ({{fields}}); the engine's prices are used.",
      next: 'Go on selling, and tell a manager so that IT can look at it.',
    },
    member_not_found: {
      what: 'The voucher engine does not know loyalty card {{memberNumber}}: the sale goes on without it.',
      next: 'The vouchers scanned stay on the sale; the customer can check the card in the loyalty app.',
    },
    member_programme_not_supported: {
      what: 'Loyalty card {{memberNumber}} is of a programme the voucher engine does not serve: the sale goes on without it.',
      next: 'The vouchers scanned stay on the sale; ask the customer for the card of this store.',
    },
    original_basket_item_not_found: {
      what: 'A returned item could not be matched to an earlier purchase: no voucher applies to it.',
      next: 'Go on with the return; a manager can check the original receipt.',
    },
    basket_price_mismatch: {
      what: 'The voucher engine priced this sale differently from what the till charged.',
      next: 'Go on selling, and tell a manager so that IT can look at it.',
    },
    card_refused: {
      what: 'The voucher engine refused loyalty card {{memberNumber}}.',
      next: 'Choose Sell without the card: the sale goes on without it, and the vouchers scanned stay on it.',
    },
    voucher_not_in_sale: {
      what: 'Voucher {{voucherCode}} is not on this sale.',
      next: 'Look at the vouchers again and repeat the step.',
    },
    account_not_a_manager: {
      what: '{{username}} is a {{role}} account;',
      next: 'a manager or admin must sign in.',
    },
    account_of_unknown_role: {
      what: '{{username}} is an account of unknown role;',
      next: 'a manager or admin must sign in.',
    },
    account_of_another_chain: {
      what: '{{username}} is an account of another chain;',
      next: 'a manager of this store or an admin must sign in.',
    },
    account_of_another_store: {
      what: '{{username}} manages store {{managerStore}}; this till is in store {{storeCode}}.',
      next: 'A manager of {{storeCode}} or an admin must sign in.',
    },
    basket_holds_no_vouchers: {
      what: 'No vouchers of this store are held for basket {{basketCode}}.',
      next: 'Check the basket code and the list of held vouchers.',
    },
    sync_conflict_unknown: {
      what: 'There is no sync conflict {{conflictId}}.',
      next: 'Look at the list of sync conflicts again.',
    },
    sync_conflict_acknowledged: {
      what: 'Sync conflict {{conflictId}} was already acknowledged by a manager.',
      next: 'Look at the list of sync conflicts again.',
    },
    sync_conflict_acknowledged_by: {
      what: 'Sync conflict {{conflictId}} was already acknowledged by {{username}}.',
      next: 'Look at the list of sync conflicts again.',
    },
    engine_unreachable_for: {
      what: 'The voucher engine cannot be reached just now;',
      next: 'try {{errand}} again in a moment.',
    },
    engine_forbids: {
      what: 'The voucher engine does not allow {{errand}}:',
      next: '{{description}}',
    },
    engine_refused: {
      what: 'The voucher engine refused {{errand}}:',
      next: '{{description}}',
    },
    sale_has_no_items: {
      what: 'The sale has no items.',
      next: 'Scan an item first.',
    },
    sale_still_open: {
      what: 'Sale {{basketCode}} is still open:',
      next: 'confirm or void it first.',
    },
    receipt_not_found: {
      what: 'No confirmed sale {{basketCode}} on this till.',
      next: 'Check the sale number on the receipt.',
    },
    tender_unknown_method: {
      what: 'This till does not take payment by "{{name}}".',
      next: 'Choose one of the ways of paying the till offers.',
    },
    tender_not_needed: {
      what: 'The sale is already paid in full.',
      next: 'Remove the extra payment, then confirm.',
    },
    tender_over_due: {
      what: 'Only cash gives change: this payment is more than the {{amount, money}} still to pay.',
      next: 'Type at most {{amount, money}}, or take the rest in cash.',
    },
    tender_not_positive: {
      what: 'A payment must be an amount above zero.',
      next: 'Type the amount the customer paid.',
    },
    tender_refund_mismatch: {
      what: 'A refund is paid back in one go: {{amount, money}}.',
      next: 'Pay back exactly {{amount, money}} with one way of paying.',
    },
    tender_not_covered: {
      what: 'The payments do not cover the sale: {{amount, money}} is still to pay.',
      next: 'Take the rest of the payment, then confirm.',
    },
    tender_total_changed: {
      what: 'The total changed to {{amount, money}} while the payment was taken.',
      next: 'Check the payments against the new total, then confirm again.',
    },
    nothing_to_collect: {
      what: 'Sale {{basketCode}} has nothing left to collect.',
      next: 'Start the next sale.',
    },
    return_sale_not_found: {
      what: 'No sale {{basketCode}} was found, on this till or at the voucher engine.',
      next: 'Check the sale number on the receipt and scan or type it again.',
    },
    return_sale_not_found_offline: {
      what: 'Sale {{basketCode}} is not on this till, and the voucher engine cannot be reached to find it.',
      next: 'Return it at the till that sold it, or try again once the engine is back.',
    },
    return_line_not_found: {
      what: 'Sale {{basketCode}} has no line {{lineId}}.',
      next: 'Pick a line of the sale to return.',
    },
    return_exceeds_purchase: {
      what: 'Only {{left}} of line {{lineId}} of sale {{basketCode}} can still be returned, not {{quantity}}.',
      next: 'Lower the quantity to return to {{left}} at most.',
    },
  },
  errands: {
    sale: 'the sale',
    sign_in: 'the sign-in',
    locked_vouchers: 'the list of locked vouchers',
    unlock: 'the unlock',
    reward_pools: 'the list of reward pools',
    sync_conflicts: 'the list of sync conflicts',
    acknowledgement: 'the acknowledgement',
    activation: 'the activation of the voucher',
  },
} as const;
