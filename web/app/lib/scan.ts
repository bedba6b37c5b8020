// The desk's one field: a USB scanner types a copy's barcode or a patron's card and presses
// Enter. Which it is, is asked of the API (both lookups at once); what to do then depends on
// whether a patron is in hand.

/** Barcodes and patron ids: 1 to 32 letters, digits, '-', '_', '.', '/' (the contract). */
export const LOCAL_ID = /^[A-Za-z0-9_./-]{1,32}$/;

/** What a scanned code turned out to be. */
export type ScanKind = 'copy' | 'patron' | 'both' | 'unknown' | 'invalid';

/** The scanner's text, trimmed; scanners add spaces or a carriage return. */
export function cleanScan(text: string): string {
  return text.replace(/[\r\n\t]/g, '').trim();
}

export function isCode(text: string): boolean {
  return LOCAL_ID.test(text);
}

/** From the HTTP statuses of the two lookups (200 found, 404 not). */
export function classify(code: string, copyStatus: number, patronStatus: number): ScanKind {
  if (!isCode(code)) return 'invalid';
  const copy = copyStatus === 200;
  const patron = patronStatus === 200;
  if (copy && patron) return 'both';
  if (copy) return 'copy';
  if (patron) return 'patron';
  return 'unknown';
}

export type DeskAction =
  | { kind: 'showPatron' }
  | { kind: 'checkout' }
  | { kind: 'checkin' }
  | { kind: 'unknown' }
  | { kind: 'invalid' };

/**
 * What the desk does with a scan. A patron's card puts them in hand. A copy with a patron in
 * hand is lent to them, unless it is on loan to them already (they bring it back); a copy
 * without a patron in hand is taken back. A code that is both a card and a barcode is read as
 * a copy while someone is in hand (lending is what goes on), as a card otherwise.
 */
export function decide(kind: ScanKind, patronInHand: string | null, copyBorrower: string | null): DeskAction {
  switch (kind) {
    case 'invalid':
      return { kind: 'invalid' };
    case 'unknown':
      return { kind: 'unknown' };
    case 'patron':
      return { kind: 'showPatron' };
    case 'both':
      if (!patronInHand) return { kind: 'showPatron' };
      return copyBorrower === patronInHand ? { kind: 'checkin' } : { kind: 'checkout' };
    case 'copy':
      if (!patronInHand) return { kind: 'checkin' };
      return copyBorrower === patronInHand ? { kind: 'checkin' } : { kind: 'checkout' };
  }
}
