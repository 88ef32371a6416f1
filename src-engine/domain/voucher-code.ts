import type { Executor } from '../repo/vouchers';
import type { Outcome } from './refusal';
import { allocateUniqueCode, DEFAULT_CODE_FORMAT } from './rewards/code-format';
import { codeInUse } from './rewards/code-use';

/**
 * A fresh code for a voucher the engine makes itself (an anonymous create-voucher, a child
 * voucher), so that whoever holds it can use it: the default one-time code format, unique
 * among every kind of code in the chain.
 */
export function generateVoucherCode(db: Executor, chainId: number): Promise<Outcome<string>> {
  return allocateUniqueCode(DEFAULT_CODE_FORMAT, (candidate) => codeInUse(db, chainId, candidate));
}
