/**
 * With no `engineUrl` the till starts the engine's demo (chain 1 "Demo Retail", store S001,
 * account till-s001-01). These values mirror that seed — src-main may not import src-engine —
 * so that `npm start` works with no config file at all. Values from the file or the
 * environment still win.
 */
export const DEMO_IDENTITY = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  terminalCredentials: { username: 'till-s001-01', password: 'demo-till' },
  currency: 'EUR',
  locale: 'nl-NL',
  timezone: 'Europe/Amsterdam',
  /**
   * DEMO ONLY: the public half of the demo chain's fixed honour-feed key, whose private half is
   * public in the engine's source (docs/security.md, "Signed honour-voucher feed").
   */
  honourFeedPublicKeys: ['ed25519:S+58wJXf6cRlMNlQsNWiaVnw4HPv0SRxBwjluYgUx4Y='],
} as const;

/** Where `npm run engine -- --demo` listens by default: the till's engine when none is configured. */
export const DEMO_ENGINE_URL = 'http://127.0.0.1:8400';
