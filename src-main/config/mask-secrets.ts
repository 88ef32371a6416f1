import type { TillConfig } from './schema';

export const MASK = '***';

/** The configuration as it may appear in logs, diagnostics and responses: no password, token or URL credentials. */
export function maskSecrets(config: TillConfig): TillConfig {
  return {
    ...config,
    ...(config.engineUrl === undefined ? {} : { engineUrl: maskUrlCredentials(config.engineUrl) }),
    terminalCredentials: { ...config.terminalCredentials, password: MASK },
    ...(config.hostPosToken === undefined ? {} : { hostPosToken: MASK }),
  };
}

function maskUrlCredentials(text: string): string {
  const url = new URL(text);
  if (url.username === '' && url.password === '') return text;
  url.username = MASK;
  url.password = '';
  return url.toString();
}
