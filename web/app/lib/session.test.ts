import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_RETRIES, LAST_CALLER_HOURS, api, lastCaller } from './session';

function storage(entries: Record<string, string>): Storage {
  const kept = new Map(Object.entries(entries));
  return {
    getItem: (key: string) => kept.get(key) ?? null,
    setItem: (key: string, value: string) => void kept.set(key, value),
    removeItem: (key: string) => void kept.delete(key),
    clear: () => kept.clear(),
    key: (index: number) => [...kept.keys()][index] ?? null,
    get length() {
      return kept.size;
    },
  };
}

const librarian = { username: 'thu-thu', roles: ['LIBRARIAN'], schoolId: 'thcs-an-vinh', authorityId: null, classIds: [] };

describe('the last one signed in, who opens the offline desk', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered while their sign-in would hold, and forgotten after', () => {
    const signedInAt = Date.parse('2026-09-11T01:00:00Z');
    const until = signedInAt + LAST_CALLER_HOURS * 3_600_000;
    vi.stubGlobal('localStorage', storage({ 'motsach.lastCaller': JSON.stringify({ caller: librarian, until }) }));
    expect(lastCaller(signedInAt + 3_600_000)?.username).toBe('thu-thu');
    expect(lastCaller(until + 1)).toBeNull();
  });

  it('is not taken from an entry without its end (kept before ends were kept)', () => {
    vi.stubGlobal('localStorage', storage({ 'motsach.lastCaller': JSON.stringify(librarian) }));
    expect(lastCaller(Date.parse('2026-09-11T01:00:00Z'))).toBeNull();
  });
});

function answer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : '{}', { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('a call the server is too busy to answer this moment', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is sent again after the wait it asked for, under the same idempotency key, and the answer is the next one', async () => {
    const sent: Request[] = [];
    const answers = [answer(503, { 'Retry-After': '0' }), answer(201)];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
      sent.push(new Request('http://desk' + path, init));
      return answers.shift()!;
    }));
    const response = await api('/api/v1/schools/thcs-an-vinh/checkouts', { method: 'POST', body: '{"barcode":"B1"}',
      headers: { 'Idempotency-Key': 'k-1' }, language: 'vi', anonymous: true });
    expect(response.status).toBe(201);
    expect(sent.map((request) => request.headers.get('Idempotency-Key'))).toEqual(['k-1', 'k-1']);
    expect(await sent[1].text()).toBe('{"barcode":"B1"}');
  });

  it('is sent again without a key when the server says it was not run', async () => {
    const answers = [new Response('{"code":"COMMANDS_BUSY"}', { status: 503, headers: { 'Retry-After': '0' } }), answer(204)];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const response = await api('/api/v1/schools/thcs-an-vinh/holds/h-1', { method: 'DELETE', language: 'vi', anonymous: true });
    expect(response.status).toBe(204);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is shown as the problem it is after a few tries', async () => {
    const fetch = vi.fn(async () => answer(503, { 'Retry-After': '0' }));
    vi.stubGlobal('fetch', fetch);
    const response = await api('/api/v1/schools/thcs-an-vinh/loans', { language: 'vi', anonymous: true });
    expect(response.status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1 + BUSY_RETRIES);
  });

  it('is not sent twice when a second sending could do it twice, or when the wait asked for is long', async () => {
    const fetch = vi.fn(async () => answer(503, { 'Retry-After': '0' }));
    vi.stubGlobal('fetch', fetch);
    await api('/api/v1/schools/thcs-an-vinh/checkouts', { method: 'POST', body: '{}', language: 'vi', anonymous: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    // a failure of the moment may follow a commit: a DELETE without a key is not sent again
    fetch.mockImplementation(async () => new Response('{"code":"SERVICE_BUSY"}', { status: 503, headers: { 'Retry-After': '0' } }));
    await api('/api/v1/schools/thcs-an-vinh/holds/h-1', { method: 'DELETE', language: 'vi', anonymous: true });
    expect(fetch).toHaveBeenCalledTimes(2);
    // an upload is not sent again, key or not
    await api('/api/v1/schools/thcs-an-vinh/imports', { method: 'POST', body: new FormData(), headers: { 'Idempotency-Key': 'k-2' },
      language: 'vi', anonymous: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    fetch.mockReset();
    fetch.mockImplementation(async () => answer(503, { 'Retry-After': '0' }));
    fetch.mockImplementation(async () => answer(503, { 'Retry-After': '120' }));
    await api('/api/v1/schools/thcs-an-vinh/loans', { language: 'vi', anonymous: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    fetch.mockImplementation(async () => answer(503));
    await api('/api/v1/schools/thcs-an-vinh/loans', { language: 'vi', anonymous: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
