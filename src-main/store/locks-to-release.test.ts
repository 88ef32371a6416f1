import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';
import { forgetLocksToRelease, locksToRelease, rememberLocksToRelease } from './locks-to-release';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('locks to release', () => {
  it('keeps each basket code once, oldest first, until it is forgotten', () => {
    store = openTempStore();
    const { db } = store;
    rememberLocksToRelease(db, 'S001-01-20261123-0002', new Date(2_000));
    rememberLocksToRelease(db, 'S001-01-20261123-0001', new Date(1_000));
    rememberLocksToRelease(db, 'S001-01-20261123-0002', new Date(3_000));
    expect(locksToRelease(db)).toEqual(['S001-01-20261123-0001', 'S001-01-20261123-0002']);
    forgetLocksToRelease(db, 'S001-01-20261123-0001');
    expect(locksToRelease(db)).toEqual(['S001-01-20261123-0002']);
  });
});
