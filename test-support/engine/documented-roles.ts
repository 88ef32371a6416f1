import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../src-engine/db/schema';

const ROLES: readonly Role[] = ['terminal', 'manager', 'admin'];
const isRole = (word: string): word is Role => ROLES.some((role) => role === word);

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());

/** `PUT` or `POST /unlock-voucher` → ['PUT /unlock-voucher', 'POST /unlock-voucher']. */
function callsOf(cell: string): string[] {
  const words = [...cell.matchAll(/`([^`]+)`/g)].flatMap((match) => (match[1] ?? '').split(/\s+/));
  const path = words.find((word) => word.startsWith('/'));
  if (path === undefined) return [];
  return words.filter((word) => /^[A-Z]+$/.test(word)).map((method) => `${method} ${path}`);
}

/**
 * The least role of each call, as the documentation's tables with a `call` and a `role` column
 * give it (`METHOD /path` → role): the one place the replay takes the roles from.
 */
export function documentedRoles(
  file = fileURLToPath(new URL('../../docs/spaaza-wire.md', import.meta.url)),
): ReadonlyMap<string, Role> {
  const roles = new Map<string, Role>();
  let columns: { call: number; role: number } | null = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim().startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = cellsOf(line);
    if (columns === null) {
      const call = cells.indexOf('call');
      const role = cells.indexOf('role');
      columns = call >= 0 && role >= 0 ? { call, role } : { call: -1, role: -1 };
      continue;
    }
    if (columns.call < 0) continue;
    const role = (cells[columns.role] ?? '').replace(/`/g, '');
    if (!isRole(role)) continue;
    for (const name of callsOf(cells[columns.call] ?? '')) {
      const earlier = roles.get(name);
      if (earlier !== undefined && earlier !== role)
        throw new Error(`${file} gives ${name} two roles: ${earlier} and ${role}`);
      roles.set(name, role);
    }
  }
  return roles;
}
