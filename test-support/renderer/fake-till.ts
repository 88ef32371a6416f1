import type {
  StatusView,
  ReceiptView,
  SaleView,
  TillClient,
  TillCommandName,
  TillOutput,
  TillResult,
} from '../../src-shared/till';
import { DEMO_STATUS } from '../shared/till-status';

type LockedVoucher = TillOutput<'manager/locked-vouchers'>[number];

/** What the fake's catalogue sells: barcode → name, unit price in minor units (per kg when weighed). */
const CATALOGUE: Readonly<
  Record<string, { name: string; unitPrice: number; unit: 'piece' | 'kg' }>
> = {
  '8712345000165': { name: 'Coffee beans 1 kg', unitPrice: 1495, unit: 'piece' },
  '8712345000110': { name: 'Extra virgin olive oil 500 ml', unitPrice: 699, unit: 'piece' },
  '8712345000172': { name: 'Bananas (loose, per kg)', unitPrice: 199, unit: 'kg' },
};

/** quantity × unit price, half away from zero (as the till's one rounding rule, for the fake's few figures). */
const grossOf = (quantity: number, unitPrice: number) => Math.round(quantity * unitPrice);

const ok = <T>(value: T): Promise<TillResult<T>> => Promise.resolve({ ok: true, value });

export interface FakeTill {
  readonly client: TillClient;
  /** Every command received, in order. */
  readonly calls: { name: TillCommandName; input: unknown }[];
  /** The open sale as the fake holds it. */
  sale(): SaleView;
  /** From now on scans get no answer until `release` (the engine is slow). */
  stallScans(): { release: () => void };
  /**
   * From now on a scan answers at once with its line at the shelf price and the pricing
   * waiting, as the till does when the engine is slow; `sale/current` says the same until
   * `release`, after which the sale is priced.
   */
  delayPricing(): { release: () => void };
  /** The next confirm's receipt lists these as issued by the engine with the sale. */
  issueOnConfirm(vouchers: ReceiptView['vouchersCreated']): void;
}

