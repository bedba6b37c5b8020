// The offline desk's records and snapshot in IndexedDB: they outlive the tab and the browser.
import { prunable } from './queue';
import type { DeskRecord, Outcome, RecordStore } from './queue';
import type { Snapshot, SnapshotStore } from './snapshot';

const DATABASE = 'motsach-offline-desk';
const WAITING = 'waiting';
const OUTCOMES = 'outcomes';
const PATRONS = 'patrons';
const COPIES = 'copies';
const ABOUT = 'about';
/** Outcomes that applied are kept this many, the newest; refusals and exceptions until acknowledged. */
export const KEPT_OUTCOMES = 200;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** One database per school: a desk signed in to another school never uploads this one's records. */
export async function openDatabase(schoolId: string): Promise<IDBDatabase> {
  const open = indexedDB.open(`${DATABASE}:${schoolId}`, 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const [name, keyPath] of [[WAITING, 'key'], [OUTCOMES, 'key'], [PATRONS, 'patronId'], [COPIES, 'barcode']]) {
      if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath });
    }
    if (!db.objectStoreNames.contains(ABOUT)) db.createObjectStore(ABOUT);
  };
  return request(open);
}

export function recordStore(db: IDBDatabase): RecordStore {
  return {
    async add(record: DeskRecord) {
      const tx = db.transaction(WAITING, 'readwrite');
      tx.objectStore(WAITING).put(record);
      await done(tx);
    },
    async waiting() {
      return request(db.transaction(WAITING).objectStore(WAITING).getAll() as IDBRequest<DeskRecord[]>);
    },
    async settle(outcomes: Outcome[]) {
      // one transaction: a record leaves the waiting ones only together with its outcome
      const tx = db.transaction([WAITING, OUTCOMES], 'readwrite');
      const settledAt = Date.now();
      outcomes.forEach((outcome, index) => {
        tx.objectStore(WAITING).delete(outcome.key);
        tx.objectStore(OUTCOMES).put({ ...outcome, settledAt: settledAt + index / 1000 });
      });
      const all = tx.objectStore(OUTCOMES).getAll() as IDBRequest<(Outcome & { settledAt?: number })[]>;
      all.onsuccess = () => {
        prunable(all.result, KEPT_OUTCOMES).forEach((outcome) => tx.objectStore(OUTCOMES).delete(outcome.key));
      };
      await done(tx);
    },
    async outcomes() {
      const all = await request(db.transaction(OUTCOMES).objectStore(OUTCOMES).getAll() as IDBRequest<(Outcome & { settledAt?: number })[]>);
      return all.sort((a, b) => (a.settledAt ?? 0) - (b.settledAt ?? 0));
    },
    async acknowledge(key: string) {
      const tx = db.transaction(OUTCOMES, 'readwrite');
      tx.objectStore(OUTCOMES).delete(key);
      await done(tx);
    },
  };
}

export function snapshotStore(db: IDBDatabase): SnapshotStore {
  return {
    async replace(snapshot: Snapshot) {
      const tx = db.transaction([PATRONS, COPIES, ABOUT], 'readwrite');
      tx.objectStore(PATRONS).clear();
      tx.objectStore(COPIES).clear();
      snapshot.patrons.forEach((patron) => tx.objectStore(PATRONS).put(patron));
      snapshot.copies.forEach((copy) => tx.objectStore(COPIES).put(copy));
      tx.objectStore(ABOUT).put(snapshot.takenAt, 'takenAt');
      await done(tx);
    },
    async patron(patronId: string) {
      return (await request(db.transaction(PATRONS).objectStore(PATRONS).get(patronId))) ?? null;
    },
    async copy(barcode: string) {
      return (await request(db.transaction(COPIES).objectStore(COPIES).get(barcode))) ?? null;
    },
    async loansOf(patronId: string) {
      const copies = await request(db.transaction(COPIES).objectStore(COPIES).getAll());
      return copies.filter((copy) => copy.borrower === patronId);
    },
    async note(barcode: string, borrower: string | null, dueOn: string | null) {
      const tx = db.transaction(COPIES, 'readwrite');
      const known = tx.objectStore(COPIES).get(barcode);
      known.onsuccess = () => {
        if (known.result) tx.objectStore(COPIES).put({ ...known.result, borrower, dueOn });
      };
      await done(tx);
    },
    async takenAt() {
      return (await request(db.transaction(ABOUT).objectStore(ABOUT).get('takenAt'))) ?? null;
    },
  };
}

/** Clears the school's snapshot of readers and copies (on sign-out); the waiting records stay. */
export async function forgetSnapshot(schoolId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await openDatabase(schoolId);
  try {
    const tx = db.transaction([PATRONS, COPIES, ABOUT], 'readwrite');
    tx.objectStore(PATRONS).clear();
    tx.objectStore(COPIES).clear();
    tx.objectStore(ABOUT).clear();
    await done(tx);
  } finally {
    db.close();
  }
}
