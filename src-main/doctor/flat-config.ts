import type { TillConfig } from '../config';

export type FlatValue = string | number | boolean | null;

/** `{ offline: { timeoutMs: 2000 } }` → `{ 'offline.timeoutMs': 2000 }`; mask the secrets first. */
export function flattenConfig(config: TillConfig): Record<string, FlatValue> {
  const into: Record<string, FlatValue> = {};
  const visit = (prefix: string, value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value))
        visit(prefix === '' ? key : `${prefix}.${key}`, inner);
    } else if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      into[prefix] = value;
    } else if (value !== undefined) {
      into[prefix] = JSON.stringify(value);
    }
  };
  visit('', config);
  return into;
}
