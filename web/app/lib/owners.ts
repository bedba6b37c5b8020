// A barcode both this library's and a partner's (liên thông) at this desk: the server refuses to
// guess (409 BARCODE_AMBIGUOUS, naming the owners), the librarian chooses, and the desk sends the
// same checkout or return again naming the owner (ownerSchoolId).
import type { Problem } from './session';

export interface OwnerChoice {
  kind: 'checkout' | 'checkin';
  barcode: string;
  /** The patron a checkout is for. */
  patronId?: string;
  /** The owners to choose from, this library first when it is one of them. */
  owners: string[];
}

/** The choice a refusal asks for; null when it is another refusal (or names fewer than two owners). */
export function ownerChoice(problem: Problem, kind: OwnerChoice['kind'], barcode: string, patronId: string | undefined,
  school: string): OwnerChoice | null {
  if (problem.code !== 'BARCODE_AMBIGUOUS' || !problem.owners || problem.owners.length < 2) return null;
  const owners = [...new Set(problem.owners)].sort((a, b) => Number(b === school) - Number(a === school));
  return { kind, barcode, patronId, owners };
}

/** The owner a key press chooses: 1 for the first, 2 for the second…; null for any other key. */
export function ownerForKey(choice: OwnerChoice, key: string): string | null {
  const index = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  return choice.owners[index] ?? null;
}
