import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../src-shared/i18n';
import { REJECTION_CODES } from '../../src-shared/pricing/reasons';
import type { Language } from '../../src-shared/i18n';
import type { SaleView } from '../../src-shared/till';
import { createFakeTill } from '../../test-support/renderer/fake-till';
import { renderWithTill } from '../../test-support/renderer/render';
import { refusalWords } from './refusal-text';
import { VoucherPanel } from './VoucherPanel';

const NOW = Date.parse('2025-11-23T13:00:00.000Z');
/** 14:05 in Amsterdam (winter time), 4 min 30 s after NOW. */
const LOCK_END = '2025-11-23T13:04:30.000Z';
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const lockEndClock = clock.format(new Date(LOCK_END));
const en = createTranslator({ language: 'en', locale: 'nl-NL', currency: 'EUR' }).t;

type Applied = SaleView['applied'][number];
type Refused = SaleView['rejected'][number];

function applied(overrides: Partial<Applied>): Applied {
  return {
    voucherKey: 'a'.repeat(64),
    code: 'DEMO-5EUR',
    type: 'basket',
    title: '€5.00 off your next purchase',
    discount: 500,
    amountRemaining: 0,
    honourCode: null,
    lockedUntil: LOCK_END,
    ...overrides,
  };
}

function refused(ref: string, overrides: Partial<Refused> = {}): Refused {
  const reason = overrides.reason ?? 'voucher_not_found';
  return {
    ref,
    reason,
    message: 'English words for the log',
    lockedUntil: null,
    words: reason,
    params: { voucherCode: ref },
    scanned: true,
    ...overrides,
  };
}

function sale(overrides: Partial<Pick<SaleView, 'applied' | 'rejected'>>) {
  return { applied: [], rejected: [], currency: 'EUR', locale: 'nl-NL', ...overrides };
}

/** Rendered on a till that speaks `language`; resolves once its words are in that language. */
async function renderIn(ui: ReactElement, language: Language = 'en') {
  renderWithTill(ui, createFakeTill({ status: { language } }).client);
  await screen.findAllByRole('heading', { name: 'Vouchers' });
  await vi.waitFor(() => {
    expect(document.documentElement.lang).toBe(language);
  });
}

describe('the refusal words', () => {
  it.each(REJECTION_CODES.map((code) => [code]))(
    'say what happened and what to do next for %s',
    (code) => {
      const words = refusalWords(refused('X', { reason: code }), en);
      expect(words.what.length).toBeGreaterThan(10);
      expect(words.next.length).toBeGreaterThan(10);
      expect(`${words.what} ${words.next}`).not.toContain('_');
    },
  );

  it('name the till holding a voucher and when it is free again', () => {
    const words = refusalWords(
      refused('X', {
        reason: 'voucher_locked',
        lockedUntil: LOCK_END,
        params: { voucherCode: 'X', until: LOCK_END, terminalId: '02', storeCode: 'S001' },
      }),
      en,
    );
    expect(words.what).toBe(`This voucher is held for a sale on till 02 until ${lockEndClock}.`);
    expect(words.next).toContain('F2');
  });

  it('say when a voucher held elsewhere is free again when the engine names no till', () => {
    const words = refusalWords(
      refused('X', { reason: 'voucher_locked', lockedUntil: LOCK_END }),
      en,
    );
    expect(words.what).toBe(`This voucher is held for another sale until ${lockEndClock}.`);
  });
});

