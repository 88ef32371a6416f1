import { describe, expect, it } from 'vitest';
import { octalMode, openToOthers } from './owner-only';

describe('what a file mode lets other accounts do', () => {
  it('is nothing for an owner-only file, whatever the owner may do', () => {
    expect(openToOthers(0o100600)).toBeNull();
    expect(openToOthers(0o700)).toBeNull();
    expect(openToOthers(0o400)).toBeNull();
  });

  it('names who may read and who may write', () => {
    expect(openToOthers(0o100644)).toBe('readable by group and others');
    expect(openToOthers(0o666)).toBe('readable and writable by group and others');
    expect(openToOthers(0o640)).toBe('readable by group');
    expect(openToOthers(0o602)).toBe('writable by others');
    expect(openToOthers(0o664)).toBe('readable and writable by group, readable by others');
  });

  it('writes a mode as chmod takes it', () => {
    expect(octalMode(0o100644)).toBe('644');
    expect(octalMode(0o600)).toBe('600');
    expect(octalMode(0o40)).toBe('040');
  });
});
