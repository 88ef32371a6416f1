import type { StatusView } from '../../src-shared/till';

/** The demo till's status as a stand-in reports it: online, terminal 01 of store S001, nothing waiting. */
export const DEMO_STATUS: StatusView = {
  online: true,
  engineUrl: 'http://127.0.0.1:8400',
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  salesWaiting: 0,
  honourCacheUpdatedAt: null,
  conflictsOpen: 0,
  language: 'en',
  locale: 'nl-NL',
  currency: 'EUR',
  trainingMode: false,
  tender: {
    hostTakesPayment: false,
    methods: [
      { id: 'cash', kind: 'cash', name: null },
      { id: 'card', kind: 'card', name: null },
    ],
    cashStep: null,
  },
  receiptPaper: '80mm',
};
