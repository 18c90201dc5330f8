/** Calling an HTTPS function as the signed-in user: the ID token, the JSON body, and refusals in words. */
import { describe, expect, it, vi } from 'vitest';
import { callFunction, FunctionCallError, functionsBaseUrl } from '../../src/features/staff-views/callFunction.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('callFunction', () => {
  it('finds the functions beside the mint function unless told otherwise', () => {
    expect(functionsBaseUrl('https://us-central1-acme.cloudfunctions.net/mintFirebaseToken')).toBe('https://us-central1-acme.cloudfunctions.net');
    expect(functionsBaseUrl('https://x/mint', 'https://functions.example.com/')).toBe('https://functions.example.com');
  });

  it('posts the request with the user’s ID token and answers the body', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(json(200, { result: 'filed' })));
    await expect(callFunction('https://f', 'fileCaptureFailure', { taskSid: 'WT1' }, () => Promise.resolve('id-token'), fetchImpl)).resolves.toEqual({ result: 'filed' });
    expect(fetchImpl).toHaveBeenCalledWith('https://f/fileCaptureFailure', expect.objectContaining({ method: 'POST', body: '{"taskSid":"WT1"}', headers: expect.objectContaining({ Authorization: 'Bearer id-token' }) as unknown }));
  });

  it('rejects with the function’s own words, or the status when it gave none', async () => {
    const refused = () => Promise.resolve(json(400, { error: { code: 'invalidPhone', message: 'Not a valid phone number.' } }));
    await expect(callFunction('https://f', 'x', {}, () => Promise.resolve('t'), refused)).rejects.toEqual(new FunctionCallError('Not a valid phone number.', 400));
    const bare = () => Promise.resolve(new Response('oops', { status: 502 }));
    await expect(callFunction('https://f', 'x', {}, () => Promise.resolve('t'), bare)).rejects.toMatchObject({ status: 502, message: 'x answered with HTTP status 502.' });
  });
});
