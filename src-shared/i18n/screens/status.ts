import type { CatalogueOf } from '../catalogue';

/** The status bar at the bottom of every screen: in the cashier's words, no engine jargon. */
export const statusEn = {
  region: 'Till status',
  online: 'Online',
  offline: 'Offline',
  tillNotAnswering: 'the till is not answering',
  offlineSelling: 'honour vouchers still work; sales are kept and sent later',
  offlineNoHonour: 'sales are kept and sent later; honour vouchers cannot be checked yet',
  store: 'Store {{store}}',
  terminal: 'Terminal {{terminal}}',
  salesWaiting: 'Sales waiting: {{waiting}}',
  conflicts: 'Sync conflicts: {{conflicts}}',
  unknown: '…',
} as const;

export const statusNl: CatalogueOf<typeof statusEn> = {
  region: 'Kassastatus',
  online: 'Online',
  offline: 'Offline',
  tillNotAnswering: 'de kassa antwoordt niet',
  offlineSelling: 'honour-vouchers werken nog; verkopen worden bewaard en later verstuurd',
  offlineNoHonour:
    'verkopen worden bewaard en later verstuurd; honour-vouchers kunnen nog niet worden gecontroleerd',
  store: 'Winkel {{store}}',
  terminal: 'Kassa {{terminal}}',
  salesWaiting: 'Wachtende verkopen: {{waiting}}',
  conflicts: 'Synchronisatieconflicten: {{conflicts}}',
  unknown: '…',
};
