// The desk's calls to the API, and the shapes of their answers it reads.
import { SchoolApi } from './schoolApi';
import type { Answer } from './schoolApi';

export type { Answer } from './schoolApi';

export interface Loan {
  loanId: string;
  barcode: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  renewals: number;
  /** Lent while offline: the server has not decided it yet (no due date). */
  waiting?: boolean;
}

export interface Hold {
  holdId: string;
  titleId: string;
  title?: string | null;
  status: string;
  position: number | null;
  pickupBy: string | null;
  barcode: string | null;
}

export interface Patron {
  patronId: string;
  fullName: string;
  category: string;
  classId: string | null;
  active: boolean;
  /** A departure recorded ahead (a rollover's graduation): the patron borrows until that day. */
  leavesOn?: string | null;
  openLoans: Loan[];
  holds: Hold[];
}

export interface Copy {
  barcode: string;
  titleId: string;
  title: string;
  status: string;
  loan: { loanId: string; patronId: string | null; dueOn: string } | null;
}

export class DeskApi extends SchoolApi {
  patron(patronId: string): Promise<Answer<Patron>> {
    return this.get<Patron>('/patrons/' + encodeURIComponent(patronId));
  }

  copy(barcode: string): Promise<Answer<Copy>> {
    return this.get<Copy>('/copies/' + encodeURIComponent(barcode));
  }

  /** owner: the library whose copy is meant, when the barcode is several libraries' at this desk. */
  checkout(barcode: string, patronId: string, owner?: string) {
    return this.post<{ loanId: string; dueOn: string; title?: string; leavesOn?: string | null }>('/checkouts', { barcode, patronId, ...ownerOf(owner) });
  }

  checkin(barcode: string, owner?: string) {
    return this.post<{ loanId: string; patronId: string; overdueDays: number; routedTo: 'SHELF' | 'HOLD_SHELF' }>('/checkins',
      { barcode, ...ownerOf(owner) });
  }

  renew(loanId: string) {
    return this.post<{ loanId: string; dueOn: string; leavesOn?: string | null }>('/loans/' + encodeURIComponent(loanId) + '/renewals', {});
  }

  placeHold(titleId: string, patronId: string) {
    return this.post<{ holdId: string; position: number }>('/holds', { titleId, patronId });
  }
}

function ownerOf(owner: string | undefined): { ownerSchoolId?: string } {
  return owner ? { ownerSchoolId: owner } : {};
}
