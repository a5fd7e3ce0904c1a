import { describe, expect, it } from 'vitest';
import { asTransient, withTransientErrors } from '../../../src/adapters/store/firestore/transient-errors.js';
import { TransientError } from '../../../src/domain/errors.js';

const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('Firestore failures a job should retry', () => {
  it('turns contention, timeouts and an unavailable server into TransientError, and nothing else', () => {
    const aborted = asTransient(grpcError(10, '10 ABORTED: Transaction lock timeout.'));
    expect(aborted).toBeInstanceOf(TransientError);
    expect(aborted).toMatchObject({ code: 'store_contention' });
    expect(asTransient(grpcError(14, 'UNAVAILABLE'))).toMatchObject({ code: 'store_unavailable' });
    expect(asTransient(grpcError(4, 'DEADLINE_EXCEEDED'))).toMatchObject({ code: 'store_timeout' });
    const invalid = grpcError(3, 'INVALID_ARGUMENT');
    expect(asTransient(invalid)).toBe(invalid);
    const conflict = Object.assign(new Error('taken'), { code: 'email_taken' });
    expect(asTransient(conflict)).toBe(conflict);
  });

  it('wraps every method of every repository, keeping what succeeds', async () => {
    const repos = withTransientErrors({
      jobs: {
        find: async (id: string) => `job ${id}`,
        claimNext: async () => Promise.reject(grpcError(10, 'ABORTED')),
      },
    });
    expect(await repos.jobs.find('j1')).toBe('job j1');
    await expect(repos.jobs.claimNext()).rejects.toBeInstanceOf(TransientError);
  });
});
