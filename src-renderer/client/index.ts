export { createTillClient } from './till-client';
export { takeLaunchToken } from './launch-token';
export { httpCall, preloadCall, type PreloadTill, type RawCall } from './transports';
export { TillClientProvider, useTillClient } from './TillClientProvider';
export { TILL_NOT_ANSWERING, TillFailure, failureCode, valueOf } from './till-failure';
export {
  checkedEvent,
  httpEvents,
  preloadEvents,
  splitEvents,
  RECONNECT_MS,
  type PreloadTillEvents,
  type TillEventListener,
  type TillEvents,
} from './event-transports';
