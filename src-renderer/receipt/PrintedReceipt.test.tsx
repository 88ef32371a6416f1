import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { App } from '../app/App';
import { confirmPaidInCash } from '../../test-support/renderer/pay';

const COFFEE = '8712345000165';
const REMAINDER = {
  voucherKey: 'a'.repeat(64),
  code: 'REST-7Q2K-9D',
  amount: 370,
  expiresAt: '2027-01-31T12:00:00.000Z',
  ownerMemberNumber: '1000001',
  origin: 'remainder' as const,
  from: { voucherKey: 'b'.repeat(64), code: 'DEMO-5EUR' },
};

async function receiptOnScreen() {
  const till = createFakeTill();
  renderWithTill(<App />, till.client);
  await screen.findByText(till.sale().basketCode);
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Scan or type a code' }), `${COFFEE}{Enter}`);
  await screen.findByText('Coffee beans 1 kg');
  const basketCode = till.sale().basketCode;
  till.issueOnConfirm([REMAINDER]);
  await confirmPaidInCash(user);
  await screen.findByRole('region', { name: 'Receipt' });
  return { user, basketCode };
}

/** What was on paper when the page printed: the printed receipt's text and its barcodes' names. */
function paperAtPrint(): { text: string; barcodes: string[] }[] {
  const printed: { text: string; barcodes: string[] }[] = [];
  stubPrint(() => {
    const paper = screen.getByRole('article', { name: 'Printed receipt' });
    printed.push({
      text: paper.textContent,
      barcodes: within(paper)
        .getAllByRole('img')
        .map((image) => image.getAttribute('aria-label') ?? ''),
    });
  });
  return printed;
}

/** happy-dom has no print dialog: `window.print` as the test says. */
function stubPrint(print: () => void = () => undefined) {
  const stub = vi.fn(print);
  Object.defineProperty(window, 'print', { value: stub, configurable: true, writable: true });
  return stub;
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, 'tillPrinter');
  Reflect.deleteProperty(window, 'print');
});

describe('printing the receipt', () => {
  it('in browser mode prints through the print dialog, once the barcodes are drawn, then takes the receipt off the page', async () => {
    const printed = paperAtPrint();
    const { user, basketCode } = await receiptOnScreen();
    expect(screen.queryByRole('article', { name: 'Printed receipt' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Print receipt' }));

    await waitFor(() => {
      expect(printed).toHaveLength(1);
    });
    const [paper] = printed;
    expect(paper?.barcodes).toEqual([
      'Barcode of voucher REST-7Q2K-9D',
      `Barcode of basket ${basketCode}`,
    ]);
    expect(paper?.text).toContain('Store S001 · Till 01');
    expect(paper?.text).toContain('Coffee beans 1 kg');
    expect(paper?.text).toContain('REST-7Q2K-9D');
    expect(paper?.text).toMatch(/€\s3,70/);
    expect(paper?.text).toContain('valid until 31-01-2027');
    expect(paper?.text).toContain('Total paid');
    expect(paper?.text).not.toContain('Copy');
    await waitFor(() => {
      expect(screen.queryByRole('article', { name: 'Printed receipt' })).toBeNull();
    });

    await user.click(screen.getByRole('button', { name: 'Reprint receipt' }));
    await waitFor(() => {
      expect(printed).toHaveLength(2);
    });
    expect(printed[1]?.text).toContain('Copy');
  });

  it('in the Electron window asks the shell to print, and says when the printer failed', async () => {
    const print = vi
      .fn<() => Promise<unknown>>()
      .mockResolvedValueOnce({ ok: true })
      .mockResolvedValueOnce({ ok: false, reason: 'Print job canceled' });
    Object.defineProperty(window, 'tillPrinter', { value: { print }, configurable: true });
    const dialog = stubPrint();
    const { user } = await receiptOnScreen();

    await user.click(screen.getByRole('button', { name: 'Print receipt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The receipt went to the printer.');
    await user.click(screen.getByRole('button', { name: 'Reprint receipt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The receipt was not printed (Print job canceled). Check the printer’s paper and power, then print again.',
    );
    expect(print).toHaveBeenCalledTimes(2);
    expect(dialog).not.toHaveBeenCalled();
  });
});
