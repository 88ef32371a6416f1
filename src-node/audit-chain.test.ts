import { describe, expect, it } from 'vitest';
import {
  chainNext,
  GENESIS_HASH,
  rowHash,
  verifyChain,
  type ChainedRow,
  type ChainHead,
} from './audit-chain';

function chainOf(contents: readonly string[]): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let last: ChainHead | undefined;
  for (const text of contents) {
    const content = [text, 1, null];
    const link = chainNext(last, content);
    rows.push({ ...link, content });
    last = link;
  }
  return rows;
}

const headOf = (rows: readonly ChainedRow[]): ChainHead => {
  const last = rows.at(-1);
  return last ? { seq: last.seq, rowHash: last.rowHash } : { seq: 0, rowHash: GENESIS_HASH };
};

describe('the audit hash chain', () => {
  it('hashes the documented encoding: prev_hash, a newline, then JSON of seq and the content', () => {
    // sha256 of "000…000\n[1,\"a\",null]", as sha256sum computes it
    expect(rowHash(GENESIS_HASH, 1, ['a', null])).toBe(
      'cf491f92fede0b731dd43b4951aa4ac37eac6641409dded89a9b24e550d22dbc',
    );
  });

  it('verifies an untouched chain, and an empty one against an empty head', () => {
    const rows = chainOf(['a', 'b', 'c']);
    expect(verifyChain(rows, headOf(rows))).toEqual({ ok: true, checked: 3 });
    expect(verifyChain([], headOf([]))).toEqual({ ok: true, checked: 0 });
  });

  it('names the first broken row and why', () => {
    const rows = chainOf(['a', 'b', 'c', 'd']);
    const [one, two, three, four] = rows;
    if (!one || !two || !three || !four) throw new Error('four rows');
    expect(verifyChain([one, { ...two, content: ['B', 1, null] }, three, four])).toEqual({
      ok: false,
      checked: 2,
      brokenAt: { seq: 2, reason: 'row_hash_mismatch' },
    });
    expect(verifyChain([one, three, four]).brokenAt).toEqual({ seq: 3, reason: 'seq_gap' });
    expect(verifyChain([one, { ...three, seq: 2 }, { ...two, seq: 3 }, four]).brokenAt).toEqual({
      seq: 2,
      reason: 'prev_hash_mismatch',
    });
    expect(verifyChain([one, two, two, three]).brokenAt).toEqual({
      seq: 2,
      reason: 'prev_hash_mismatch',
    });
    expect(verifyChain([one, two, three], headOf(rows)).brokenAt).toEqual({
      seq: 4,
      reason: 'head_mismatch',
    });
    expect(verifyChain(rows, { seq: 4, rowHash: GENESIS_HASH }).brokenAt).toEqual({
      seq: 4,
      reason: 'head_mismatch',
    });
  });
});
