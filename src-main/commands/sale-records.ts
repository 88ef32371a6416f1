import type { ReceiptView } from '../../src-shared/till';
import {
  allocateBasketCode,
  findSale,
  forgetLocksToRelease,
  recordOpenSale,
  rememberLocksToRelease,
  unfinishedConfirm,
  voidSale,
  type JournalSale,
} from '../store';
import type { CoreContext } from './context';

/**
 * Where the till keeps its open sales' records: the journal (with the locks a voided sale may
 * still hold on the engine), or, in training mode, memory only (docs/architecture.md, "Training
 * mode"): a practice sale is never journalled, queued or synced, and the engine locks nothing
 * for it, so it has no locks to release.
 */
export interface SaleRecords {
  /** Whether these are practice sales: priced by the engine as training baskets. */
  readonly training: boolean;
  /** Records a new open sale; its basket code. */
  open(at: Date): string;
  /** The sale's state as recorded; undefined for a sale never recorded. */
  stateOf(basketCode: string): JournalSale['state'] | undefined;
  /** Whether a confirm of the sale is unfinished (its add-basket is fixed). */
  confirming(basketCode: string): boolean;
  /** Records the sale voided; `released`: the engine holds no lock for it any more. */
  voided(basketCode: string, at: Date, released: boolean): void;
  /** A pricing of a voided sale settled: whether the engine still holds locks for it. */
  settled(basketCode: string, at: Date, holdsNothing: boolean): void;
}

export function journalRecords(context: CoreContext): SaleRecords {
  const { db, config } = context;
  return {
    training: false,
    open: (at) => {
      const basketCode = allocateBasketCode(db, config, at);
      recordOpenSale(db, { basketCode, currency: config.currency, startedAt: at });
      return basketCode;
    },
    stateOf: (basketCode) => findSale(db, basketCode)?.state,
    confirming: (basketCode) => unfinishedConfirm(db, basketCode) !== undefined,
    voided: (basketCode, at, released) => {
      db.transaction(() => {
        voidSale(db, basketCode, at);
        if (!released) rememberLocksToRelease(db, basketCode, at);
      }).immediate();
    },
    settled: (basketCode, at, holdsNothing) => {
      if (holdsNothing) forgetLocksToRelease(db, basketCode);
      else rememberLocksToRelease(db, basketCode, at);
    },
  };
}

/** The practice sales of a till in training mode, and their receipts: in memory only. */
export interface TrainingRecords extends SaleRecords {
  /** Closes the sale confirmed, keeping its receipt for a reprint until the till stops. */
  confirmed(receipt: ReceiptView): void;
  receipt(basketCode: string): ReceiptView | undefined;
}

/**
 * A practice sale's basket code: `<store>-<terminal>-TRAINING-<seq>`, never one of the
 * terminal's real codes (`<store>-<terminal>-<yyyymmdd>-<seq>`), and no real sequence is used.
 */
export function trainingBasketCode(
  scope: { readonly storeCode: string; readonly terminalId: string },
  seq: number,
): string {
  return `${scope.storeCode}-${scope.terminalId}-TRAINING-${String(seq).padStart(4, '0')}`;
}

export function trainingRecords(context: Pick<CoreContext, 'config'>): TrainingRecords {
  const states = new Map<string, JournalSale['state']>();
  const receipts = new Map<string, ReceiptView>();
  let seq = 0;
  return {
    training: true,
    open: () => {
      seq += 1;
      const basketCode = trainingBasketCode(context.config, seq);
      states.set(basketCode, 'open');
      return basketCode;
    },
    stateOf: (basketCode) => states.get(basketCode),
    confirming: () => false,
    voided: (basketCode) => {
      states.set(basketCode, 'voided');
    },
    // the engine locks nothing for a training basket: there is never a lock to release
    settled: () => undefined,
    confirmed: (receipt) => {
      states.set(receipt.basketCode, 'confirmed');
      receipts.set(receipt.basketCode, receipt);
    },
    receipt: (basketCode) => receipts.get(basketCode),
  };
}
