import type { CatalogueOf } from '../catalogue';

/** The diagnostics screen (F3) for IT staff. */
export const diagnosticsEn = {
  heading: 'Diagnostics',
} as const;

export const diagnosticsNl: CatalogueOf<typeof diagnosticsEn> = {
  heading: 'Diagnose',
};
