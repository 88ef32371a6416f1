import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { tenderView } from './tender';

const GOOD = {
  engineUrl: 'http://127.0.0.1:8400',
  chainId: 7,
  storeCode: 'S042',
  terminalId: '03',
  terminalCredentials: { username: 'till-s042-03', password: 'secret-password' },
  currency: 'EUR',
  locale: 'nl-NL',
  timezone: 'Europe/Amsterdam',
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'till-tender-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function load(content: object, env: Record<string, string> = {}) {
  const path = join(folder, 'config.json');
  writeFileSync(path, JSON.stringify({ ...GOOD, ...content }));
  return loadConfig({ env, argvPath: path, cwd: folder });
}

function tenderOf(content: object, env: Record<string, string> = {}) {
  const loaded = load(content, env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return tenderView(loaded.value.config.tender);
}

function problemsOf(content: object, env: Record<string, string> = {}): string {
  const loaded = load(content, env);
  if (loaded.ok) throw new Error('expected the config to be refused');
  return loaded.error.problems.join('\n');
}

describe('the tender settings', () => {
  it('default to cash and card, no cash rounding, the cashier taking the payment', () => {
    expect(tenderOf({})).toEqual({
      hostTakesPayment: false,
      methods: [
        { id: 'cash', kind: 'cash', name: null },
        { id: 'card', kind: 'card', name: null },
      ],
      cashStep: null,
    });
  });

  it('take a list of methods with the store’s own, named, a cash step and a host POS', () => {
    const tender = tenderOf({
      tender: {
        methods: ['card', { id: 'giftcard', name: 'Gift card' }, 'cash'],
        cashRoundingMinor: 5,
        hostTakesPayment: true,
      },
    });
    expect(tender).toEqual({
      hostTakesPayment: true,
      methods: [
        { id: 'card', kind: 'card', name: null },
        { id: 'giftcard', kind: 'other', name: 'Gift card' },
        { id: 'cash', kind: 'cash', name: null },
      ],
      cashStep: 5,
    });
  });

  it('are read from the environment too', () => {
    const tender = tenderOf(
      {},
      {
        TILL_TENDER_METHODS: 'card',
        TILL_TENDER_CASH_ROUNDING_MINOR: '10',
        TILL_TENDER_HOST_TAKES_PAYMENT: 'true',
      },
    );
    expect(tender).toEqual({
      hostTakesPayment: true,
      methods: [{ id: 'card', kind: 'card', name: null }],
      cashStep: 10,
    });
  });

  it('refuse an empty list, a method twice, an unknown word, a bad id and a bad step, naming the key', () => {
    expect(problemsOf({ tender: { methods: [] } })).toMatch(
      /tender\.methods: must name at least one/,
    );
    expect(problemsOf({ tender: { methods: ['cash', 'cash'] } })).toMatch(
      /tender\.methods\.1: "cash" is listed twice/,
    );
    expect(problemsOf({ tender: { methods: ['cheque'] } })).toMatch(
      /tender\.methods\.0: must be "cash", "card"/,
    );
    expect(problemsOf({ tender: { methods: [{ id: 'Gift Card', name: 'x' }] } })).toMatch(
      /tender\.methods\.0/,
    );
    expect(problemsOf({ tender: { methods: [{ id: 'cash', name: 'Money' }] } })).toMatch(
      /tender\.methods\.0/,
    );
    expect(problemsOf({ tender: { cashRoundingMinor: 0 } })).toMatch(
      /tender\.cashRoundingMinor: must be a positive integer/,
    );
    expect(problemsOf({ tender: { surprise: true } })).toMatch(/tender/);
  });
});
