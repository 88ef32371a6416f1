/**
 * The sale goes on, and the customer chooses: a loyalty card the engine refuses is sold
 * without (the honour voucher scanned stays), a member's voucher is kept for later, and a
 * voucher not activated yet is activated at the till. Each flow ends with the engine's state.
 */
import type { Page } from '@playwright/test';
import type { Kysely } from 'kysely';
import type { Database } from '../src-engine/db/schema';
import type { Language } from '../src-shared/i18n';
import { expect, test, valueOf, type TestTill } from './fixtures';
import { honourVoucher, ITEMS, MEMBER } from './support/demo';
import {
  expectAxeClean,
  expectInReach,
  expectNoSidewaysScroll,
  TERMINAL_SCREENS,
} from './support/layout';

const UNKNOWN_CARD = '1000009';
const UNCLAIMED = 'DEMO-UNCLAIMED';
/** The demo member DEMO-UNCLAIMED was issued to (src-engine/domain/demo.ts). */
const OWNER_OF_UNCLAIMED = '1000002';
const PRICING_PATHS = ['/auth/get-basket-price', '/auth/add-basket'];

/** The words the new controls are found by, in each language the till speaks. */
const WORDS: Record<
  Language,
  {
    keep: (code: string) => string;
    kept: string;
    useNow: (code: string) => string;
    activate: (code: string) => string;
    activateTitle: (code: string) => string;
    notNow: string;
    sellWithoutCard: string;
    cardRefused: (card: string) => string;
  }
> = {
  en: {
    keep: (code) => `Keep for later: voucher ${code}`,
    kept: 'Kept for later',
    useNow: (code) => `Use now: voucher ${code}`,
    activate: (code) => `Activate voucher ${code}`,
    activateTitle: (code) => `Activate voucher ${code}?`,
    notNow: 'Not now',
    sellWithoutCard: 'Sell without the card',
    cardRefused: (card) => `The voucher engine refused loyalty card ${card}.`,
  },
  nl: {
    keep: (code) => `Bewaren voor later: voucher ${code}`,
    kept: 'Bewaard voor later',
    useNow: (code) => `Toch gebruiken: voucher ${code}`,
    activate: (code) => `Voucher ${code} activeren`,
    activateTitle: (code) => `Voucher ${code} activeren?`,
    notNow: 'Nu niet',
    sellWithoutCard: 'Verkopen zonder kaart',
    cardRefused: (card) => `De voucherserver weigert klantenkaart ${card}.`,
  },
};

