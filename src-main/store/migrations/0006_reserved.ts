import type { Migration } from './migration';

/**
 * Holds version 6's place on this branch only: version 6 belongs to other work, whose
 * migration replaces this one when the branches are merged.
 */
export const migration0006: Migration = {
  version: 6,
  name: '0006_reserved',
  up() {
    // nothing: see above
  },
};