export function emptySale(saleId: string, overrides: Partial<SaleView> = {}): SaleView {
  return {
    saleId,
    basketCode: saleId,
    state: 'open',
    currency: 'EUR',
    locale: 'nl-NL',
    customer: null,
    lines: [],
    applied: [],
    rejected: [],
    totals: { gross: 0, discount: 0, net: 0 },
    pricedBy: 'engine',
    pricing: { state: 'priced' },
    notices: [],
    now: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * An in-memory till for component tests: items from a two-product catalogue, loyalty cards of
 * seven digits, no vouchers; everything else answers with plain values. The e2e suite runs the
 * real till core.
 */
/** `status`: what `status/get` says differently from the demo till (its language, say). */
export function createFakeTill(options: { readonly status?: Partial<StatusView> } = {}): FakeTill {
  const status: StatusView = { ...DEMO_STATUS, ...options.status };
  let number = 1;
  let sale = emptySale('S001-01-0001');
  const calls: FakeTill['calls'] = [];
  let stalled: Promise<void> | null = null;
  let waitingSince: string | null = null;
  let toIssue: ReceiptView['vouchersCreated'] = [];
  const receipts = new Map<string, ReceiptView>();
  let locked: LockedVoucher[] = [
    {
      voucherKey: 'c'.repeat(64),
      code: 'HONOUR-COFFEE-0004',
      type: 'honour',
      ownerMemberNumber: null,
      basketCode: 'S001-02-0007',
      lockedUntil: '2099-01-01T12:05:00.000Z',
    },
  ];
  const audit: TillOutput<'manager/audit-log'> = [];
  const free = (voucher: LockedVoucher, reason: string) => {
    locked = locked.filter((candidate) => candidate !== voucher);
    audit.unshift({
      id: audit.length + 1,
      at: '2025-11-23T13:10:00.000Z',
      actor: 'manager-s001',
      action: 'unlock_voucher',
      voucherKey: voucher.voucherKey,
      voucherCode: voucher.code,
      basketCode: voucher.basketCode,
      subject: null,
      detail: reason,
      storeCode: 'S001',
      terminalId: '01',
    });
    return {
      voucherKey: voucher.voucherKey,
      code: voucher.code,
      type: voucher.type,
      ownerMemberNumber: voucher.ownerMemberNumber,
      basketCode: voucher.basketCode,
    };
  };
  const log = (name: TillCommandName, input: unknown) => calls.push({ name, input });

  const priced = (next: SaleView): SaleView => {
    const gross = next.lines.reduce((sum, line) => sum + line.gross, 0);
    return { ...next, totals: { gross, discount: 0, net: gross }, notices: [] };
  };
  const scan = (code: string, weight?: number): SaleView => {
    if (/^\d{7}$/.test(code)) return priced({ ...sale, customer: { memberNumber: code } });
    const product = CATALOGUE[code];
    if (!product) {
      const message = `Barcode ${code} is not in the catalogue; the item was not added.`;
      return {
        ...sale,
        notices: [{ code: 'unknown_barcode', message, params: { barcode: code } }],
      };
    }
    if (product.unit === 'kg' && weight === undefined) {
      const message = `${product.name} is sold by weight; it was not added without its weight.`;
      return {
        ...sale,
        notices: [
          { code: 'weight_needed', message, params: { barcode: code, product: product.name } },
        ],
      };
    }
    const quantity = weight ?? 1;
    const existing =
      product.unit === 'piece' ? sale.lines.find((line) => line.barcode === code) : undefined;
    const lines = existing
      ? sale.lines.map((line) =>
          line === existing
            ? {
                ...line,
                quantity: line.quantity + quantity,
                gross: grossOf(line.quantity + quantity, line.unitPrice),
                net: grossOf(line.quantity + quantity, line.unitPrice),
              }
            : line,
        )
      : [
          ...sale.lines,
          {
            lineId: `line_${sale.lines.length + 1}`,
            barcode: code,
            name: product.name,
            quantity,
            unit: product.unit,
            unitPrice: product.unitPrice,
            gross: grossOf(quantity, product.unitPrice),
            discount: 0,
            net: grossOf(quantity, product.unitPrice),
            excluded: false,
            shares: [],
          },
        ];
    return priced({ ...sale, lines });
  };
  const nextSale = () => {
    number += 1;
    sale = emptySale(`S001-01-000${number}`);
    return sale;
  };
  const receipt = (): ReceiptView => ({
    basketCode: sale.basketCode,
    confirmedAt: '2025-11-23T13:05:00.000Z',
    currency: sale.currency,
    locale: sale.locale,
    customer: sale.customer,
    lines: sale.lines,
    vouchersRedeemed: sale.applied,
    honourCodes: [],
    vouchersCreated: [],
    totals: sale.totals,
    payment: { tenders: [], paid: null, change: 0, toCollect: 0 },
    warnings: [],
    syncState: 'synced',
    engineBasketId: 1,
    // a till in training mode confirms practice sales
    training: status.trainingMode,
  });

  const shown = (): SaleView =>
    waitingSince === null ? sale : { ...sale, pricing: { state: 'waiting', since: waitingSince } };

  const client: TillClient = {
    'sale/current': (input) => (log('sale/current', input), ok(shown())),
    'sale/start': (input) => (log('sale/start', input), ok(sale)),
    'sale/scan': async (input) => {
      log('sale/scan', input);
      if (stalled) await stalled;
      sale = scan(input.code, input.quantity);
      return ok(shown());
    },
    'sale/set-quantity': (input) => {
      log('sale/set-quantity', input);
      sale = priced({
        ...sale,
        lines: sale.lines.map((line) =>
          line.lineId === input.lineId
            ? {
                ...line,
                quantity: input.quantity,
                gross: grossOf(input.quantity, line.unitPrice),
                net: grossOf(input.quantity, line.unitPrice),
              }
            : line,
        ),
      });
      return ok(sale);
    },
    'catalogue/search': (input) => {
      log('catalogue/search', input);
      const words = input.query.toLowerCase().split(/\s+/u);
      const products = Object.entries(CATALOGUE)
        .filter(([, product]) => words.every((word) => product.name.toLowerCase().includes(word)))
        .map(([barcode, product]) => ({ barcode, ...product, excluded: false }));
      return ok({ query: input.query, products, more: false });
    },
    'sale/remove-line': (input) => {
      log('sale/remove-line', input);
      sale = priced({ ...sale, lines: sale.lines.filter((line) => line.lineId !== input.lineId) });
      return ok(sale);
    },
    'sale/remove-voucher': (input) => (log('sale/remove-voucher', input), ok(sale)),
    'sale/keep-voucher': (input) => (log('sale/keep-voucher', input), ok(sale)),
    'sale/activate-voucher': (input) => (log('sale/activate-voucher', input), ok(sale)),
    'sale/set-customer': (input) => {
      log('sale/set-customer', input);
      sale = {
        ...sale,
        customer: input.memberNumber ? { memberNumber: input.memberNumber } : null,
      };
      return ok(sale);
    },
    'sale/confirm': (input) => {
      log('sale/confirm', input);
      const confirmed = { ...receipt(), vouchersCreated: toIssue };
      toIssue = [];
      receipts.set(confirmed.basketCode, confirmed);
      nextSale();
      return ok(confirmed);
    },
    'sale/void': (input) => (log('sale/void', input), ok(nextSale())),
    'return/recent': (input) => (log('return/recent', input), ok([])),
    'return/find': (input) => (
      log('return/find', input),
      Promise.resolve({
        ok: false,
        error: { code: 'not_found', message: `No sale ${input.basketCode}.` },
      })
    ),
    'return/add': (input) => (log('return/add', input), ok(sale)),
    'receipt/get': (input) => (
      log('receipt/get', input),
      ok(receipts.get(input.basketCode) ?? receipt())
    ),
    'receipt/collect': (input) => (
      log('receipt/collect', input),
      ok(receipts.get(input.basketCode) ?? receipt())
    ),
    'receipt/search': (input) => {
      log('receipt/search', input);
      const found = [...receipts.values()]
        .reverse()
        .filter(
          (kept) =>
            (input.basketCode === undefined || kept.basketCode.includes(input.basketCode)) &&
            (input.amount === undefined || kept.totals.net === input.amount),
        )
        .slice(0, input.limit ?? 50)
        .map((kept) => ({
          basketCode: kept.basketCode,
          confirmedAt: kept.confirmedAt,
          currency: kept.currency,
          customer: kept.customer,
          lineCount: kept.lines.length,
          total: kept.totals.net,
          vouchersCreated: kept.vouchersCreated.length,
          syncState: kept.syncState,
        }));
      return ok(found);
    },
    'manager/sign-in': (input) => (
      log('manager/sign-in', input),
      ok({ username: input.username, expiresAt: '2099-01-01T00:00:00.000Z' })
    ),
    'manager/sign-out': (input) => (log('manager/sign-out', input), ok({})),
    'manager/locked-vouchers': (input) => (log('manager/locked-vouchers', input), ok(locked)),
    'manager/unlock-voucher': (input) => {
      log('manager/unlock-voucher', input);
      const voucher = locked.find((candidate) => candidate.voucherKey === input.voucherKey);
      if (!voucher)
        return Promise.resolve({
          ok: false,
          error: { code: 'not_found', message: 'No such voucher.' },
        });
      return ok(free(voucher, input.reason));
    },
    'manager/unlock-basket': (input) => {
      log('manager/unlock-basket', input);
      const held = locked.filter((candidate) => candidate.basketCode === input.basketCode);
      if (held.length === 0)
        return Promise.resolve({
          ok: false,
          error: { code: 'not_found', message: `No vouchers are held for ${input.basketCode}.` },
        });
      const freed = held.map((voucher) => free(voucher, input.reason));
      return ok({ basketCode: input.basketCode, freed, failed: [] });
    },
    'manager/audit-log': (input) => (
      log('manager/audit-log', input),
      ok(
        audit.filter(
          (entry) =>
            (input.voucherCode === undefined || entry.voucherCode === input.voucherCode) &&
            (input.day === undefined || entry.at.startsWith(input.day)),
        ),
      )
    ),
    'manager/conflicts': (input) => (
      log('manager/conflicts', input),
      ok({ source: 'store', unreachable: null, conflicts: [] })
    ),
    'manager/acknowledge-conflict': (input) => {
      log('manager/acknowledge-conflict', input);
      return Promise.resolve({
        ok: false,
        error: { code: 'not_found', message: `There is no sync conflict ${input.conflictId}.` },
      });
    },
    'manager/reward-pools': (input) => (
      log('manager/reward-pools', input),
      ok([
        {
          campaignId: 5,
          title: 'Cinema ticket from our partner',
          total: 20,
          unused: 3,
          threshold: 5,
          low: true,
        },
      ])
    ),
    'status/get': (input) => (log('status/get', input), ok(status)),
    'diagnostics/run': (input) => (
      log('diagnostics/run', input),
      ok({
        version: '0.1.0',
        config: {},
        databasePath: '/tmp/till.sqlite',
        databaseBytes: 0,
        salesWaiting: 0,
        conflictsOpen: 0,
        honourCacheUpdatedAt: null,
        logPath: 'stdout',
        checks: [],
      })
    ),
  };
  const stallScans = () => {
    let release: () => void = () => undefined;
    stalled = new Promise<void>((resolve) => {
      release = () => {
        stalled = null;
        resolve();
      };
    });
    return { release };
  };
  const delayPricing = () => {
    waitingSince = new Date().toISOString();
    return {
      release: () => {
        waitingSince = null;
      },
    };
  };
  const issueOnConfirm = (vouchers: ReceiptView['vouchersCreated']) => {
    toIssue = vouchers;
  };
  return { client, calls, sale: () => sale, stallScans, delayPricing, issueOnConfirm };
}
