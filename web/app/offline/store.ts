// The offline desk's records in IndexedDB: they outlive the tab and the browser.
import type { DeskRecord, Outcome, RecordStore } from './queue';

const DATABASE = 'motsach-offline-desk';
const WAITING = 'waiting';
const OUTCOMES = 'outcomes';

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
export async function openStore(schoolId: string): Promise<RecordStore> {
  const open = indexedDB.open(`${DATABASE}:${schoolId}`, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(WAITING, { keyPath: 'key' });
    open.result.createObjectStore(OUTCOMES, { keyPath: 'key' });
  };
  const db = await request(open);
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
      const tx = db.transaction([WAITING, OUTCOMES], 'readwrite');
      for (const outcome of outcomes) {
        tx.objectStore(WAITING).delete(outcome.key);
        tx.objectStore(OUTCOMES).put(outcome);
      }
      await done(tx);
    },
    async outcomes() {
      return request(db.transaction(OUTCOMES).objectStore(OUTCOMES).getAll() as IDBRequest<Outcome[]>);
    },
  };
}
