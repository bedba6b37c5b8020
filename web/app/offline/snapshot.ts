// What the offline desk knows of its school without the server: each patron's name and class and
// each copy's title and borrower, taken page by page from the lists the staff's pages read and
// kept in IndexedDB, taken again while the desk is online. Bounded: a school larger than the
// bound is kept in part, and a code the desk does not know offline is still lent to the patron
// in hand (the server judges the record when it arrives).
import type { Paged } from '../lib/schoolApi';

export interface SnapshotPatron {
  patronId: string;
  fullName: string;
  category: string;
  classId: string | null;
  active: boolean;
}

export interface SnapshotCopy {
  barcode: string;
  titleId: string;
  title: string;
  /** The patron the copy is on loan to when the snapshot was taken. */
  borrower: string | null;
  dueOn: string | null;
}

export interface Snapshot {
  patrons: SnapshotPatron[];
  copies: SnapshotCopy[];
  takenAt: string;
}

export interface SnapshotStore {
  replace(snapshot: Snapshot): Promise<void>;
  patron(patronId: string): Promise<SnapshotPatron | null>;
  copy(barcode: string): Promise<SnapshotCopy | null>;
  loansOf(patronId: string): Promise<SnapshotCopy[]>;
  /** A lend or a return the desk made online since: the copy's borrower as it is now. */
  note(barcode: string, borrower: string | null, dueOn: string | null): Promise<void>;
  takenAt(): Promise<string | null>;
}

/** The lists' largest page (api.md: size at most 200). */
export const PAGE_SIZE = 200;
/** At most this many patrons and this many copies: 50 pages of each. */
export const MAX_ENTRIES = 10_000;
/** Taken again after this long while the desk stays open and online. */
export const REFRESH_EVERY_MS = 30 * 60_000;

/** One page of a list; null when it could not be read (the snapshot is then not taken). */
export type ReadPage = <T>(path: string) => Promise<Paged<T> | null>;

interface CopyItem {
  barcode: string;
  titleId: string;
  title: string;
  loan: { patronId: string | null; dueOn: string } | null;
}

/** Every page of a list, up to the bound; null when a page could not be read. */
export async function allPages<T>(read: ReadPage, path: string, max = MAX_ENTRIES): Promise<T[] | null> {
  const items: T[] = [];
  for (let page = 0; items.length < max; page++) {
    const answer = await read<T>(`${path}${path.includes('?') ? '&' : '?'}page=${page}&size=${PAGE_SIZE}`);
    if (!answer) return null;
    items.push(...answer.items);
    if (answer.items.length < PAGE_SIZE || items.length >= answer.totalItems) break;
  }
  return items.slice(0, max);
}

/** The school's patrons and copies as the desk needs them offline; null when the server could not give them. */
export async function takeSnapshot(read: ReadPage, now: () => Date = () => new Date(), max = MAX_ENTRIES): Promise<Snapshot | null> {
  const [patrons, copies] = await Promise.all([
    allPages<SnapshotPatron>(read, '/patrons', max),
    allPages<CopyItem>(read, '/copies', max),
  ]);
  if (!patrons || !copies) return null;
  return {
    patrons: patrons.map(({ patronId, fullName, category, classId, active }) => ({ patronId, fullName, category, classId, active })),
    copies: copies.map((copy) => ({ barcode: copy.barcode, titleId: copy.titleId, title: copy.title,
      borrower: copy.loan?.patronId ?? null, dueOn: copy.loan?.dueOn ?? null })),
    takenAt: now().toISOString(),
  };
}
