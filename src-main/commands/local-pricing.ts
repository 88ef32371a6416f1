import type { SaleView } from '../../src-shared/till';
import { keptEngineVouchers, type EngineVouchers, type KeptVouchers } from '../sale/kept-vouchers';
import { offlineSaleView, type OfflineCandidate } from '../sale/offline-pricing';
import type { SaleState } from '../sale/sale-state';
import { wasScanned, type Notice, type RefusedVoucher } from '../sale/sale-view';
import { appliedVoucherToDomain, cachedHonourToDomain } from '../sale/voucher-to-domain';
import { findCachedHonour, honourCacheState } from '../store';
import { offlineValueDiscountOn } from '../store/offline-allowance';
import { viewContext, type CoreContext } from './context';

export const NEVER_ONLINE_MESSAGE =
  'This till has never been online, so it cannot check vouchers: none can be accepted until it has reached the voucher engine once.';

/** A voucher the till cannot check offline, said by why (`words`): its reason stays the offline one. */
const cannotCheck = (
  ref: string,
  message: string,
  words: RefusedVoucher['words'],
  scannedCodes: readonly string[],
): RefusedVoucher => ({
  ref,
  reason: 'voucher_offline_not_allowed',
  message,
  lockedUntil: null,
  words,
  params: { voucherCode: ref },
  scanned: wasScanned(ref, scannedCodes),
});

/**
 * The sale priced by the till alone (docs/architecture.md, "Offline and sync"): honour vouchers from the local cache for the codes
 * scanned, the value vouchers the engine had applied before it went away, the offline policy
 * and what is left of today's cap.
 */
export function localSaleView(
  context: CoreContext,
  state: SaleState,
  engineVouchers: EngineVouchers | null,
  why?: Notice,
): SaleView {
  const kept = keptEngineVouchers(state, engineVouchers);
  const valueCodes = new Set(kept.value.flatMap((voucher) => voucher.code ?? []));
  const codes = [...new Set([...state.voucherCodes, ...kept.honourCodes])].filter(
    (code) => !valueCodes.has(code),
  );
  const found =
    honourCacheState(context.db).cursor === null
      ? neverOnline(
          [
            ...codes,
            ...kept.value.map((voucher) => voucher.code ?? voucher.key),
            ...kept.honourWithoutCode.map((voucher) => voucher.key),
          ],
          state.voucherCodes,
        )
      : combine(
          fromCache(context, state, codes),
          fromEngine(context, engineVouchers, kept, state.voucherCodes),
        );
  return offlineSaleView(
    { sale: state, ...allowance(context), ...found, why },
    viewContext(context),
  );
}

interface Found {
  readonly candidates: readonly OfflineCandidate[];
  readonly refused: readonly RefusedVoucher[];
  readonly notices: readonly Notice[];
}

/** Each scanned code looked up in the honour cache: usable there and not used by another sale here. */
function fromCache(context: CoreContext, state: SaleState, codes: readonly string[]): Found {
  const candidates: OfflineCandidate[] = [];
  const refused: RefusedVoucher[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    const cached = findCachedHonour(context.db, code);
    if (!cached) {
      unknown.push(code);
      refused.push(
        cannotCheck(
          code,
          `${code} is not among the honour vouchers this till keeps for offline use; it can be checked once the engine is back.`,
          'voucher_unknown_offline',
          state.voucherCodes,
        ),
      );
    } else if (
      cached.usedLocallyBasketCode !== null &&
      cached.usedLocallyBasketCode !== state.basketCode
    ) {
      refused.push({
        ref: code,
        reason: 'voucher_already_redeemed',
        message: `This voucher was already used on this till, in sale ${cached.usedLocallyBasketCode}.`,
        lockedUntil: null,
        words: 'voucher_used_on_this_till',
        params: { voucherCode: code, basketCode: cached.usedLocallyBasketCode },
        scanned: wasScanned(code, state.voucherCodes),
      });
    } else {
      candidates.push({
        voucher: cachedHonourToDomain(cached.voucher, cached.honourCode, cached.memberNumber),
        title: cached.voucher.title ?? code,
      });
    }
  }
  const notices: Notice[] =
    unknown.length === 0
      ? []
      : [
          {
            code: 'voucher_unknown_offline',
            message: `Offline, the till can only check the honour vouchers it keeps; not accepted: ${unknown.join(', ')}.`,
            params: { voucherCodes: unknown.join(', '), ...single(unknown) },
          },
        ];
  return { candidates, refused, notices };
}

/** The value vouchers kept from the engine's last answer (the policy decides on them in pricing). */
function fromEngine(
  context: CoreContext,
  engineVouchers: EngineVouchers | null,
  kept: KeptVouchers,
  scannedCodes: readonly string[],
): Found {
  const memberNumber = engineVouchers?.state.memberNumber ?? null;
  return {
    candidates: kept.value.flatMap((engine) => {
      const voucher = appliedVoucherToDomain(engine, context.config.currency, memberNumber);
      return voucher ? [{ voucher, title: engine.title ?? engine.code ?? 'Voucher' }] : [];
    }),
    refused: kept.honourWithoutCode.map((engine) =>
      cannotCheck(
        engine.key,
        'This honour voucher has no code the till can check offline.',
        'honour_voucher_without_code_offline',
        scannedCodes,
      ),
    ),
    notices: [],
  };
}

/** A till whose cache was never filled accepts no voucher at all, and says why. */
function neverOnline(refs: readonly string[], scannedCodes: readonly string[]): Found {
  return {
    candidates: [],
    refused: refs.map((ref) =>
      cannotCheck(ref, NEVER_ONLINE_MESSAGE, 'honour_cache_empty', scannedCodes),
    ),
    notices: [{ code: 'honour_cache_empty', message: NEVER_ONLINE_MESSAGE, params: {} }],
  };
}

/** The voucher a notice is about, when it is about one. */
function single(codes: readonly string[]): { voucherCode?: string } {
  const [only, ...more] = codes;
  return only !== undefined && more.length === 0 ? { voucherCode: only } : {};
}

function combine(a: Found, b: Found): Found {
  return {
    candidates: [...a.candidates, ...b.candidates],
    refused: [...a.refused, ...b.refused],
    notices: [...a.notices, ...b.notices],
  };
}

function allowance(context: CoreContext) {
  const { valueVouchersAllowed, perSaleCapMinor, perDayCapMinor } = context.config.offline;
  const policy = { valueVouchersAllowed, perSaleCapMinor, perDayCapMinor };
  const valueDiscountToday = valueVouchersAllowed
    ? offlineValueDiscountOn(context.db, new Date(context.now()), context.config.timezone)
    : 0;
  return { policy, valueDiscountToday };
}
