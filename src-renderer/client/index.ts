export { createTillClient } from './till-client';
export { takeLaunchToken } from './launch-token';
export { httpCall, preloadCall, type PreloadTill, type RawCall } from './transports';
export { TillClientProvider, useTillClient } from './TillClientProvider';
export {
  TILL_NOT_ANSWERING,
  TillFailure,
  failureCode,
  failureMessage,
  valueOf,
} from './till-failure';
