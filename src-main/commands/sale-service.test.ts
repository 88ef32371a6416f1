import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addItem } from '../sale/sale-state';
import { locksToRelease } from '../store';
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
