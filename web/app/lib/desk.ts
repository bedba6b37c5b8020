// The desk's calls to the API, and the shapes of their answers it reads.
import { api, problemOf } from './session';
import type { Problem } from './session';

export interface Loan {
  loanId: string;
  barcode: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  renewals: number;
}

export interface Hold {
  holdId: string;
  titleId: string;
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
  openLoans: Loan[];
  holds: Hold[];
}

export interface Copy {
  barcode: string;
  title: string;
  status: string;
  loan: { loanId: string; patronId: string | null; dueOn: string } | null;
}

export type Answer<T> = { ok: true; body: T; status: number } | { ok: false; problem: Problem };

export class DeskApi {
  /** The newest event this desk caused: its lookups wait for the query side to have it (read your writes). */
  private position: string | null = null;

  constructor(private readonly schoolId: string, private readonly language: () => string) {}

  private path(rest: string): string {
    return `/api/v1/schools/${encodeURIComponent(this.schoolId)}${rest}`;
  }

  private async call<T>(rest: string, init: RequestInit = {}): Promise<Answer<T>> {
    const headers = new Headers(init.headers);
    if (!init.method && this.position) headers.set('X-Min-Event-Position', this.position);
    const response = await api(this.path(rest), { ...init, headers, language: this.language() });
    if (!response.ok) return { ok: false, problem: await problemOf(response) };
    const position = response.headers.get('X-Event-Position');
    if (position && (!this.position || Number(position) > Number(this.position))) this.position = position;
    const body = response.status === 204 ? (null as T) : ((await response.json()) as T);
    return { ok: true, body, status: response.status };
  }

  private post<T>(rest: string, body: unknown): Promise<Answer<T>> {
    // a scan sent twice (a double Enter, a retry) is one loan: the server keeps the key
    return this.call<T>(rest, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  }

  patron(patronId: string): Promise<Answer<Patron>> {
    return this.call<Patron>('/patrons/' + encodeURIComponent(patronId));
  }

  copy(barcode: string): Promise<Answer<Copy>> {
    return this.call<Copy>('/copies/' + encodeURIComponent(barcode));
  }

  checkout(barcode: string, patronId: string) {
    return this.post<{ loanId: string; dueOn: string }>('/checkouts', { barcode, patronId });
  }

  checkin(barcode: string) {
    return this.post<{ loanId: string; patronId: string; overdueDays: number; routedTo: 'SHELF' | 'HOLD_SHELF' }>('/checkins', { barcode });
  }

  renew(loanId: string) {
    return this.post<{ loanId: string; dueOn: string }>('/loans/' + encodeURIComponent(loanId) + '/renewals', {});
  }
}
