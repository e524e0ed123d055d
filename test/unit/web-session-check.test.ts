// What the web app does when its first /api/me fails: a lost network or a restarting server must not sign out.
import { describe, expect, it } from 'vitest';
import { afterFailedSessionCheck } from '../../src/web/app/auth.tsx';
import { ApiError } from '../../src/web/lib/api.ts';

const err = (status: number, code: string) => new ApiError(status, code, code);

describe('after a failed session check', () => {
  it.each([
    ['401: already signed out by the client', err(401, 'UNAUTHENTICATED'), 0, 'signedOut'],
    ['no network (or the page left mid-request)', err(0, 'NETWORK'), 0, { retryInMs: 1000 }],
    ['no network, third try', err(0, 'NETWORK'), 2, { retryInMs: 4000 }],
    ['server restarting', err(503, 'HTTP_503'), 1, { retryInMs: 2000 }],
    ['retries at most every 15 s', err(502, 'HTTP_502'), 10, { retryInMs: 15_000 }],
    ['the page left mid-request (the browser aborts it)', new DOMException('The user aborted a request.', 'AbortError'), 0, { retryInMs: 1000 }],
    ['a refusal signs out', err(403, 'FORBIDDEN'), 0, 'signOut'],
    ['an unexpected error signs out', new Error('boom'), 0, 'signOut'],
  ])('%s', (_what, e, attempt, expected) => {
    expect(afterFailedSessionCheck(e, attempt)).toEqual(expected);
  });
});
