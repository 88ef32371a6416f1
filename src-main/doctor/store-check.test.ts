import { describe, expect, it } from 'vitest';
import { checkWords, type CheckWords } from '../../src-shared/i18n';
import type { DiagnosticCheck } from './check';
import { englishCheck } from './english';
import { accountPlaceCheck as placeCheck, storeNotChecked as notChecked } from './store-check';

/** The checks in the words `till:doctor` prints. */
const inWords = (check: DiagnosticCheck | null) => (check === null ? null : englishCheck(check));
const accountPlaceCheck = (...args: Parameters<typeof placeCheck>) => inWords(placeCheck(...args));
const storeNotChecked = (config: Parameters<typeof notChecked>[0], why: CheckWords) =>
  inWords(notChecked(config, why));

const TILL = {
  chainId: 1,
  storeCode: 'S999',
  terminalId: '01',
  terminalCredentials: { username: 'till-s001-01' },
};
const CONFIG_PATH = '/etc/voucher-till/config.json';

describe('the store and terminal check', () => {
  it('passes when the engine puts the terminal account in the configured chain and store', () => {
    const check = accountPlaceCheck({ ...TILL, storeCode: 'S001' }, CONFIG_PATH, {
      chainId: 1,
      storeCode: 'S001',
    });
    expect(check).toEqual({
      name: 'store and terminal',
      verdict: 'ok',
      detail:
        "chain 1, store S001, terminal 01: the engine's account till-s001-01 belongs to this store",
      nextStep: null,
    });
  });

  it('fails on an account of another store, naming both stores and the file to change', () => {
    const check = accountPlaceCheck(TILL, CONFIG_PATH, { chainId: 1, storeCode: 'S001' });
    expect(check?.verdict).toBe('fail');
    expect(check?.detail).toBe(
      'this till is set up for chain 1, store S999, but the engine says the account till-s001-01 belongs to chain 1, store S001',
    );
    expect(check?.nextStep).toContain(`Set chainId and storeCode in ${CONFIG_PATH}`);
  });

  it('fails on an account of another chain, whatever its store', () => {
    const check = accountPlaceCheck({ ...TILL, storeCode: 'S001' }, CONFIG_PATH, {
      chainId: 2,
      storeCode: 'S001',
    });
    expect(check?.verdict).toBe('fail');
    expect(check?.detail).toContain('chain 1, store S001, but the engine says');
    expect(check?.detail).toContain('belongs to chain 2, store S001');
    const chainWide = accountPlaceCheck(TILL, CONFIG_PATH, { chainId: 2, storeCode: null });
    expect(chainWide?.verdict).toBe('fail');
    expect(chainWide?.detail).toContain('chain 2, store (every store of the chain)');
  });

  it('warns, never passes, when the engine does not say; leaves an account of the whole chain to the engine', () => {
    const silent = accountPlaceCheck(TILL, CONFIG_PATH, { chainId: null, storeCode: null });
    expect(silent?.verdict).toBe('warn');
    expect(silent?.detail).toContain('chain 1, store S999 could not be checked');
    expect(accountPlaceCheck(TILL, CONFIG_PATH, { chainId: 1, storeCode: null })).toBeNull();
  });

  it('says the store could not be checked when the engine cannot be asked', () => {
    expect(storeNotChecked(TILL, checkWords('skip_engine_unreachable'))).toEqual({
      name: 'store and terminal',
      verdict: 'skipped',
      detail:
        'chain 1, store S999 could not be checked against the engine: the engine is not reachable',
      nextStep: null,
    });
  });
});
