import { randomUUID } from 'node:crypto';
import type { TillConfig } from '../config';
import type { EngineCalls, SignedInSession, TillIdentity } from '../engine-client';
import type { CallLimit } from '../engine-client/http-transport';
import { newSale } from '../sale/sale-state';
import { checkWords, quoted, type CheckWords } from '../../src-shared/i18n';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

/** What the engine's sign-in says about the terminal account: its chain and its store. */
export type AccountPlace = Pick<SignedInSession, 'chainId' | 'storeCode'>;

type Identity = Pick<TillConfig, 'chainId' | 'storeCode' | 'terminalId'> & {
  readonly terminalCredentials: { readonly username: string };
};

/** What the store probe calls: the running till's own client on F3, a fresh one for `till:doctor`. */
export type StoreProbe = Pick<EngineCalls, 'getBasketPrice'>;

const NAME = 'store_and_terminal';

function configured(config: Identity): { chain: number; store: string } {
  return { chain: config.chainId, store: config.storeCode };
}

/**
 * The till sells under its configured chain and store; the engine knows which chain and store
 * the terminal account belongs to. They must agree, or the till's sales are refused or booked to
 * another store. Null: an account of the whole chain, which cannot vouch for one store.
 */
export function accountPlaceCheck(
  config: Identity,
  configPath: string,
  place: AccountPlace,
): DiagnosticCheck | null {
  const { username } = config.terminalCredentials;
  if (place.chainId === null && place.storeCode === null) {
    return warned(
      NAME,
      checkWords('store_silent', { username, ...configured(config) }),
      checkWords('store_update_engine'),
    );
  }
  const fix = checkWords('store_fix', { path: configPath });
  const mismatch = checkWords('store_mismatch', {
    ...configured(config),
    username,
    engineChain: place.chainId ?? checkWords('store_chain_unsaid'),
    engineStore: place.storeCode ?? checkWords('store_whole_chain'),
  });
  if (place.chainId !== null && place.chainId !== config.chainId) {
    return failedCheck(NAME, mismatch, fix);
  }
  if (place.storeCode === null) return null;
  if (place.storeCode !== config.storeCode) return failedCheck(NAME, mismatch, fix);
  return passed(
    NAME,
    checkWords('store_ok', { ...configured(config), terminal: config.terminalId, username }),
  );
}

/**
 * The check against the engine: by the account's place, and for an account of the whole chain,
 * which cannot vouch for one store, by pricing an empty basket under the till's chain, store and
 * terminal, as every sale is priced. An empty basket under a code no sale has holds and locks
 * nothing; the engine refuses it for a store the chain does not have.
 */
export async function storeAndTerminalCheck(
  config: Identity & TillIdentity,
  configPath: string,
  place: AccountPlace,
  engine: StoreProbe,
  limit: CallLimit,
): Promise<DiagnosticCheck> {
  const byAccount = accountPlaceCheck(config, configPath, place);
  if (byAccount !== null) return byAccount;
  const code = `${config.storeCode}-${config.terminalId}-CHECK-${randomUUID()}`;
  const priced = await engine.getBasketPrice(newSale(code, code), config, limit);
  const { username } = config.terminalCredentials;
  if (priced.ok) {
    return passed(
      NAME,
      checkWords('store_ok_priced', {
        ...configured(config),
        terminal: config.terminalId,
        username,
      }),
    );
  }
  if (priced.error.kind === 'rejected') {
    return failedCheck(
      NAME,
      checkWords('store_refused', { ...configured(config), error: priced.error.message }),
      checkWords('store_add', { path: configPath, ...configured(config) }),
    );
  }
  return storeNotChecked(config, quoted(priced.error.message));
}

/** The engine could not be asked: the store is not confirmed, which is never a pass. */
export function storeNotChecked(config: Identity, why: CheckWords): DiagnosticCheck {
  return skipped(NAME, checkWords('store_not_checked', { ...configured(config), why }));
}
