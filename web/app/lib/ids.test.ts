import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId, uuidFromRandomValues } from './ids';

describe('random ids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are version 4 UUIDs, all different, where the browser has no crypto.randomUUID (plain HTTP on a LAN)', () => {
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    vi.stubGlobal('crypto', insecure);
    const ids = Array.from({ length: 1000 }, () => randomId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
  });

  it('come from crypto.randomUUID where there is one', () => {
    expect(randomId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(uuidFromRandomValues()).not.toBe(uuidFromRandomValues());
  });
});
