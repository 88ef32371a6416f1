import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The garbage collector as a function, in a process started without --expose-gc: the flag set
 * at run time applies to contexts made afterwards, whose `gc` collects the whole heap.
 */
export function forcedGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('the garbage collector could not be exposed');
  return () => {
    Reflect.apply(gc, undefined, []);
  };
}
