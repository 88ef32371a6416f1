/**
 * The shape every language's catalogue has: the English one's keys, with any words. A
 * translation that misses a key, or has one English lacks, does not typecheck.
 */
export type CatalogueOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogueOf<T[K]>;
};
