import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small filesystem of its own that a test can fill up. */
export interface Tmpfs {
  readonly dir: string;
  /** Writes a filler file until the filesystem has no space left; returns its path. */
  fill(): string;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeBytes` on a fresh folder (root only). */
export function mountTmpfs(sizeBytes: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'voucher-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    fill: () => fillUp(join(dir, 'filler')),
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A read-only view of a folder: what a disk remounted read-only, or a read-only volume, looks like. */
export interface ReadOnlyView {
  readonly dir: string;
  unmount(): void;
}

/**
 * Bind-mounts `source` read-only on a fresh folder (root only; `source` should be a mount of the
 * test's own, such as a tmpfs). Writes through the view fail with EROFS; `source` stays writable.
 */
export function mountReadOnlyView(source: string): ReadOnlyView {
  const dir = mkdtempSync(join(tmpdir(), 'voucher-readonly-'));
  try {
    execFileSync('mount', ['--bind', source, dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const unmount = () => {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // a bind mount takes the read-only flag only on a remount of its own
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
  } catch (error) {
    unmount();
    throw error;
  }
  return { dir, unmount };
}

/**
 * Why this process cannot mount a tmpfs (not root, or no permission in this container), or
 * undefined when it can: found by mounting and unmounting a tiny one.
 */
export function whyTmpfsCannotMount(): string | undefined {
  if (process.getuid?.() !== 0)
    return 'mounting a tmpfs needs root, and the tests do not run as root';
  try {
    mountTmpfs(64 * 1024).unmount();
    return undefined;
  } catch (error) {
    return `mount -t tmpfs is not permitted here: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function fillUp(path: string): string {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if (error instanceof Error && 'code' in error && error.code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}
