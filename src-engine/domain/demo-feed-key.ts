/**
 * DEMO ONLY: the fixed key pair that signs the demo chain's honour-voucher feed, so that the
 * demo till (`npm start`) trusts the demo engine with no step in between. Its private key is
 * public, here: anyone can sign pages with it. A real chain's key is made by the engine
 * (`create-feed-key`, or on the first feed request) and never written down; a chain seeded with
 * the demo must run `rotate-feed-key` before real use (docs/security.md, "Signed honour-voucher feed").
 * The till's demo identity (src-main/config/demo-identity.ts) holds the public half.
 */
export const DEMO_FEED_KEY = {
  keyId: '92685493b51db819',
  publicKey: 'ed25519:S+58wJXf6cRlMNlQsNWiaVnw4HPv0SRxBwjluYgUx4Y=',
  privateKeyPem:
    '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJmks+2xng4GxgKshRukbQEG5skSlThil2nRJm0znf0H\n-----END PRIVATE KEY-----\n',
} as const;
