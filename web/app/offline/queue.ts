// The offline desk's queue: what the desk lends, takes back and renews while the server cannot be
// reached, kept in the browser (IndexedDB) until it is uploaded, so a closed tab loses nothing.
// Each record carries its idempotency key, the desk's id and the moment it happened; the server
// decides it at that moment and once per key, so uploading a batch twice, or from two tabs, is safe.
import { randomId } from '../lib/ids';

export type RecordKind = 'CHECKOUT' | 'CHECKIN' | 'RENEWAL';

export interface DeskRecord {
  key: string;
  deskId: string;
  kind: RecordKind;
  barcode: string;
  patronId?: string;
  /** An ISO 8601 instant with its offset. */
  recordedAt: string;
  /** The title as the desk knew it, for the librarian's list; not sent. */
  title?: string;
}

export type OutcomeStatus = 'APPLIED' | 'ALREADY_APPLIED' | 'EXCEPTION' | 'REFUSED';

export interface Outcome {
  key: string;
  status: OutcomeStatus;
  code?: string | null;
  loanId?: string | null;
  dueOn?: string | null;
  exceptionId?: string | null;
  /** The record answered, kept with its outcome for the librarian's list. */
  record?: DeskRecord;
}

/** Runs the work while no other tab of this browser uploads the same school's records. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

const alone: Exclusive = (work) => work();

/** Where the records wait and their outcomes are kept: IndexedDB in the browser, memory in tests. */
export interface RecordStore {
  add(record: DeskRecord): Promise<void>;
  waiting(): Promise<DeskRecord[]>;
  /** Moves the records answered from the waiting ones to the outcomes, in one step. */
  settle(outcomes: Outcome[]): Promise<void>;
  outcomes(): Promise<Outcome[]>;
  /** The librarian has dealt with a refused record or an exception: its outcome leaves the list. */
  acknowledge(key: string): Promise<void>;
}

/**
 * Whether the librarian must see an outcome until they say they dealt with it: a refused record
 * is kept nowhere else (the book was handed over, and no loan exists), an exception is theirs to settle.
 */
export function needsAttention(outcome: Outcome): boolean {
  return outcome.status === 'REFUSED' || outcome.status === 'EXCEPTION';
}

/**
 * The outcomes to let go, so that the store stays small: outcomes that applied, beyond the
 * {@code kept} newest of them; never one that needs the librarian's attention. Outcomes stored
 * before they carried {@code settledAt} count as the oldest.
 */
export function prunable<T extends Outcome & { settledAt?: number }>(outcomes: T[], kept: number): T[] {
  return outcomes.filter((outcome) => !needsAttention(outcome))
    .sort((a, b) => (b.settledAt ?? 0) - (a.settledAt ?? 0))
    .slice(kept);
}

/**
 * A batch the server refused as a whole (a 4xx: the session is over, the request is bad): its
 * records keep waiting, and trying again the same way cannot help, so the librarian is told why.
 */
export interface BatchRefusal {
  status: number;
  code: string;
  detail?: string;
}

/**
 * Sends one batch: its outcomes; null when the server could not be reached or did not answer it
 * (the batch waits for the next try); a refusal of the whole batch (it waits too).
 */
export type Upload = (deskId: string, records: DeskRecord[]) => Promise<Outcome[] | BatchRefusal | null>;

/** The server takes at most this many records a batch (DeskSyncController.MAX_RECORDS). */
export const BATCH_SIZE = 200;

/** In the order they happened; records of the same moment in the order they were made. */
export function inOrder(records: DeskRecord[]): DeskRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => Date.parse(a.record.recordedAt) - Date.parse(b.record.recordedAt) || a.index - b.index)
    .map(({ record }) => record);
}

/** The moment as the server reads it: an instant with the desk's offset (Asia/Ho_Chi_Minh at the desk). */
export function instantOf(date: Date): string {
  return date.toISOString();
}

export class OfflineQueue {
  private uploading: Promise<Outcome[]> | null = null;
  /** Why the last upload stopped at a batch the server refused; null when nothing was refused. */
  refusal: BatchRefusal | null = null;
  /**
   * The last moment recorded: acts within the same millisecond still get their order (a moment
   * a millisecond later); a clock set back further than a second is left as it says.
   */
  private last = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly deskId: string,
    private readonly upload: Upload,
    private readonly now: () => Date = () => new Date(),
    private readonly newKey: () => string = () => randomId(),
    private readonly exclusive: Exclusive = alone,
  ) {}

  /** Records an act of the desk now, to be uploaded later; its key. */
  async record(kind: RecordKind, barcode: string, patronId?: string, title?: string): Promise<DeskRecord> {
    const now = this.now().getTime();
    this.last = now <= this.last && this.last - now < 1000 ? this.last + 1 : now;
    const record: DeskRecord = { key: `${this.deskId}:${this.newKey()}`, deskId: this.deskId, kind, barcode,
      recordedAt: instantOf(new Date(this.last)) };
    if (patronId) record.patronId = patronId;
    if (title) record.title = title;
    await this.store.add(record);
    return record;
  }

  async waitingCount(): Promise<number> {
    return (await this.store.waiting()).length;
  }

  /** What waits, in the order it happened. */
  async waiting(): Promise<DeskRecord[]> {
    return inOrder(await this.store.waiting());
  }

  /**
   * Uploads what waits, in the order it happened, batch after batch; stops at the first batch the
   * server did not answer (the rest waits for the next try). The outcomes of this upload. A second
   * call while one runs joins it rather than sending the same records again; another tab waits
   * for this one's upload to end, then finds the records it settled gone, so a tab settles only
   * what it sent itself.
   */
  flush(batchSize = BATCH_SIZE): Promise<Outcome[]> {
    if (!this.uploading) {
      this.uploading = this.exclusive(() => this.flushAll(batchSize)).finally(() => {
        this.uploading = null;
      });
    }
    return this.uploading;
  }

  private async flushAll(batchSize: number): Promise<Outcome[]> {
    const records = inOrder(await this.store.waiting());
    const answered: Outcome[] = [];
    this.refusal = null;
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      const answers = await this.upload(this.deskId, batch);
      if (!answers) break;
      if (!Array.isArray(answers)) {
        this.refusal = answers;
        break;
      }
      const sent = new Map(batch.map((record) => [record.key, record]));
      const outcomes = answers.map((outcome) => ({ ...outcome, record: sent.get(outcome.key) }));
      await this.store.settle(outcomes);
      answered.push(...outcomes);
    }
    return answered;
  }
}

/** A store in memory, for tests and for a browser without IndexedDB (then nothing survives a closed tab). */
export class MemoryStore implements RecordStore {
  private readonly records = new Map<string, DeskRecord>();
  private readonly answered = new Map<string, Outcome>();

  async add(record: DeskRecord): Promise<void> {
    this.records.set(record.key, record);
  }

  async waiting(): Promise<DeskRecord[]> {
    return [...this.records.values()];
  }

  async settle(outcomes: Outcome[]): Promise<void> {
    for (const outcome of outcomes) {
      this.records.delete(outcome.key);
      this.answered.set(outcome.key, outcome);
    }
  }

  async outcomes(): Promise<Outcome[]> {
    return [...this.answered.values()];
  }

  async acknowledge(key: string): Promise<void> {
    this.answered.delete(key);
  }
}
