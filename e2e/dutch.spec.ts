import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreen, test } from './fixtures';
import { ITEMS, MEMBER } from './support/demo';
import { discountPattern, money } from './support/format';

// The store's locale is nl-NL; with `language: 'nl'` every word of the till is Dutch too.
test.use({ tillLanguage: 'nl' });

test('a Dutch sale: the screens, the refusal with its next step, the totals and the receipt speak Dutch, money the Dutch way', async ({
  page,
  engineDb,
}, testInfo) => {
  const { coffeeBeans, oliveOil } = ITEMS;
  // 14.95 + 6.99 = 21.94; 10 % of it is 2.19; then €5.00 off: 14.75 to pay
  const gross = coffeeBeans.cents + oliveOil.cents;
  const net = gross - 219 - 500;

  await expect(page.getByRole('heading', { name: 'Verkoop', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const navigation = page.getByRole('navigation', { name: 'Schermen' });
  await expect(navigation.getByRole('button', { name: /Diagnose/ })).toBeVisible();
  const status = page.getByRole('contentinfo', { name: 'Kassastatus' });
  await expect(status).toContainText('Winkel S001');
  await expect(status).toContainText('Kassa 01');
  await expect(status).toContainText('Wachtende verkopen: 0');

  const basket = page.getByRole('table', { name: 'Mandje' });
  await expect(basket).toContainText('Scan een artikel om de verkoop te beginnen.');
  const scanField = page.getByRole('textbox', { name: 'Scan of typ een code' });
  const scan = async (code: string) => {
    await scanField.focus();
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(scanField).toHaveValue('');
  };

  await scan(coffeeBeans.barcode);
  await expect(basket.getByRole('row').filter({ hasText: coffeeBeans.name })).toBeVisible();
  await expect(
    basket.getByRole('button', { name: `Eén ${coffeeBeans.name} meer`, exact: true }),
  ).toBeVisible();
  await scan(oliveOil.barcode);
  await scan(MEMBER);
  await expect(page.getByRole('region', { name: 'Klant' })).toContainText(`Lid ${MEMBER}`);

  const vouchers = page.getByRole('region', { name: 'Vouchers' });
  const applied = vouchers.getByRole('list', { name: 'Toegepaste vouchers' });
  await expect(applied.getByRole('listitem')).toHaveCount(2);
  await expect(applied).toContainText(/vastgehouden tot \d{2}:\d{2}/);

  const totals = page.getByRole('region', { name: 'Totalen' });
  await expect(totals.getByRole('status', { name: 'Subtotaal', exact: true })).toHaveText(
    money(gross),
  );
  await expect(totals.getByRole('status', { name: 'Korting', exact: true })).toHaveText(
    discountPattern(gross - net),
  );
  await expect(totals.getByRole('status', { name: 'Te betalen', exact: true })).toHaveText(
    money(net),
  );
  // "€ 14,75": the Dutch way, with a decimal comma
  expect(money(net)).toMatch(/14,75/);

  // an unknown voucher: what happened and what to do next, both in Dutch
  await scan('NOPE-1234');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Voucher NOPE-1234 is geweigerd');
  await expect(alert).toContainText('Controleer de code met de klant');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.filter((found) => found.impact === 'serious' || found.impact === 'critical'),
  ).toEqual([]);
  await saveScreen(page, testInfo, 'dutch-sale');

  await page.getByRole('button', { name: 'Betaling bevestigen', exact: true }).click();
  // the payment panel, in Dutch: the exact amount in cash
  const payment = page.getByRole('dialog', { name: 'Betaling' });
  await payment.getByRole('button', { name: 'Contant', exact: true }).click();
  await payment.getByRole('button', { name: 'Betaling bevestigen', exact: true }).click();
  const receipt = page.getByRole('region', { name: 'Bon' });
  await expect(receipt.getByRole('heading', { name: 'Bon', exact: true })).toBeVisible();
  await expect(receipt.getByRole('status', { name: 'Totaal betaald', exact: true })).toHaveText(
    money(net),
  );
  await expect(page.getByRole('button', { name: 'Nieuwe verkoop', exact: true })).toBeFocused();
  await saveScreen(page, testInfo, 'dutch-receipt');

  // the sale the Dutch screen confirmed is the engine's too: both vouchers redeemed
  const burned = await engineDb
    .selectFrom('vouchers')
    .select('burned_at')
    .where('code', 'in', ['DEMO-10PCT', 'DEMO-5EUR'])
    .execute();
  expect(burned.map((voucher) => voucher.burned_at !== null)).toEqual([true, true]);
});
