import type { TillConfig } from '../config';
import type { SignedInSession } from '../engine-client';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

/** What the engine's sign-in says about the terminal account: its chain and its store. */
export type AccountPlace = Pick<SignedInSession, 'chainId' | 'storeCode'>;

type Identity = Pick<TillConfig, 'chainId' | 'storeCode' | 'terminalId'> & {
  readonly terminalCredentials: { readonly username: string };
};

const NAME = 'store and terminal';

function configured(config: Identity): string {
  return `chain ${config.chainId}, store ${config.storeCode}`;
}

/**
 * The till sells under its configured chain and store; the engine knows which chain and store
 * the terminal account belongs to. They must agree, or the till's sales are refused or booked to
 * another store. An account of the whole chain cannot confirm the store, so that is a warning.
 */
export function storeCheck(
  config: Identity,
  configPath: string,
  place: AccountPlace,
): DiagnosticCheck {
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
  if (place.storeCode === null) {
    return warned(
      NAME,
      `the account ${username} reaches every store of chain ${config.chainId}, so the engine does not confirm store ${config.storeCode}`,
      `Give the till a terminal account of store ${config.storeCode} and set it in terminalCredentials in ${configPath}.`,
    );
  }
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

/** The engine could not be asked: the store is not confirmed, which is never a pass. */
export function storeNotChecked(config: Identity, why: string): DiagnosticCheck {
  return skipped(NAME, `${configured(config)} could not be checked against the engine: ${why}`);
}
