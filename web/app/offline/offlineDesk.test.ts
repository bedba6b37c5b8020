import { describe, expect, it } from 'vitest';
import { borrowersAfter, deskId, OfflineDesk, unreachable } from './offlineDesk';
import { MemoryStore, OfflineQueue } from './queue';
import type { DeskRecord, Outcome } from './queue';
import { PAGE_SIZE, takeSnapshot } from './snapshot';
import type { ReadPage, SnapshotCopy, SnapshotStore } from './snapshot';

function record(key: string, kind: DeskRecord['kind'], barcode: string, patronId?: string): DeskRecord {
  return { key, deskId: 'quay-1', kind, barcode, patronId, recordedAt: '2026-09-11T03:00:00Z' };
}

describe('the offline desk', () => {
  it('keeps one desk id per browser, a local id', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (name: string) => kept.get(name) ?? null, setItem: (name: string, value: string) => void kept.set(name, value) };
    const first = deskId(storage, () => '3f2a9c1e-0b4d-4e8f-9a61-7c5d2e8b1f00');
    expect(first).toBe('quay-3f2a9c1e');
    expect(first).toMatch(/^[A-Za-z0-9._/-]{1,32}$/);
    expect(deskId(storage, () => 'another-one')).toBe(first);
  });

  it('knows whom each copy is lent to after the records that wait, the latest one deciding', () => {
    const after = borrowersAfter([
      record('a', 'CHECKOUT', 'TN-001', 'hs-an'),
      record('b', 'CHECKIN', 'TN-001'),
      record('c', 'CHECKIN', 'TN-002'),
      record('d', 'CHECKOUT', 'TN-002', 'hs-binh'),
      record('e', 'RENEWAL', 'TN-003'),
    ]);
    expect([...after]).toEqual([['TN-001', null], ['TN-002', 'hs-binh']]);
  });

  it('tells a server that cannot be reached from a refusal', () => {
    expect([0, 502, 503, 504].every((status) => unreachable(status))).toBe(true);
    expect(unreachable(503, 'HTTP_503')).toBe(true);
    // the server's own 503s: it is there, busy or catching up
    expect(unreachable(503, 'PROJECTION_BEHIND')).toBe(false);
    expect(unreachable(503, 'COMMANDS_BUSY')).toBe(false);
    expect([400, 401, 403, 404, 409, 422, 500].some((status) => unreachable(status))).toBe(false);
  });
});

describe('the snapshot the desk reads offline', () => {
  /** A list of n items served in pages of at most 200, as the API does. */
  function list(n: number, item: (i: number) => unknown) {
    const asked: string[] = [];
    const read: ReadPage = async <T,>(path: string) => {
      asked.push(path);
      const query = new URLSearchParams(path.split('?')[1]);
      const page = Number(query.get('page'));
      const size = Math.min(Number(query.get('size')), 200);
      const items = Array.from({ length: Math.max(0, Math.min(size, n - page * size)) }, (_, i) => item(page * size + i)) as T[];
      return { items, page, size, totalItems: n };
    };
    return { read, asked };
  }

  it('reads every page of patrons and copies, 200 at a time, keeping a copy’s borrower', async () => {
    const patrons = list(450, (i) => ({ patronId: `hs-${i}`, fullName: `Học sinh ${i}`, category: 'STUDENT', classId: '5a4', active: true, registeredOn: '2026-09-01' }));
    const copies = list(3, (i) => ({ barcode: `TN-${i}`, titleId: 't', title: 'Kính vạn hoa', status: 'ON_LOAN',
      loan: i === 0 ? { loanId: 'l', patronId: 'hs-1', dueOn: '2026-09-25' } : null }));
    const read: ReadPage = (path) => (path.startsWith('/patrons') ? patrons.read(path) : copies.read(path));

    const snapshot = await takeSnapshot(read, () => new Date('2026-09-11T03:00:00Z'));

    expect(patrons.asked).toEqual([0, 1, 2].map((page) => `/patrons?page=${page}&size=${PAGE_SIZE}`));
    expect(snapshot?.patrons).toHaveLength(450);
    expect(snapshot?.patrons[449]).toEqual({ patronId: 'hs-449', fullName: 'Học sinh 449', category: 'STUDENT', classId: '5a4', active: true });
    expect(snapshot?.copies[0]).toEqual({ barcode: 'TN-0', titleId: 't', title: 'Kính vạn hoa', borrower: 'hs-1', dueOn: '2026-09-25' });
    expect(snapshot?.copies[1].borrower).toBeNull();
    expect(snapshot?.takenAt).toBe('2026-09-11T03:00:00.000Z');
  });

  it('stops at its bound, and is not taken when a page cannot be read', async () => {
    const many = list(5000, (i) => ({ barcode: `TN-${i}`, titleId: 't', title: 'x', loan: null }));
    const bounded = await takeSnapshot(many.read, undefined, 400);
    expect(bounded?.copies).toHaveLength(400);
    expect(many.asked.filter((path) => path.startsWith('/copies'))).toHaveLength(2);

    const failing: ReadPage = async (path) => (path.startsWith('/copies') ? null : many.read(path));
    expect(await takeSnapshot(failing)).toBeNull();
  });
});