/** Sends a change to the till's open sale and waits until the engine has priced it. */
async function settle(till: TestTill) {
  for (;;) {
    const view = valueOf(await till.send('sale/current', {}));
    if (view.pricing.state === 'priced') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** On the engine: the basket stored without a member, the honour voucher redeemed and held by nobody. */
async function expectSoldWithoutCard(
  engineDb: Kysely<Database>,
  basketCode: string,
  honour: string,
) {
  const voucher = await engineDb
    .selectFrom('vouchers')
    .select(['burned_at', 'lock_basket_code'])
    .where('code', '=', honour)
    .executeTakeFirstOrThrow();
  expect(voucher.burned_at).not.toBeNull();
  expect(voucher.lock_basket_code).toBeNull();
  const basket = await engineDb
    .selectFrom('baskets')
    .select(['member_id'])
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirstOrThrow();
  expect(basket.member_id).toBeNull();
}

const voucherRow = (page: Page, code: string) =>
  page.getByRole('region', { name: 'Vouchers' }).getByRole('listitem').filter({ hasText: code });

test('a card this engine does not know: the sale goes on without it, the honour voucher stays and is redeemed; the engine stores no member', async ({
  ui,
  engineDb,
  till,
}) => {
  const { sale, receipt } = ui;
  const honour = honourVoucher(5);
  await sale.expectShown();
  await sale.scanItem(ITEMS.croissant.barcode, ITEMS.croissant.name);
  await sale.scan(honour);
  await expect(sale.appliedVoucher(honour)).toBeVisible();
  await sale.scan(UNKNOWN_CARD);
  await expect(sale.notice).toContainText(
    `The voucher engine does not know loyalty card ${UNKNOWN_CARD}: the sale goes on without it.`,
  );
  await expect(sale.appliedVoucher(honour)).toBeVisible();
  const { basketCode } = await settle(till);
  await sale.confirmPayment();
  await receipt.expectShown();
  await expectSoldWithoutCard(engineDb, basketCode, honour);
});

test.describe('a card the engine refuses', () => {
  test.use({ tillBehindProxy: true });

  test('the honour voucher scanned stays; Sell without the card completes the sale anonymously, and the engine redeems the voucher', async ({
    ui,
    page,
    engineProxy,
    engineDb,
    till,
  }) => {
    const { sale, receipt } = ui;
    const honour = honourVoucher(3);
    await sale.expectShown();
    // an engine that refuses every basket naming a card it does not know
    engineProxy?.injectFault({ kind: 'refuse-card' }, PRICING_PATHS);
    await sale.scanItem(ITEMS.flatWhite.barcode, ITEMS.flatWhite.name);
    await sale.scan(honour);
    await expect(sale.appliedVoucher(honour)).toBeVisible();

    await sale.scan(UNKNOWN_CARD);
    await expect(sale.notice).toContainText(WORDS.en.cardRefused(UNKNOWN_CARD));
    await expect(sale.customer).toContainText(UNKNOWN_CARD);
    // the voucher scanned is not dropped from the panel
    await expect(sale.appliedVoucher(honour)).toBeVisible();
    const sellWithout = sale.notice.getByRole('button', { name: WORDS.en.sellWithoutCard });
    await expect(sellWithout).toHaveCount(1);
    await sellWithout.click();
    await expect(sale.customer).toContainText('No customer');
    await expect(sale.appliedVoucher(honour)).toContainText(/held for this sale/);
    await expect(page.getByText(WORDS.en.cardRefused(UNKNOWN_CARD))).toHaveCount(0);

    const { basketCode } = await settle(till);
    await sale.confirmPayment();
    await receipt.expectShown();
    await expectSoldWithoutCard(engineDb, basketCode, honour);
  });

  test('Confirm never fails for the card: the sale is confirmed without it, the honour voucher redeemed', async ({
    ui,
    engineProxy,
    engineDb,
    till,
  }) => {
    const { sale, receipt } = ui;
    const honour = honourVoucher(4);
    await sale.expectShown();
    engineProxy?.injectFault({ kind: 'refuse-card' }, PRICING_PATHS);
    await sale.scanItem(ITEMS.croissant.barcode, ITEMS.croissant.name);
    await sale.scan(honour);
    await sale.scan(UNKNOWN_CARD);
    await expect(sale.notice).toContainText(WORDS.en.cardRefused(UNKNOWN_CARD));
    const { basketCode } = valueOf(await till.send('sale/current', {}));
    await sale.confirmPayment();
    await receipt.expectShown();
    await expectSoldWithoutCard(engineDb, basketCode, honour);
  });
});

test('keep for later: the engine leaves the member voucher out and frees it; after the sale it is neither redeemed nor held', async ({
  ui,
  page,
  engineDb,
  till,
}) => {
  const { sale, receipt } = ui;
  const lockOf = (code: string) =>
    engineDb
      .selectFrom('vouchers')
      .select(['burned_at', 'lock_basket_code'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  await sale.expectShown();
  await sale.scanItem(ITEMS.coffeeBeans.barcode, ITEMS.coffeeBeans.name);
  await sale.scan(MEMBER);
  await expect(sale.appliedVoucher('DEMO-5EUR')).toBeVisible();
  const { basketCode } = await settle(till);
  expect((await lockOf('DEMO-5EUR')).lock_basket_code).toBe(basketCode);
  // a member's voucher has no ✕ any more: the customer keeps it for later instead
  await expect(sale.removeVoucherButton('DEMO-5EUR')).toHaveCount(0);

  await page.getByRole('button', { name: WORDS.en.keep('DEMO-5EUR') }).click();
  const kept = page.getByRole('list', { name: WORDS.en.kept });
  await expect(kept).toContainText('DEMO-5EUR');
  await expect(sale.appliedVoucher('DEMO-5EUR')).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(/13,45/);
  await settle(till);
  expect(await lockOf('DEMO-5EUR')).toEqual({ burned_at: null, lock_basket_code: null });

  // undo, then keep it again
  await page.getByRole('button', { name: WORDS.en.useNow('DEMO-5EUR') }).click();
  await expect(sale.appliedVoucher('DEMO-5EUR')).toBeVisible();
  await settle(till);
  expect((await lockOf('DEMO-5EUR')).lock_basket_code).toBe(basketCode);
  await page.getByRole('button', { name: WORDS.en.keep('DEMO-5EUR') }).click();
  await expect(kept).toContainText('DEMO-5EUR');
  await settle(till);

  await sale.confirmPayment();
  await receipt.expectShown();
  expect(await lockOf('DEMO-5EUR')).toEqual({ burned_at: null, lock_basket_code: null });
  expect((await lockOf('DEMO-10PCT')).burned_at).not.toBeNull();
});

test('activate a voucher not activated yet: after the confirm dialog it is claimed, applied and, with the sale, redeemed', async ({
  ui,
  page,
  engineDb,
}) => {
  const { sale, receipt } = ui;
  await sale.expectShown();
  await sale.scanItem(ITEMS.coffeeBeans.barcode, ITEMS.coffeeBeans.name);
  // the customer it was issued to, with the voucher they never activated in the app
  await sale.scan(OWNER_OF_UNCLAIMED);
  await expect(sale.customer).toContainText(OWNER_OF_UNCLAIMED);
  await sale.scan(UNCLAIMED);
  await expect(sale.refusedVoucher(UNCLAIMED)).toContainText('not been activated');

  await page.getByRole('button', { name: WORDS.en.activate(UNCLAIMED) }).click();
  const dialog = page.getByRole('dialog', { name: WORDS.en.activateTitle(UNCLAIMED) });
  await expect(dialog).toBeVisible();
  // asked first: nothing changed on the engine yet
  const before = await engineDb
    .selectFrom('vouchers')
    .select(['claimed_at'])
    .where('code', '=', UNCLAIMED)
    .executeTakeFirstOrThrow();
  expect(before.claimed_at).toBeNull();
  await dialog.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sale.appliedVoucher(UNCLAIMED)).toBeVisible();
  await expect(sale.refusedVouchers.getByRole('listitem')).toHaveCount(0);
  await expect(sale.totalToPay).toHaveText(/9,95/);

  await sale.confirmPayment();
  await receipt.expectShown();
  const after = await engineDb
    .selectFrom('vouchers')
    .select(['claimed_at', 'burned_at', 'lock_basket_code'])
    .where('code', '=', UNCLAIMED)
    .executeTakeFirstOrThrow();
  expect(after.claimed_at).not.toBeNull();
  expect(after.burned_at).not.toBeNull();
  expect(after.lock_basket_code).toBeNull();
});

for (const language of ['en', 'nl'] as const) {
  const words = WORDS[language];
  test.describe(`in ${language}`, () => {
    test.use({ hasTouch: true, tillLanguage: language, tillBehindProxy: true });

    test('at each terminal size: keep for later, use now, activate and its dialog, sell without the card: in reach and axe-clean', async ({
      page,
      till,
      engineProxy,
    }) => {
      test.setTimeout(120_000);
      const { saleId } = valueOf(await till.send('sale/current', {}));
      valueOf(await till.send('sale/scan', { saleId, code: ITEMS.coffeeBeans.barcode }));
      valueOf(await till.send('sale/scan', { saleId, code: MEMBER }));
      const priced = await settle(till);
      const fiver = priced.applied.find((voucher) => voucher.code === 'DEMO-5EUR');
      if (!fiver) throw new Error('DEMO-5EUR was not applied');
      valueOf(
        await till.send('sale/keep-voucher', {
          saleId,
          voucherKey: fiver.voucherKey,
          keep: true,
        }),
      );
      valueOf(await till.send('sale/scan', { saleId, code: UNCLAIMED }));
      await settle(till);
      await page.reload();

      const panel = page.getByRole('region', { name: 'Vouchers' });
      await expect(page.getByRole('list', { name: words.kept })).toContainText('DEMO-5EUR');
      const dialog = page.getByRole('dialog', { name: words.activateTitle(UNCLAIMED) });
      for (const size of TERMINAL_SCREENS) {
        const at = `${language}, ${String(size.width)}×${String(size.height)}`;
        await page.setViewportSize(size);
        for (const [button, what] of [
          [words.keep('DEMO-10PCT'), 'Keep for later'],
          [words.useNow('DEMO-5EUR'), 'Use now'],
          [words.activate(UNCLAIMED), 'Activate'],
        ] as const)
          await expectInReach(panel.getByRole('button', { name: button }), `${what} (${at})`);
        await expectNoSidewaysScroll(page, [panel]);
        await expectAxeClean(page, `the voucher panel's choices (${at})`);

        await panel.getByRole('button', { name: words.activate(UNCLAIMED) }).click();
        await expect(dialog).toBeVisible();
        await expectInReach(dialog.getByRole('button', { name: words.notNow }), `Not now (${at})`);
        await expectAxeClean(page, `the activation dialog (${at})`);
        await dialog.getByRole('button', { name: words.notNow }).click();
        await expect(dialog).toHaveCount(0);
        await expect(voucherRow(page, UNCLAIMED)).toBeVisible();
      }

      engineProxy?.injectFault({ kind: 'refuse-card' }, PRICING_PATHS);
      valueOf(await till.send('sale/set-customer', { saleId, memberNumber: UNKNOWN_CARD }));
      await settle(till);
      await page.reload();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(words.cardRefused(UNKNOWN_CARD));
      for (const size of TERMINAL_SCREENS) {
        const at = `${language}, ${String(size.width)}×${String(size.height)}`;
        await page.setViewportSize(size);
        await expectInReach(
          alert.getByRole('button', { name: words.sellWithoutCard }),
          `Sell without the card (${at})`,
        );
        await expectAxeClean(page, `the refused card's message (${at})`);
      }
    });
  });
}
