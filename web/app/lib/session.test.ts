import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAST_CALLER_HOURS, lastCaller } from './session';

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
