/**
 * What the till UI may load, the same in the Electron window and in browser mode: its own
 * origin and nothing else (inline styles only, for React's style attributes).
 */
export function contentSecurityPolicy(origin: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${origin}`,
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
