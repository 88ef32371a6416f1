import type { SaleView } from '../../src-shared/till';
import {
  cardLeftOut,
  isCardWarningCode,
  type EngineBasket,
  type EngineFailure,
  type EngineWarning,
} from '../engine-client';
import { cardNotice } from '../sale/card-notice';
import { crossCheck } from '../sale/cross-check';
import { enginePricing } from '../sale/engine-pricing';
import type { EngineVouchers } from '../sale/kept-vouchers';
import { memberVoucherNotices } from '../sale/member-vouchers-offline';
import { NO_USABLE_ANSWER_NOTICE } from '../sale/offline-pricing';
import { isUntouched, removeVoucherCode, setCustomer, type SaleState } from '../sale/sale-state';
import {
  saleView,
  unpricedView,
  waitingView,
  type Notice,
  type RefusedVoucher,
} from '../sale/sale-view';
import { viewContext, type CoreContext } from './context';
import { tillErrorOf } from './engine-errors';
import { localSaleView } from './local-pricing';

export type { Notice };

/** An open sale between commands: its state, and what the engine last said about it. */
export interface OpenSale {
  state: SaleState;
  view: SaleView;
  /** The state `view` is the engine's answer for; null when the last pricing failed. */
  pricedState: SaleState | null;
  /** Kept from the first confirm attempt, so a retried add-basket is the same basket (a replay). */
  confirmedAt: number | null;
  /** What the engine applied the last time it priced this sale: kept for pricing offline. */
  engineVouchers: EngineVouchers | null;
  /** Since when a pricing of this sale is in flight (epoch ms); null while none is. */
  waitingSince: number | null;
  /** A pricing went without a usable answer since the engine last answered one: it may hold locks the till never heard of. */
  unansweredPricing: boolean;
  /** A confirm waits for this sale's pricing: a slow engine gets no second attempt, the till prices it. */
  confirming: boolean;
  /** When the cashier last changed the sale (epoch ms): the rechecks of its held vouchers stop a while after. */
  changedAt: number;
  /**
   * The engine's refusals of vouchers a manager freed from this sale: their codes left the sale,
   * and these stay on screen until the cashier's next change.
   */
  freedRefusals: RefusedVoucher[];
  /**
   * The loyalty card the engine refused the last pricing for, while it is still the sale's:
   * the sale shows what the engine applied before, a confirm sells without it.
   */
  refusedCard: string | null;
}

/** How many times a pricing is sent to an engine that times out but still answers its probe. */
export const SLOW_PRICING_ATTEMPTS = 3;

const TOO_SLOW_NOTICE: Notice = {
  code: 'engine_too_slow',
  message:
    'The voucher engine answers, but too slowly to price this sale: the till priced it alone, and a confirm queues it for the engine.',
  params: {},
};

/** A practice sale: the engine locks nothing for a training basket (docs/spaaza-wire.md, "Training baskets"). */
export function neverLocked(sale: OpenSale): boolean {
  return sale.state.training === true;
}

/**
 * Whether the engine holds no lock for the sale any more: it priced the sale as it stands
 * empty, or it never applied a voucher to it and no pricing of it went unanswered; never any
 * for a practice sale.
 */
export function engineHoldsNothing(sale: OpenSale): boolean {
  if (neverLocked(sale)) return true;
  const pricedNow = sale.view.pricedBy === 'engine' && sale.pricedState === sale.state;
  if (pricedNow && isUntouched(sale.state)) return true;
  return !sale.unansweredPricing && (sale.engineVouchers?.vouchers.length ?? 0) === 0;
}

/**
 * What the cashier sees of an open sale: its priced view, or while a pricing is in flight, the
 * waiting one. Whether the engine is slow the sale screen tells from how long it has waited
 * (one rule, in the renderer: docs/architecture.md, "Offline and sync").
 */
export function shownView(context: CoreContext, sale: OpenSale): SaleView {
  if (sale.waitingSince === null)
    return { ...sale.view, now: new Date(context.now()).toISOString() };
  return waitingView(sale.state, sale.view, sale.waitingSince, [], viewContext(context));
}

