/** Calling an HTTPS function as the signed-in user: the ID token, the JSON body, and refusals in words. */
import { describe, expect, it, vi } from 'vitest';
import { callFunction, FunctionCallError } from '../../src/data/callFunction.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('callFunction', () => {
  it('posts the request with the user’s ID token and answers the body', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(json(200, { result: 'filed' })));
    await expect(callFunction('https://f/fileCaptureFailure', { taskSid: 'WT1' }, () => Promise.resolve('id-token'), { fetchImpl })).resolves.toEqual({ result: 'filed' });
    expect(fetchImpl).toHaveBeenCalledWith('https://f/fileCaptureFailure', expect.objectContaining({ method: 'POST', body: '{"taskSid":"WT1"}', headers: expect.objectContaining({ Authorization: 'Bearer id-token' }) as unknown }));
  });

  it('rejects with the function’s own words, or the status when it gave none', async () => {
    const refused = () => Promise.resolve(json(400, { error: { code: 'invalidPhone', message: 'Not a valid phone number.' } }));
    await expect(callFunction('https://f/x', {}, () => Promise.resolve('t'), { fetchImpl: refused })).rejects.toEqual(new FunctionCallError('Not a valid phone number.', 400));
    const bare = () => Promise.resolve(new Response('oops', { status: 502 }));
    await expect(callFunction('https://f/x', {}, () => Promise.resolve('t'), { fetchImpl: bare })).rejects.toMatchObject({ status: 502, message: 'x answered with HTTP status 502.' });
  });

  it('gives up after its timeout with words, not an AbortError', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await expect(callFunction('https://f/eraseCustomer', {}, () => Promise.resolve('t'), { fetchImpl: never, timeoutMs: 10 })).rejects.toEqual(
      new FunctionCallError('eraseCustomer did not answer in time.', 0),
    );
  });
});