describe('the voucher list', () => {
  it('shows every refusal reason in plain words, with the code, what next, and the lock end where one holds', async () => {
    const rejected = REJECTION_CODES.map((reason, index) =>
      refused(`CODE-${index}`, {
        reason,
        lockedUntil: reason === 'voucher_locked' ? LOCK_END : null,
      }),
    );
    await renderIn(<VoucherPanel sale={sale({ rejected })} now={NOW} onRemove={vi.fn()} />);

    const items = within(screen.getByRole('list', { name: 'Refused vouchers' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(REJECTION_CODES.length);
    await vi.waitFor(() => {
      // the till's locale (nl-NL) writes the lock's end once its status is in
      expect(items[REJECTION_CODES.indexOf('voucher_locked')]).toHaveTextContent(lockEndClock);
    });
    REJECTION_CODES.forEach((reason, index) => {
      const item = items[index];
      const words = refusalWords(rejected[index] ?? refused('none'), en);
      expect(item).toHaveTextContent(`CODE-${index}`);
      expect(item).toHaveTextContent(`${words.what} ${words.next}`);
      expect(item).not.toHaveTextContent(reason);
    });
  });

  it('tells a code unknown offline apart from a value voucher refused offline', async () => {
    const rejected = [
      refused('HONOUR-TEA-0001', {
        reason: 'voucher_offline_not_allowed',
        words: 'voucher_unknown_offline',
      }),
      refused('VALUE-5', { reason: 'voucher_offline_not_allowed' }),
    ];
    await renderIn(<VoucherPanel sale={sale({ rejected })} now={NOW} onRemove={vi.fn()} />);
    const [unknown, value] = within(
      screen.getByRole('list', { name: 'Refused vouchers' }),
    ).getAllByRole('listitem');
    expect(unknown).toHaveTextContent('does not know this voucher code');
    expect(unknown).not.toHaveTextContent('Value vouchers');
    expect(value).toHaveTextContent('Value vouchers cannot be used while the till is offline.');
  });

  it('leaves out a voucher the engine offered on its own that cannot apply', async () => {
    const rejected = [
      refused('e'.repeat(64), { reason: 'voucher_expired', scanned: false }),
      refused('DEMO-OLD', { reason: 'voucher_expired' }),
    ];
    await renderIn(<VoucherPanel sale={sale({ rejected })} now={NOW} onRemove={vi.fn()} />);
    const items = within(screen.getByRole('list', { name: 'Refused vouchers' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('DEMO-OLD');
  });

  it('shows an applied voucher with its discount and its hold counting down', async () => {
    await renderIn(
      <>
        <VoucherPanel sale={sale({ applied: [applied({})] })} now={NOW} onRemove={vi.fn()} />
        <VoucherPanel
          sale={sale({ applied: [applied({})] })}
          now={NOW + 61_000}
          onRemove={vi.fn()}
        />
      </>,
    );
    const [item, later] = screen
      .getAllByRole('list', { name: 'Applied vouchers' })
      .map((list) => within(list).getByRole('listitem'));
    expect(item).toHaveTextContent('€5.00 off your next purchase');
    expect(item).toHaveTextContent('DEMO-5EUR');
    expect(item).toHaveTextContent(/€\s-5,00/);
    await vi.waitFor(() => {
      expect(item).toHaveTextContent(`held for this sale until ${lockEndClock}`);
    });
    expect(item).toHaveTextContent('4:30 left');
    expect(later).toHaveTextContent('3:29 left');
    expect(screen.queryByRole('list', { name: 'Refused vouchers' })).not.toBeInTheDocument();
  });

  it('says what to hand over for an honour voucher', async () => {
    const honour = applied({
      code: 'HONOUR-COFFEE-0001',
      type: 'honour',
      title: 'Free coffee',
      discount: 0,
      honourCode: 'FREE-COFFEE',
    });
    await renderIn(
      <VoucherPanel sale={sale({ applied: [honour] })} now={NOW} onRemove={vi.fn()} />,
    );
    expect(screen.getByRole('listitem')).toHaveTextContent('hand over FREE-COFFEE');
  });

  it('removes a voucher by its code', async () => {
    const onRemove = vi.fn<(ref: string) => void>();
    await renderIn(
      <VoucherPanel sale={sale({ applied: [applied({})] })} now={NOW} onRemove={onRemove} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove voucher DEMO-5EUR' }));
    expect(onRemove).toHaveBeenCalledWith('DEMO-5EUR');
  });
});

describe('the voucher list on a Dutch till', () => {
  it('says a hold, a refusal and what to do in Dutch', async () => {
    const rejected = [
      refused('DEMO-10PCT', {
        reason: 'voucher_locked',
        lockedUntil: LOCK_END,
        params: { voucherCode: 'DEMO-10PCT', until: LOCK_END, terminalId: '02' },
      }),
    ];
    await renderIn(
      <VoucherPanel
        sale={sale({ applied: [applied({})], rejected })}
        now={NOW}
        onRemove={vi.fn()}
      />,
      'nl',
    );
    expect(screen.getByRole('list', { name: 'Toegepaste vouchers' })).toHaveTextContent(
      `vastgehouden tot ${lockEndClock}`,
    );
    expect(screen.getByRole('list', { name: 'Toegepaste vouchers' })).toHaveTextContent('nog 4:30');
    const refusal = screen.getByRole('list', { name: 'Geweigerde vouchers' });
    expect(refusal).toHaveTextContent('Geweigerd');
    expect(refusal).toHaveTextContent(
      `Deze voucher is tot ${lockEndClock} vastgehouden voor een verkoop op kassa 02.`,
    );
    expect(refusal).toHaveTextContent('vraag een manager hem vrij te geven (F2)');
    expect(
      screen.getByRole('button', { name: 'Voucher DEMO-5EUR verwijderen' }),
    ).toBeInTheDocument();
  });
});
