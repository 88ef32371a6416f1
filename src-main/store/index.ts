export {
  appendAudit,
  auditEntriesAfter,
  listAudit,
  verifyAuditChain,
  type AuditChainReport,
  type AuditEntry,
  type ChainedAuditEntry,
  type NewAuditEntry,
} from './audit';
export {
  allocateBasketCode,
  calendarDay,
  formatBasketCode,
  type BasketCodeScope,
} from './basket-codes';
export {
  findProduct,
  searchProducts,
  importCatalogue,
  listProducts,
  replaceCatalogue,
  type CatalogueImportReport,
  type ImportOptions,
} from './catalogue';
export type { CatalogueFileError } from './catalogue-file';
export {
  acknowledgeConflict,
  acknowledgeConflictsOfSale,
  conflictsAfter,
  countOpenConflicts,
  findConflict,
  listConflicts,
  recordConflict,
  REJECTED_BY_ENGINE,
  UNREADABLE_OUTBOX_ENTRY,
  type NewSyncConflict,
  type SyncConflict,
} from './conflicts';
export { lastFeedCheck, recordFeedCheck, type FeedCheck } from './feed-check';
export { gtinCheckDigit, gtinProblem } from './gtin';
export {
  applyHonourPage,
  findCachedHonour,
  honourCacheState,
  markHonourUsedLocally,
  type CachedHonourVoucher,
  type HonourPage,
} from './honour-cache';
export { forgetLocksToRelease, locksToRelease, rememberLocksToRelease } from './locks-to-release';
export { latestVersion, migrate, schemaVersion, type StoreVersionError } from './migrate';
export { DATABASE_FILE, databasePath, openStore } from './open-store';
export {
  claimInterruptedConfirm,
  claimUnfinishedConfirm,
  countOutbox,
  deferOutboxEntry,
  retryOldestOutboxEntryNow,
  dropUnfinishedConfirm,
  enqueueSale,
  handOverUnfinishedConfirm,
  oldestOutboxEntry,
  removeOutboxEntry,
  startConfirm,
  takeOverUnfinishedConfirms,
  unfinishedConfirm,
  type OutboxEntry,
  type OutboxState,
} from './outbox';
export type { Product } from './product';
export { quantityUnitOf } from './product';
export type {
  JournalCreatedVoucher,
  JournalLine,
  JournalVoucher,
  JournalWarning,
} from './sale-payload';
export {
  confirmSale,
  findSale,
  listSales,
  markSaleSynced,
  recentSales,
  recordOpenSale,
  returnedOnThisTill,
  searchSales,
  voidSale,
  type ConfirmedSale,
  type SaleSearch,
  type JournalSale,
  type PricedBy,
  type SaleState,
  type SaleTotals,
} from './sales';
export { listTenders, recordTenders, type JournalTender } from './tenders';
export {
  HONOUR_CURSOR_KEY,
  readSyncCursor,
  readSyncState,
  writeSyncState,
  type SyncStateEntry,
} from './sync-state';
