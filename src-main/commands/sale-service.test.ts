import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem } from '../sale/sale-state';
import { locksToRelease, replaceCatalogue } from '../store';
import {
  pricedEmpty,
  scriptedCore,
  unavailable,
  type PriceAnswer,
  type ScriptedCore,
} from '../../test-support/till/scripted-core';
import { createSaleBook } from './sale-book';
import { saleHandlers } from './sale-service';

const MILK = { barcode: '8712345000011', name: 'Milk', unitPrice: 129, excluded: false };

let core: ScriptedCore;
beforeEach(() => {
  core = scriptedCore();
});
afterEach(() => {
  core.dispose();
});

/** An answer the test gives when it likes. */
function heldAnswer() {
  let give: (answer: PriceAnswer) => void = () => undefined;
  const answer = () =>
    new Promise<PriceAnswer>((resolve) => {
      give = resolve;
    });
  return {
    answer,
    give: (outcome: PriceAnswer) => {
      give(outcome);
    },
  };
}

/** A sale with one line whose pricing is in flight, and the void that follows. */
async function voidWhilePricing() {
  const book = createSaleBook(core.context);
  const entry = book.open();
  const { basketCode, saleId } = entry.sale.state;
  const inFlight = heldAnswer();
  const following = heldAnswer();
  core.answers.push(inFlight.answer, following.answer);
  entry.sale.state = addItem(entry.sale.state, MILK);
  void entry.reprice();
  const voided = await saleHandlers(core.context, book)['sale/void']({ saleId });
  if (!voided.ok) throw new Error(voided.error.message);
  return { basketCode, voided: voided.value, inFlight, following, entry };
}

describe('voiding a sale', () => {
  it('while its pricing is in flight, remembers the basket and says so; forgets it once the engine priced it empty', async () => {
    const { basketCode, voided, inFlight, following, entry } = await voidWhilePricing();
    expect(voided.notices.map((notice) => notice.code)).toEqual(['locks_not_released']);
    expect(locksToRelease(core.context.db)).toEqual([basketCode]);
    inFlight.give(pricedEmpty);
    await new Promise((resolve) => setImmediate(resolve));
    following.give(pricedEmpty);
    await entry.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(locksToRelease(core.context.db)).toEqual([]);
  });

  it('keeps the basket to release when the answer that empties it never comes', async () => {
    const { basketCode, inFlight, following, entry } = await voidWhilePricing();
    inFlight.give(pricedEmpty);
    await new Promise((resolve) => setImmediate(resolve));
    core.probeAnswers = false;
    following.give(unavailable('no_connection'));
    await entry.settled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(locksToRelease(core.context.db)).toEqual([basketCode]);
  });
});

describe('scanning and counting', () => {
  const BANANAS = {
    barcode: '8712345000172',
    name: 'Bananas (loose, per kg)',
    unitPrice: 199,
    soldBy: 'weight' as const,
    excluded: false,
  };
  const CROISSANT = {
    barcode: '8712345000134',
    name: 'Croissant',
    unitPrice: 145,
    soldBy: 'unit' as const,
    excluded: false,
  };

  function handlers() {
    replaceCatalogue(core.context.db, [BANANAS, CROISSANT], new Date());
    const book = createSaleBook(core.context);
    const { saleId } = book.open().sale.state;
    for (let i = 0; i < 10; i += 1)
      core.answers.push(() => Promise.resolve(unavailable('no_connection')));
    return { saleId, sale: saleHandlers(core.context, book) };
  }

  it('asks for the weight of an item sold by weight, and adds it once it has one, in kg', async () => {
    const { saleId, sale } = handlers();
    const asked = await sale['sale/scan']({ saleId, code: BANANAS.barcode });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.value.lines).toEqual([]);
    expect(asked.value.notices.map((notice) => [notice.code, notice.params])).toContainEqual([
      'weight_needed',
      { barcode: BANANAS.barcode, product: BANANAS.name },
    ]);
    const weighed = await sale['sale/scan']({ saleId, code: BANANAS.barcode, quantity: 0.785 });
    if (!weighed.ok) throw new Error(weighed.error.message);
    // 0.785 × 199 = 156.215 → 156
    expect(weighed.value.lines.map((line) => [line.quantity, line.unit, line.gross])).toEqual([
      [0.785, 'kg', 156],
    ]);
  });

  it('sets a typed quantity; refuses a fraction of a piece and leaves the line as it was', async () => {
    const { saleId, sale } = handlers();
    const scanned = await sale['sale/scan']({ saleId, code: CROISSANT.barcode });
    if (!scanned.ok) throw new Error(scanned.error.message);
    const lineId = scanned.value.lines[0]?.lineId ?? '';
    const typed = await sale['sale/set-quantity']({ saleId, lineId, quantity: 24 });
    if (!typed.ok) throw new Error(typed.error.message);
    expect(typed.value.lines.map((line) => [line.quantity, line.gross])).toEqual([[24, 3480]]);
    const half = await sale['sale/set-quantity']({ saleId, lineId, quantity: 2.5 });
    if (!half.ok) throw new Error(half.error.message);
    expect(half.value.notices.map((notice) => notice.code)).toContain('quantity_not_whole');
    expect(half.value.lines.map((line) => line.quantity)).toEqual([24]);
  });
});
