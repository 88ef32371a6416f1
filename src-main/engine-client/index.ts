export type { EngineCalls, VoucherList, VoucherListQuery } from './calls';
export {
  createEngineClient,
  type EngineClient,
  type EngineClientLog,
  type EngineClientOptions,
  type ManagerClient,
} from './engine-client';
export type { EngineHealth } from './health';
export type { EngineSession } from './http-transport';
export type {
  EngineFailure,
  EngineFailureKind,
  EngineOutcome,
  EngineSuccess,
  EngineWarning,
  KnownWarningCode,
} from './outcome';
export type { Credentials, SignedInSession } from './session';