describe('the offline desk between offline and online', () => {
  const copies: SnapshotCopy[] = [
    { barcode: 'TN-001', titleId: 't', title: 'Dế Mèn phiêu lưu ký', borrower: 'hs-an', dueOn: '2026-09-25' },
    { barcode: 'TN-002', titleId: 't', title: 'Kính vạn hoa', borrower: 'hs-an', dueOn: '2026-09-26' },
  ];
  const snapshot: SnapshotStore = {
    replace: async () => undefined,
    patron: async () => null,
    copy: async (barcode) => copies.find((copy) => copy.barcode === barcode) ?? null,
    loansOf: async (patronId) => copies.filter((copy) => copy.borrower === patronId),
    note: async () => undefined,
    takenAt: async () => new Date().toISOString(),
  };

  function desk(reachable: () => boolean) {
    const store = new MemoryStore();
    const sent: DeskRecord[][] = [];
    const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[] | null> => {
      sent.push(records);
      return records.map((record) => ({ key: record.key, status: 'APPLIED' }));
    };
    let key = 0;
    const queue = new OfflineQueue(store, 'quay-1', upload, () => new Date('2026-09-11T03:00:00Z'), () => `k${++key}`);
    const read: ReadPage = async () => null;
    return { offlineDesk: new OfflineDesk(queue, store, snapshot, read, async () => reachable()), sent };
  }

  it('shows a patron’s loans from the snapshot with the records that wait', async () => {
    const { offlineDesk } = desk(() => false);
    await offlineDesk.record('CHECKIN', 'TN-002', undefined, 'Kính vạn hoa');
    await offlineDesk.record('CHECKOUT', 'TN-003', 'hs-an', 'Totto-chan');
    const an = await offlineDesk.patron({ patronId: 'hs-an', fullName: 'Nguyễn Văn An', category: 'STUDENT', classId: '5a4', active: true });
    expect(an.openLoans.map((loan) => [loan.barcode, loan.title, loan.dueOn, !!loan.waiting])).toEqual([
      ['TN-003', 'Totto-chan', '', true],
      ['TN-001', 'Dế Mèn phiêu lưu ký', '2026-09-25', false],
    ]);
  });

  it('keeps the records while the server does not answer, and uploads them once it does', async () => {
    let online = false;
    const { offlineDesk, sent } = desk(() => online);
    await offlineDesk.record('CHECKOUT', 'TN-009', 'hs-an');

    expect(await offlineDesk.sync()).toEqual([]);
    expect(offlineDesk.offline.get()).toBe(true);
    expect(offlineDesk.waiting.get()).toHaveLength(1);
    expect(sent).toEqual([]);

    online = true;
    const outcomes = await offlineDesk.sync();
    expect(offlineDesk.offline.get()).toBe(false);
    expect(outcomes.map((outcome) => [outcome.status, outcome.record?.barcode])).toEqual([['APPLIED', 'TN-009']]);
    expect(offlineDesk.waiting.get()).toEqual([]);
    expect(offlineDesk.outcomes.get()).toHaveLength(1);
  });

  it('keeps the records and says so when the session is over, and sends them once signed in again', async () => {
    const store = new MemoryStore();
    let signedIn = false;
    const upload = async (_desk: string, records: DeskRecord[]) =>
      signedIn ? records.map((record): Outcome => ({ key: record.key, status: 'APPLIED' })) : { status: 401, code: 'UNAUTHENTICATED' };
    const queue = new OfflineQueue(store, 'quay-1', upload, () => new Date('2026-09-11T03:00:00Z'), () => 'k1');
    const offlineDesk = new OfflineDesk(queue, store, null, async () => null, async () => true);
    await offlineDesk.record('CHECKOUT', 'TN-009', 'hs-an');

    expect(await offlineDesk.sync()).toEqual([]);
    expect(offlineDesk.refusal.get()).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(offlineDesk.waiting.get()).toHaveLength(1);

    signedIn = true;
    expect((await offlineDesk.sync()).map((outcome) => outcome.status)).toEqual(['APPLIED']);
    expect(offlineDesk.refusal.get()).toBeNull();
    expect(offlineDesk.waiting.get()).toEqual([]);
  });
});
