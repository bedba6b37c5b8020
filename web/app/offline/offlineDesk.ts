// The desk's offline side: whether the server can be reached, the records waiting for it, their
// outcomes once uploaded, and the snapshot the desk reads while offline. The desk page asks it
// to record an act when a call failed for lack of network; it uploads what waits when the
// browser says it is online again and, while anything waits or the desk is offline, on a probe.
import type { Loan, Patron } from '../lib/desk';
import { signal } from '../lib/signal';
import { MemoryStore, OfflineQueue } from './queue';
import type { BatchRefusal, DeskRecord, Exclusive, Outcome, RecordKind, RecordStore, Upload } from './queue';
import { REFRESH_EVERY_MS, takeSnapshot } from './snapshot';
import type { ReadPage, SnapshotPatron, SnapshotStore } from './snapshot';
import { openDatabase, recordStore, snapshotStore } from './store';
import { randomId } from '../lib/ids';

const DESK_ID = 'motsach.deskId';
/** How often the desk asks whether the server is back while it is offline or records wait. */
export const PROBE_EVERY_MS = 10_000;

/**
 * This browser's desk id, kept across tabs and restarts (the server's keys and the exceptions
 * name it): "quay-" and 8 letters or digits, a local id (at most 32 characters).
 */
export function deskId(storage: Pick<Storage, 'getItem' | 'setItem'> | null, random: () => string = () => randomId()): string {
  const kept = storage?.getItem(DESK_ID);
  if (kept) return kept;
  const made = 'quay-' + random().replace(/-/g, '').slice(0, 8);
  storage?.setItem(DESK_ID, made);
  return made;
}

/**
 * Whom each copy is on loan to after the waiting records (null: taken back), the latest record of
 * a copy deciding; copies the records do not name are left out (the snapshot says).
 */
export function borrowersAfter(waiting: DeskRecord[]): Map<string, string | null> {
  const borrowers = new Map<string, string | null>();
  for (const record of waiting) {
    if (record.kind === 'CHECKOUT') borrowers.set(record.barcode, record.patronId ?? null);
    else if (record.kind === 'CHECKIN') borrowers.set(record.barcode, null);
  }
  return borrowers;
}

/**
 * A failed answer that says the server could not be reached (a proxy's or gateway's), not a
 * refusal. Our own 503s (the projections behind, the commands busy) carry their code: the server
 * is there and answers, so the desk stays online and says so rather than deciding from its snapshot.
 */
export function unreachable(status: number, code?: string): boolean {
  if (status === 503) return !code || code === 'HTTP_503';
  return status === 0 || status === 502 || status === 504;
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** One upload at a time across this browser's tabs (a tab waits for another's, then finds its records settled). */
function webLock(name: string): Exclusive {
  return (work) => ('locks' in navigator ? (navigator.locks.request(name, work) as Promise<Awaited<ReturnType<typeof work>>>) : work());
}

/** Asks whether the server answers at all: a file the server serves and the service worker lets through. */
async function serverAnswers(): Promise<boolean> {
  try {
    const response = await fetch('/desk-sw.js', { method: 'HEAD', cache: 'no-store' });
    return !unreachable(response.status);
  } catch {
    return false;
  }
}

export class OfflineDesk {
  readonly offline = signal(false);
  readonly waiting = signal<DeskRecord[]>([]);
  readonly outcomes = signal<Outcome[]>([]);
  /** Why the server refused the last upload (401: the librarian must sign in again); null when it did not. */
  readonly refusal = signal<BatchRefusal | null>(null);

  constructor(
    private readonly queue: OfflineQueue,
    private readonly records: RecordStore,
    readonly snapshot: SnapshotStore | null,
    private readonly read: ReadPage,
    private readonly probe: () => Promise<boolean> = serverAnswers,
  ) {}

