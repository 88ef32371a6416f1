export { appendAudit, listAudit, type AuditEntry, type NewAuditEntry } from './audit';
export {
  allocateBasketCode,
  calendarDay,
  formatBasketCode,
  type BasketCodeScope,
} from './basket-codes';
export {
  findProduct,
  importCatalogue,
  listProducts,
  replaceCatalogue,
  type CatalogueImportReport,
  type ImportOptions,
} from './catalogue';
export type { CatalogueFileError } from './catalogue-file';
export { gtinCheckDigit, gtinProblem } from './gtin';
export { latestVersion, migrate, schemaVersion, type StoreVersionError } from './migrate';
export { DATABASE_FILE, databasePath, openStore } from './open-store';
export type { Product } from './product';
export type { JournalLine, JournalVoucher, JournalWarning } from './sale-payload';
export {
  confirmSale,
  findSale,
  listSales,
  recordOpenSale,
  voidSale,
  type ConfirmedSale,
  type JournalSale,
  type PricedBy,
  type SaleState,
  type SaleTotals,
} from './sales';
