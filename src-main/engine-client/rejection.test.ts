import { describe, expect, it } from 'vitest';
import { rejectionReason } from './rejection';

describe('the reason of an engine refusal', () => {
  it.each([
    [400, 'invalid_parameters', 'refused'],
    [409, 'basket_conflict', 'refused'],
    [413, 'payload_too_large', 'refused'],
    [415, 'unsupported_media_type', 'refused'],
    [422, 'invalid_parameters', 'refused'],
    [404, 'not_found', 'not_found'],
    [401, 'permission_denied', 'forbidden'],
    [403, 'permission_denied_or_non_existent', 'forbidden'],
    [401, 'no_valid_session', 'session'],
    [429, 'too_many_requests', 'retryable'],
    [408, 'request_timeout', 'retryable'],
    [423, 'locked', 'retryable'],
  ])('HTTP %i %s is %s', (status, name, reason) => {
    expect(rejectionReason(status, name)).toBe(reason);
  });
});
