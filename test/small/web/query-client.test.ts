import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/web/api/apiError.js';
import { createQueryClient, isTransient, shouldRetry } from '../../../src/web/api/queryClient.js';

const failure = (status: number, code: string) => new ApiError(status, code, 'failed');

describe('which failed reads are asked again', () => {
  it.each([
    ['the network failed', failure(0, 'network_error')],
    ['the server timed out', failure(408, 'http_408')],
    ['the server is busy', failure(429, 'rate_limited')],
    ['the server broke', failure(500, 'internal_error')],
    ['the gateway failed', failure(503, 'http_503')],
  ])('retries when %s', (_why, error) => {
    expect(isTransient(error)).toBe(true);
    expect(shouldRetry(0, error)).toBe(true);
    expect(shouldRetry(1, error)).toBe(true);
    expect(shouldRetry(2, error)).toBe(false);
  });

  it.each([
    ['a refusal', failure(400, 'validation_failed')],
    ['a lost session', failure(401, 'unauthenticated')],
    ['a missing role', failure(403, 'forbidden')],
    ['a missing item', failure(404, 'not_found')],
    ['a conflict', failure(409, 'generation_running')],
    ['an answer the page cannot read', failure(0, 'unexpected_response')],
    ['an error that is not the API’s', new Error('boom')],
  ])('does not retry %s', (_why, error) => {
    expect(shouldRetry(0, error)).toBe(false);
  });
});

describe('the app’s query client', () => {
  it('retries only transient reads, never a change, and does not refetch on window focus', () => {
    const { queries, mutations } = createQueryClient().getDefaultOptions();
    expect(queries?.retry).toBe(shouldRetry);
    expect(queries?.refetchOnWindowFocus).toBe(false);
    expect(queries?.staleTime).toBeGreaterThan(0);
    expect(mutations?.retry).toBe(false);
  });
});
