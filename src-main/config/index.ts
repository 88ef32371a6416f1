export { DEMO_ENGINE_URL, DEMO_IDENTITY } from './demo-identity';
export { ENV_OVERRIDES } from './env-overrides';
export {
  loadConfig,
  type ConfigError,
  type LoadConfigOptions,
  type LoadedConfig,
} from './load-config';
export { MASK, maskSecrets } from './mask-secrets';
export { defaultConfigPath, defaultDataDir, type PlatformContext } from './paths';
export {
  DEFAULT_HTTP_PORT,
  DEFAULT_SCAN_PATTERNS,
  tillConfigSchema,
  type TillConfig,
} from './schema';
export { tenderMethods, tenderView, type TenderSettings } from './tender';