/**
 * Prices the sale's latest state: on the engine (locking its vouchers to this basket, the
 * answer cross-checked) while the till is online; locally, at once, while it is offline or
 * when the engine turns out to be unreachable (docs/architecture.md, "Offline and sync"). A
 * pricing that times out is not taken for an engine gone: the engine is probed, and while it
 * answers the pricing is sent again (at most `SLOW_PRICING_ATTEMPTS` times in all, once while a
 * confirm waits), then the till prices the sale alone so that selling goes on. An engine that
 * refuses leaves the lines unpriced, with a notice.
 */
export async function priceSale(context: CoreContext, sale: OpenSale): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const state = sale.state;
    if (!context.connectivity.isOnline()) {
      priceLocally(context, sale, state);
      return;
    }
    // the state the engine last answered, priced again (a recheck): its locks keep their end
    const recheck = sale.pricedState === state && sale.view.pricedBy === 'engine';
    const outcome = await context.engine.getBasketPrice(state, context.config, undefined, recheck);
    if (outcome.ok || outcome.error.kind !== 'unavailable') {
      context.connectivity.reportAnswered();
      if (outcome.ok) {
        useEngineAnswer(context, sale, state, outcome.value, outcome.warnings);
        // a manager freed vouchers from this sale: priced again without their codes, so the
        // engine forgets them and a later scan of one is priced as any other (at most once:
        // the codes are gone)
        if (dropFreedCodes(sale)) {
          attempt = 0;
          continue;
        }
      } else if (refusesCard(outcome.error, state)) cardRefused(context, sale, state);
      else
        leftUnpriced(context, sale, state, {
          code: 'engine_rejected',
          message: tillErrorOf(outcome.error, 'sale').message,
          params: {},
        });
      return;
    }
    // sent but not answered usably (a timeout, a 502, a reset): the engine may have locked vouchers
    sale.unansweredPricing = true;
    if (outcome.error.cause === 'timeout') {
      // slow or gone? The probe says (and turns the till offline when it gets no answer).
      if (await context.connectivity.probeNow()) {
        context.log.warn({ basketCode: state.basketCode, attempt }, 'the engine is slow to price');
        if (attempt < SLOW_PRICING_ATTEMPTS && !sale.confirming) continue;
        priceLocally(context, sale, sale.state, TOO_SLOW_NOTICE);
        return;
      }
    } else {
      // no usable answer: priced by the till, once the probe has said offline (the status bar and
      // the notices then agree)
      await context.connectivity.probeNow();
    }
    priceLocally(context, sale, sale.state);
    return;
  }
}

function useEngineAnswer(
  context: CoreContext,
  sale: OpenSale,
  sent: SaleState,
  basket: EngineBasket,
  warnings: readonly EngineWarning[],
): void {
  const viewContextNow = viewContext(context);
  // priced without a card it does not take: the sale goes on without it, and says so
  const card = sent.memberNumber === null ? undefined : cardLeftOut(warnings);
  const state = card === undefined ? sent : withoutCard(sale, sent);
  const others = warnings.filter((warning) => warning !== card);
  const view = saleView(state, enginePricing(basket, others, state.voucherCodes), viewContextNow);
  if (card !== undefined && sent.memberNumber !== null)
    view.notices.unshift(cardNotice(card.code, sent.memberNumber));
  const mismatches = crossCheck(state, basket, view, viewContextNow);
  if (mismatches.length > 0) {
    context.log.warn(
      { basketCode: state.basketCode, mismatches },
      'the engine and the till price this basket differently',
    );
    const fields = mismatches.map((mismatch) => mismatch.field).join(', ');
    view.notices.push({
      code: 'pricing_mismatch',
      message: `The till's own pricing differs from the engine's (${fields}); the engine's prices are used.`,
      params: { fields },
    });
  }
  rememberFreedRefusals(sale, view);
  sale.view = view;
  sale.pricedState = state;
  sale.engineVouchers = { state, vouchers: basket.vouchers };
  sale.unansweredPricing = false;
  sale.refusedCard = null;
}

/** A refusal of the sale's loyalty card (not of the sale): an unknown card, another programme's. */
function refusesCard(failure: EngineFailure, state: SaleState): boolean {
  return (
    state.memberNumber !== null && failure.kind === 'rejected' && isCardWarningCode(failure.name)
  );
}

