import { appEn, appNl } from './app';
import type { CatalogueOf } from '../catalogue';
import { commonEn, commonNl } from './common';
import { diagnosticsEn, diagnosticsNl } from './diagnostics';
import { managerEn, managerNl } from './manager';
import { pastSalesEn, pastSalesNl } from './past-sales';
import { receiptEn, receiptNl } from './receipt';
import { returnEn, returnNl } from './return';
import { saleEn, saleNl } from './sale';
import { statusEn, statusNl } from './status';
import { tenderEn, tenderNl } from './tender';

/** What the till's windows say, one file per screen, so that each screen's words stay together. */
export const screensEn = {
  app: appEn,
  common: commonEn,
  sale: saleEn,
  receipt: receiptEn,
  return: returnEn,
  pastSales: pastSalesEn,
  manager: managerEn,
  diagnostics: diagnosticsEn,
  status: statusEn,
  tender: tenderEn,
} as const;

export const screensNl: CatalogueOf<typeof screensEn> = {
  app: appNl,
  common: commonNl,
  sale: saleNl,
  receipt: receiptNl,
  return: returnNl,
  pastSales: pastSalesNl,
  manager: managerNl,
  diagnostics: diagnosticsNl,
  status: statusNl,
  tender: tenderNl,
};
