import type { Kysely } from 'kysely';
import type { Page } from '@playwright/test';
import type { Database } from '../src-engine/db/schema';
import type { Language } from '../src-shared/i18n';
import type { CatalogueOf } from '../src-shared/i18n/catalogue';
import { screensEn, screensNl } from '../src-shared/i18n/screens';
import { expect, saveScreen, test, valueOf } from './fixtures';
import { HONOUR_CODE, honourVoucher, ITEMS, MEMBER } from './support/demo';
import { expectAxeClean, expectInView, TERMINAL_SCREENS } from './support/layout';

// A till in training mode: a new cashier practises on real products, cards and vouchers.
test.use({ tillTraining: true });

const WORDS: Readonly<Record<Language, CatalogueOf<typeof screensEn>>> = {
  en: screensEn,
  nl: screensNl,
};
const HONOUR = honourVoucher(1);
const VOUCHERS = ['DEMO-10PCT', 'DEMO-5EUR', HONOUR];

/**
 * What a sale could change on the engine: the sale's vouchers (claimed, locked, used), every
 * lock, every basket, the audit trail and the events.
 */
async function engineState(db: Kysely<Database>) {
  return {
    vouchers: await db
      .selectFrom('vouchers')
      .select([
        'code',
        'claimed_at',
        'validated_at',
        'burned_at',
        'lock_until',
        'lock_basket_code',
        'lock_code',
      ])
      .where('code', 'in', VOUCHERS)
      .orderBy('code')
      .execute(),
    locks: await db
      .selectFrom('vouchers')
      .select(['code', 'lock_basket_code', 'lock_until'])
      .where('lock_until', 'is not', null)
      .orderBy('id')
      .execute(),
    baskets: await db.selectFrom('baskets').select(['retailer_basket_code']).execute(),
    audit: await db.selectFrom('audit_log').select(['id']).orderBy('id').execute(),
    events: await db.selectFrom('events').select(['id']).orderBy('id').execute(),
  };
}

/** The till's screens in `language`, found by the catalogue's words. */
function screens(page: Page, language: Language) {
  const words = WORDS[language];
  const scanField = page.getByRole('textbox', { name: words.sale.scan.label });
  const navigation = page.getByRole('navigation', { name: words.app.navigation });
  return {
    words,
    banner: page.getByRole('complementary', { name: words.app.training.region }),
    saleHeading: page.getByRole('heading', { name: words.sale.heading, exact: true }),
    receipt: page.getByRole('region', { name: words.receipt.heading }),
    screenButton: (screen: 'sale' | 'manager' | 'diagnostics') =>
      navigation.getByRole('button', { name: words.app.screens[screen] }),
    heading: (name: string) => page.getByRole('heading', { name, exact: true }),
    /** `Confirm payment`, then exactly what is due in cash in the payment panel. */
    confirm: async () => {
      await page.getByRole('button', { name: words.sale.actions.confirm, exact: true }).click();
      const payment = page.getByRole('dialog', { name: words.tender.heading });
      await payment.getByRole('button', { name: words.tender.methods.cash, exact: true }).click();
      await payment.getByRole('button', { name: words.tender.confirm, exact: true }).click();
    },
    scan: async (code: string) => {
      await scanField.focus();
      await page.keyboard.type(code, { delay: 5 });
      await page.keyboard.press('Enter');
      await expect(scanField).toHaveValue('');
    },
  };
}

/** The sale of the demo: coffee beans and olive oil, member 1000001's vouchers, an honour voucher. */
async function sellToMember(page: Page, language: Language) {
  const till = screens(page, language);
  await expect(till.saleHeading).toBeVisible();
  await till.scan(ITEMS.coffeeBeans.barcode);
  await till.scan(ITEMS.oliveOil.barcode);
  await till.scan(MEMBER);
  await till.scan(HONOUR);
  const applied = page.getByRole('list', {
    name: till.words.sale.vouchers.applied,
  });
  await expect(applied.getByRole('listitem')).toHaveCount(3);
  return till;
}

for (const language of ['en', 'nl'] as const) {
  test.describe(`in ${language === 'en' ? 'English' : 'Dutch'}`, () => {
    test.use({ tillLanguage: language });

    test('a practice sale to member 1000001 with their vouchers and an honour voucher leaves the engine exactly as it was', async ({
      page,
      engineDb,
      till: core,
    }, testInfo) => {
      const before = await engineState(engineDb);
      // the member's vouchers are claimed and free, the honour voucher unused, no basket
      expect(before.vouchers.map((voucher) => [voucher.code, voucher.burned_at])).toEqual(
        VOUCHERS.map((code) => [code, null]),
      );
      expect(before.locks).toEqual([]);
      expect(before.baskets).toEqual([]);

      const till = await sellToMember(page, language);
      await expect(till.banner).toContainText(till.words.app.training.banner);
      // priced by the engine, held for no sale
      expect(await engineState(engineDb)).toEqual(before);

      await till.confirm();
      await expect(till.receipt).toBeVisible();
      await expect(till.receipt).toContainText(till.words.receipt.trainingMark);
      await expect(till.receipt).toContainText(HONOUR_CODE);
      await expect(
        till.receipt.getByRole('status', { name: till.words.receipt.syncState, exact: true }),
      ).toHaveText(till.words.receipt.trainingNotRecorded);
      await saveScreen(page, testInfo, `training-receipt-${language}`);

      const after = await engineState(engineDb);
      expect(after).toEqual(before);
      expect(after.vouchers.every((voucher) => voucher.claimed_at !== null)).toBe(true);
      // nothing waits for the engine either
      const { salesWaiting, trainingMode } = valueOf(await core.send('status/get', {}));
      expect({ salesWaiting, trainingMode }).toEqual({ salesWaiting: 0, trainingMode: true });
    });

    test('at each terminal size: the banner is on the sale, receipt, manager and diagnostics screens, each axe-clean', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      /** At every terminal size: the banner in view and `screen` axe-clean. */
      const atEachSize = async (screen: string) => {
        for (const size of TERMINAL_SCREENS) {
          const at = `${screen} at ${String(size.width)}×${String(size.height)}`;
          await page.setViewportSize(size);
          await expectInView(till.banner, `the training banner on ${at}`);
          await expectAxeClean(page, `${at} in training mode`);
        }
      };
      const till = await sellToMember(page, language);
      await atEachSize('the sale screen');

      await till.confirm();
      await expect(till.receipt).toContainText(till.words.receipt.trainingMark);
      await atEachSize('the receipt');

      await till.screenButton('manager').click();
      await expect(till.heading(till.words.manager.heading)).toBeVisible();
      await atEachSize('the manager screen');

      await till.screenButton('diagnostics').click();
      await expect(till.heading(till.words.diagnostics.heading)).toBeVisible();
      await atEachSize('the diagnostics screen');
    });
  });
}
