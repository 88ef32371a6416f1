import type { CatalogueOf } from '../catalogue';

/** The status bar at the bottom of every screen. */
export const statusEn = {
  region: 'Till status',
} as const;

export const statusNl: CatalogueOf<typeof statusEn> = {
  region: 'Kassastatus',
};
