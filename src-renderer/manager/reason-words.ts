/**
 * What a sync conflict's reason (a stable code from the till core) means, and what a manager
 * does about it, in plain words. The audit log and the conflicts table both read these.
 */
interface ReasonWords {
  readonly what: string;
  readonly next: string;
}

const CHECK_RECEIPT =
  'The sale went through at the till. Nothing to undo; note it if the customer asks.';

const REASONS: Readonly<Record<string, ReasonWords>> = {
  voucher_already_redeemed: {
    what: 'Voucher already redeemed',
    next: 'The voucher had been used at another till while this one was offline. Nothing to undo at the till; tell the customer if they come back.',
  },
  voucher_not_found: { what: 'Voucher unknown to the engine', next: CHECK_RECEIPT },
  voucher_not_claimed: { what: 'Voucher not activated for the customer', next: CHECK_RECEIPT },
  voucher_expired: { what: 'Voucher had expired', next: CHECK_RECEIPT },
  voucher_locked: { what: 'Voucher held by another sale', next: CHECK_RECEIPT },
  voucher_wrong_owner: { what: 'Voucher belongs to another customer', next: CHECK_RECEIPT },
  voucher_locking_code_mismatch: {
    what: 'Voucher held under another locking code',
    next: CHECK_RECEIPT,
  },
  voucher_not_combinable: { what: 'Voucher could not be combined', next: CHECK_RECEIPT },
  voucher_offline_not_allowed: { what: 'Value voucher used offline', next: CHECK_RECEIPT },
  rejected_by_engine: {
    what: 'Sale refused by the engine',
    next: 'The engine does not have this sale. Keep the receipt and ask IT to look at it.',
  },
  unreadable_outbox_entry: {
    what: 'Queued sale could not be sent',
    next: 'The till could not read this queued sale. Keep the receipt and ask IT to look at it.',
  },
};

/** `some_code` as "Some code", for a code these words do not know yet. */
export function codeInWords(code: string): string {
  const spaced = code.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function reasonWords(reason: string): ReasonWords {
  return (
    REASONS[reason] ?? {
      what: codeInWords(reason),
      next: 'Read what the engine said, deal with it, then acknowledge it.',
    }
  );
}
