import { randomUUID } from 'node:crypto';
import type { TillConfig } from '../config';
import type { EngineCalls, SignedInSession, TillIdentity } from '../engine-client';
import type { CallLimit } from '../engine-client/http-transport';
import { newSale } from '../sale/sale-state';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

/** What the engine's sign-in says about the terminal account: its chain and its store. */
export type AccountPlace = Pick<SignedInSession, 'chainId' | 'storeCode'>;

type Identity = Pick<TillConfig, 'chainId' | 'storeCode' | 'terminalId'> & {
  readonly terminalCredentials: { readonly username: string };
};

/** What the store probe calls: the running till's own client on F3, a fresh one for `till:doctor`. */
export type StoreProbe = Pick<EngineCalls, 'getBasketPrice'>;

const NAME = 'store and terminal';

function configured(config: Identity): string {
  return `chain ${config.chainId}, store ${config.storeCode}`;
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
  const terminal = `terminal ${config.terminalId}`;
  if (place.chainId === null && place.storeCode === null) {
    return warned(
      NAME,
      `the engine does not say which chain and store the account ${username} belongs to, so ${configured(config)} could not be checked`,
      'Update the voucher engine to a version that names the chain and store of an account when it signs in.',
    );
  }
  const fix = `Set chainId and storeCode in ${configPath} to the store this terminal stands in, and give the till that store's terminal account (the engine's administrator creates it).`;
  const engineSays = `the engine says the account ${username} belongs to chain ${place.chainId ?? '(not said)'}, store ${place.storeCode ?? '(every store of the chain)'}`;
  if (place.chainId !== null && place.chainId !== config.chainId) {
    return failedCheck(
      NAME,
      `this till is set up for ${configured(config)}, but ${engineSays}`,
      fix,
    );
  }
  if (place.storeCode === null) return null;
  if (place.storeCode !== config.storeCode) {
    return failedCheck(
      NAME,
      `this till is set up for ${configured(config)}, but ${engineSays}`,
      fix,
    );
  }
  return passed(
    NAME,
    `${configured(config)}, ${terminal}: the engine's account ${username} belongs to this store`,
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
      `${configured(config)}, terminal ${config.terminalId}: the engine prices a basket for this store (the account ${username} reaches every store of the chain)`,
    );
  }
  if (priced.error.kind === 'rejected') {
    return failedCheck(
      NAME,
      `the engine refuses a basket for ${configured(config)}: ${priced.error.message}`,
      `Set storeCode in ${configPath} to a store of chain ${config.chainId} that the engine has, or have the engine's administrator add store ${config.storeCode}.`,
    );
  }
  return storeNotChecked(config, priced.error.message);
}

/** The engine could not be asked: the store is not confirmed, which is never a pass. */
export function storeNotChecked(config: Identity, why: string): DiagnosticCheck {
  return skipped(NAME, `${configured(config)} could not be checked against the engine: ${why}`);
}