  /** The desk of a school in this browser: IndexedDB when there is one (else memory, lost with the tab). */
  static async open(schoolId: string, upload: Upload, read: ReadPage): Promise<OfflineDesk> {
    let records: RecordStore = new MemoryStore();
    let snapshot: SnapshotStore | null = null;
    try {
      const db = await openDatabase(schoolId);
      records = recordStore(db);
      snapshot = snapshotStore(db);
    } catch {
      // no IndexedDB (a private window in some browsers): the desk still records, in memory
    }
    const queue = new OfflineQueue(records, deskId(storage()), upload, undefined, undefined,
      webLock('motsach-desk-sync:' + schoolId));
    const desk = new OfflineDesk(queue, records, snapshot, read);
    desk.offline.set(typeof navigator !== 'undefined' && navigator.onLine === false);
    await desk.show();
    return desk;
  }

  /** Listens for the browser going on and off line and probes meanwhile; the function that stops it. */
  start(): () => void {
    const online = () => void this.sync();
    const offline = () => this.offline.set(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const probe = setInterval(() => {
      if (this.offline.get() || this.waiting.get().length > 0) void this.sync();
      else void this.refreshSnapshot();
    }, PROBE_EVERY_MS);
    void this.sync();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(probe);
    };
  }

  /** A call failed for lack of network: the desk records instead of calling until the server is back. */
  wentOffline(): void {
    this.offline.set(true);
  }

  async record(kind: RecordKind, barcode: string, patronId?: string, title?: string): Promise<DeskRecord> {
    const record = await this.queue.record(kind, barcode, patronId, title);
    await this.show();
    return record;
  }

  /** A patron as the desk knows them offline: the snapshot's loans, with the records that wait applied. */
  async patron(card: SnapshotPatron): Promise<Patron> {
    const waiting = this.waiting.get();
    const after = borrowersAfter(waiting);
    const known = (await this.snapshot?.loansOf(card.patronId)) ?? [];
    const openLoans: Loan[] = known
      .filter((copy) => !after.has(copy.barcode) || after.get(copy.barcode) === card.patronId)
      .map((copy) => ({ loanId: 'snapshot:' + copy.barcode, barcode: copy.barcode, title: copy.title, dueOn: copy.dueOn ?? '',
        overdue: false, renewals: 0 }));
    for (const [barcode, borrower] of after) {
      if (borrower !== card.patronId || openLoans.some((loan) => loan.barcode === barcode)) continue;
      const title = waiting.find((record) => record.barcode === barcode)?.title ?? barcode;
      openLoans.unshift({ loanId: 'waiting:' + barcode, barcode, title, dueOn: '', overdue: false, renewals: 0, waiting: true });
    }
    return { ...card, openLoans, holds: [] };
  }

  /** Uploads what waits when the server answers; the outcomes of this upload. */
  async sync(): Promise<Outcome[]> {
    if (!(await this.probe())) {
      this.offline.set(true);
      await this.show();
      return [];
    }
    this.offline.set(false);
    const outcomes = await this.queue.flush();
    this.refusal.set(this.queue.refusal);
    await this.show();
    await this.refreshSnapshot();
    return outcomes;
  }

  /** The librarian dealt with a refused record or an exception (the loan entered by hand, the exception settled). */
  async acknowledge(key: string): Promise<void> {
    await this.records.acknowledge(key);
    await this.show();
  }

  /** Reads the store again: another tab may have recorded or uploaded meanwhile. */
  async show(): Promise<void> {
    this.waiting.set(await this.queue.waiting());
    this.outcomes.set(await this.records.outcomes());
  }

  private refreshing = false;

  /** Takes the snapshot again when it is older than its period (and the desk is online). */
  async refreshSnapshot(force = false): Promise<void> {
    if (!this.snapshot || this.refreshing || this.offline.get()) return;
    this.refreshing = true;
    try {
      const takenAt = await this.snapshot.takenAt();
      if (!force && takenAt && Date.now() - Date.parse(takenAt) < REFRESH_EVERY_MS) return;
      const taken = await takeSnapshot(this.read);
      if (taken) await this.snapshot.replace(taken);
    } finally {
      this.refreshing = false;
    }
  }
}
