import { describe, expect, it } from 'vitest';
import { inOrder, MemoryStore, needsAttention, OfflineQueue, prunable } from './queue';
import type { DeskRecord, Exclusive, Outcome } from './queue';

function clock(...instants: string[]): () => Date {
  let next = 0;
  return () => new Date(instants[Math.min(next++, instants.length - 1)]);
}

function keys(): () => string {
  let next = 0;
  return () => `k${++next}`;
}

/** A server that applies each key once, as desk-sync does. */
function server(reachable: () => boolean = () => true) {
  const applied = new Set<string>();
  const batches: DeskRecord[][] = [];
  const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[] | null> => {
    if (!reachable()) return null;
    batches.push(records);
    return records.map((record) => {
      const status = applied.has(record.key) ? 'ALREADY_APPLIED' : 'APPLIED';
      applied.add(record.key);
      return { key: record.key, status };
    });
  };
  return { upload, batches, applied };
}

describe('the offline desk keeps its records until the server has them', () => {
  it('records each act with its key, the desk and the moment it happened', async () => {
    const queue = new OfflineQueue(new MemoryStore(), 'quay-1', server().upload, clock('2026-09-11T03:05:00Z'), keys());
    const record = await queue.record('CHECKOUT', 'TN-001', 'hs-an');
    expect(record).toEqual({ key: 'quay-1:k1', deskId: 'quay-1', kind: 'CHECKOUT', barcode: 'TN-001', patronId: 'hs-an',
      recordedAt: '2026-09-11T03:05:00.000Z' });
    expect(await queue.waitingCount()).toBe(1);
  });

  it('uploads in the order the acts happened, in batches, and keeps each outcome', async () => {
    const store = new MemoryStore();
    const api = server();
    const queue = new OfflineQueue(store, 'quay-1', api.upload,
      clock('2026-09-11T03:10:00Z', '2026-09-11T03:00:00Z', '2026-09-11T03:05:00Z'), keys());
    await queue.record('CHECKIN', 'TN-001');
    await queue.record('CHECKOUT', 'TN-001', 'hs-an');
    await queue.record('RENEWAL', 'TN-001');

    const outcomes = await queue.flush(2);

    expect(api.batches.map((batch) => batch.map((record) => record.kind))).toEqual([['CHECKOUT', 'RENEWAL'], ['CHECKIN']]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(await queue.waitingCount()).toBe(0);
    expect((await store.outcomes()).length).toBe(3);
  });

  it('keeps what the server did not answer for the next try, and applies every record once', async () => {
    let online = false;
    const store = new MemoryStore();
    const api = server(() => online);
    const queue = new OfflineQueue(store, 'quay-1', api.upload, clock('2026-09-11T03:00:00Z'), keys());
    await queue.record('CHECKOUT', 'TN-001', 'hs-an');

    expect(await queue.flush()).toEqual([]);
    expect(await queue.waitingCount()).toBe(1);

    online = true;
    // a second tab's queue over the same store uploads at the same moment
    const other = new OfflineQueue(store, 'quay-1', api.upload);
    await Promise.all([queue.flush(), queue.flush(), other.flush()]);
    expect(api.applied.size).toBe(1);
    expect(await queue.waitingCount()).toBe(0);
  });

  it('gives acts of the same millisecond moments in the order they were made', async () => {
    const queue = new OfflineQueue(new MemoryStore(), 'quay-1', server().upload, clock('2026-09-11T03:00:00Z'), keys());
    await queue.record('CHECKOUT', 'TN-001', 'hs-an');
    await queue.record('CHECKIN', 'TN-001');
    await queue.record('CHECKOUT', 'TN-001', 'hs-binh');
    expect((await queue.waiting()).map((record) => record.recordedAt)).toEqual(
      ['2026-09-11T03:00:00.000Z', '2026-09-11T03:00:00.001Z', '2026-09-11T03:00:00.002Z']);
  });

  it('orders records of the same moment as they were made', () => {
    const at = '2026-09-11T03:00:00Z';
    const records: DeskRecord[] = [
      { key: 'b', deskId: 'd', kind: 'CHECKOUT', barcode: 'X', recordedAt: '2026-09-11T10:00:00+07:00' },
      { key: 'a', deskId: 'd', kind: 'CHECKIN', barcode: 'X', recordedAt: at },
      { key: 'c', deskId: 'd', kind: 'CHECKOUT', barcode: 'Y', recordedAt: '2026-09-11T02:59:00Z' },
    ];
    expect(inOrder(records).map((record) => record.key)).toEqual(['c', 'b', 'a']);
  });

  it('sends 450 records as batches of 200, 200 and 50, and keeps the rest when a batch is not answered', async () => {
    const store = new MemoryStore();
    const sent: number[] = [];
    const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[] | null> => {
      sent.push(records.length);
      // the second batch is lost on the way: it and the batches after it wait
      if (sent.length === 2) return null;
      return records.map((record) => ({ key: record.key, status: 'APPLIED' }));
    };
    const start = Date.parse('2026-09-11T01:00:00Z');
    let second = 0;
    const queue = new OfflineQueue(store, 'quay-1', upload, () => new Date(start + 1000 * second++), keys());
    for (let i = 0; i < 450; i++) await queue.record('CHECKIN', `TN-${i}`);

    const first = await queue.flush();

    expect(sent).toEqual([200, 200]);
    expect(first.map((outcome) => outcome.record?.barcode)).toEqual(Array.from({ length: 200 }, (_, i) => `TN-${i}`));
    expect((await queue.waiting())[0].barcode).toBe('TN-200');
    await queue.flush();
    expect(sent).toEqual([200, 200, 200, 50]);
    expect(await queue.waitingCount()).toBe(0);
  });

  it('keeps each outcome with its record and code: an exception, a refusal', async () => {
    const store = new MemoryStore();
    const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[]> => [
      { key: records[0].key, status: 'EXCEPTION', code: 'LOAN_LIMIT_REACHED', loanId: 'l-1', dueOn: '2026-09-25', exceptionId: 'e-1' },
      { key: records[1].key, status: 'REFUSED', code: 'COPY_NOT_FOUND' },
    ];
    const queue = new OfflineQueue(store, 'quay-1', upload, clock('2026-09-11T03:00:00Z', '2026-09-11T03:01:00Z'), keys());
    await queue.record('CHECKOUT', 'TN-001', 'hs-an', 'Dế Mèn phiêu lưu ký');
    await queue.record('CHECKOUT', 'KHONG-CO', 'hs-an');

    await queue.flush();

    const kept = await store.outcomes();
    expect(kept.map((outcome) => [outcome.status, outcome.code, outcome.record?.barcode, outcome.record?.title])).toEqual([
      ['EXCEPTION', 'LOAN_LIMIT_REACHED', 'TN-001', 'Dế Mèn phiêu lưu ký'],
      ['REFUSED', 'COPY_NOT_FOUND', 'KHONG-CO', undefined],
    ]);
  });

  it('lets go of applied outcomes beyond the newest kept, never of a refusal or an exception, and the oldest first', () => {
    const outcomes = [
      { key: 'r-old', status: 'REFUSED' as const, code: 'BARCODE_AMBIGUOUS', settledAt: 1 },
      { key: 'e-old', status: 'EXCEPTION' as const, code: 'LOAN_LIMIT_REACHED', settledAt: 2 },
      { key: 'a-before-settledAt', status: 'APPLIED' as const },
      { key: 'a-3', status: 'APPLIED' as const, settledAt: 3 },
      { key: 'a-4', status: 'ALREADY_APPLIED' as const, settledAt: 4 },
      { key: 'a-5', status: 'APPLIED' as const, settledAt: 5 },
    ];
    expect(prunable(outcomes, 2).map((outcome) => outcome.key)).toEqual(['a-3', 'a-before-settledAt']);
    expect(prunable(outcomes, 0).map((outcome) => outcome.key)).not.toContain('r-old');
    expect(needsAttention(outcomes[0])).toBe(true);
    expect(needsAttention(outcomes[3])).toBe(false);
  });

  it('keeps a refusal until the librarian acknowledges it', async () => {
    const store = new MemoryStore();
    const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[]> =>
      records.map((record) => ({ key: record.key, status: 'REFUSED' as const, code: 'BARCODE_AMBIGUOUS' }));
    const queue = new OfflineQueue(store, 'quay-1', upload, clock('2026-09-11T03:00:00Z'), keys());
    const record = await queue.record('CHECKOUT', 'TS-001', 'hs-an');
    await queue.flush();
    expect((await store.outcomes()).map((outcome) => outcome.key)).toEqual([record.key]);
    await store.acknowledge(record.key);
    expect(await store.outcomes()).toEqual([]);
  });

  it('two tabs under one lock: the second sends nothing the first sent, and settles only what it sent', async () => {
    const store = new MemoryStore();
    const api = server();
    let held: Promise<unknown> = Promise.resolve();
    // a Web Lock as the browser gives it: one holder at a time, in the order asked
    const lock: Exclusive = <T,>(work: () => Promise<T>) => {
      const run = held.then(work);
      held = run.catch(() => undefined);
      return run;
    };
    const tab1 = new OfflineQueue(store, 'quay-1', api.upload, clock('2026-09-11T03:00:00Z'), keys(), lock);
    const tab2 = new OfflineQueue(store, 'quay-1', api.upload, clock('2026-09-11T03:00:00Z'), () => 'tab2', lock);
    await tab1.record('CHECKOUT', 'TN-001', 'hs-an');
    await tab1.record('CHECKIN', 'TN-002');

    const [first, second] = await Promise.all([tab1.flush(), tab2.flush()]);

    expect(api.batches.flat().map((record) => record.key)).toEqual(['quay-1:k1', 'quay-1:k2']);
    expect(first.map((outcome) => outcome.status)).toEqual(['APPLIED', 'APPLIED']);
    expect(second).toEqual([]);
  });
});
