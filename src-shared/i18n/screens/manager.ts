import type { CatalogueOf } from '../catalogue';

/** The manager's screen: sign-in, locked vouchers, conflicts, audit log, reward pools. */
export const managerEn = {
  heading: 'Manager',
} as const;

export const managerNl: CatalogueOf<typeof managerEn> = {
  heading: 'Manager',
};