/**
 * The engine refused the sale for its card. The sale is not left unpriced: it keeps what the
 * engine applied before (the vouchers scanned stay on it), priced by the till, and the cashier
 * is offered to sell without the card; a confirm does that by itself (`sellWithoutRefusedCard`).
 */
function cardRefused(context: CoreContext, sale: OpenSale, state: SaleState): void {
  const memberNumber = state.memberNumber ?? '';
  context.log.warn({ basketCode: state.basketCode }, 'the engine refused the loyalty card');
  priceLocally(context, sale, state, {
    code: 'card_refused',
    message: `The voucher engine refused loyalty card ${memberNumber}. Choose Sell without the card: the sale goes on without it, and the vouchers scanned stay on it.`,
    params: { memberNumber },
  });
  // the card's own vouchers are not the engine's to look up while it refuses the card
  sale.view.notices = sale.view.notices.filter(
    (notice) => notice.params.memberNumber === undefined || notice.code === 'card_refused',
  );
  sale.refusedCard = memberNumber;
}

/**
 * A sale whose card the engine refused is sold without it: the card leaves the sale, which
 * the caller prices again. Whether it did.
 */
export function sellWithoutRefusedCard(sale: OpenSale): boolean {
  if (sale.refusedCard === null || sale.state.memberNumber !== sale.refusedCard) return false;
  sale.state = setCustomer(sale.state, null);
  sale.refusedCard = null;
  return true;
}

/**
 * Keeps the engine's refusals of vouchers a manager freed from this sale, and shows the ones
 * kept earlier whose codes have left the sale since (until the cashier's next change).
 */
function rememberFreedRefusals(sale: OpenSale, view: SaleView): void {
  const refs = (refusals: readonly RefusedVoucher[]) => refusals.map((refusal) => refusal.ref);
  const fresh = view.rejected.filter((refusal) => refusal.reason === 'voucher_freed_by_manager');
  const earlier = sale.freedRefusals.filter((refusal) => !refs(fresh).includes(refusal.ref));
  sale.freedRefusals = [...earlier, ...fresh];
  const shown = refs(view.rejected);
  view.rejected.push(...earlier.filter((refusal) => !shown.includes(refusal.ref)));
}

/** Takes the codes of the freed vouchers out of the sale; whether any was still in it. */
function dropFreedCodes(sale: OpenSale): boolean {
  const freed = sale.freedRefusals
    .map((refusal) => refusal.ref)
    .filter((ref) => sale.state.voucherCodes.includes(ref));
  if (freed.length === 0) return false;
  sale.state = freed.reduce(removeVoucherCode, sale.state);
  return true;
}

/**
 * The card the engine priced the sale without leaves the sale, from the state priced and from
 * the sale as it stands now (the cashier may have scanned on meanwhile); the vouchers scanned
 * stay. Answers the state the engine's answer describes.
 */
function withoutCard(sale: OpenSale, sent: SaleState): SaleState {
  const priced = setCustomer(sent, null);
  if (sale.state === sent) sale.state = priced;
  else if (sale.state.memberNumber === sent.memberNumber)
    sale.state = setCustomer(sale.state, null);
  return priced;
}

/** The lines at shelf prices, with the notice that says why the engine did not price them. */
function leftUnpriced(context: CoreContext, sale: OpenSale, state: SaleState, why: Notice): void {
  sale.view = unpricedView(state, [why], viewContext(context));
  sale.pricedState = null;
}

/** Priced by the till alone; each of the customer's own vouchers left off says why. */
export function priceLocally(
  context: CoreContext,
  sale: OpenSale,
  state: SaleState,
  why?: Notice,
): void {
  // worded by the till's state, as the status bar shows it
  const because = context.connectivity.isOnline() ? 'no_usable_answer' : 'offline';
  const lead = why ?? (because === 'offline' ? undefined : NO_USABLE_ANSWER_NOTICE);
  const view = localSaleView(context, state, sale.engineVouchers, lead);
  view.notices.push(...memberVoucherNotices(state, sale.engineVouchers, view, because));
  sale.view = view;
  sale.pricedState = state;
}
