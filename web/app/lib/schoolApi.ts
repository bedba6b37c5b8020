// A school's part of the API (/api/v1/schools/{schoolId}/...) as the staff's pages call it:
// problem details kept for the page to show, an idempotency key on every POST, and read your
// writes (a lookup after a change waits for the query side to have it).
import { api, problemOf } from './session';
import type { Problem } from './session';
import { randomId } from './ids';

export type Answer<T> = { ok: true; body: T; status: number } | { ok: false; problem: Problem };

export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

/** A query string from the values that are set; empty ones are left out. */
export function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

/**
 * The newest event this browser caused, per school: every page's lookups wait for the query side
 * to have it (read your writes), the page a form leads to as well as the form's own.
 */
const positions = new Map<string, string>();

export class SchoolApi {
  constructor(readonly schoolId: string, private readonly language: () => string) {}

  path(rest: string): string {
    return `/api/v1/schools/${encodeURIComponent(this.schoolId)}${rest}`;
  }

  protected async call<T>(rest: string, init: RequestInit = {}): Promise<Answer<T>> {
    const response = await this.raw(rest, init);
    if (!response.ok) return { ok: false, problem: await problemOf(response) };
    const body = response.headers.get('Content-Type')?.includes('json') ? ((await response.json()) as T) : (null as T);
    return { ok: true, body, status: response.status };
  }

  private async raw(rest: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const known = positions.get(this.schoolId);
    if (!init.method && known) headers.set('X-Min-Event-Position', known);
    const response = await api(rest.startsWith('/api/') ? rest : this.path(rest), { ...init, headers, language: this.language() });
    const position = response.headers.get('X-Event-Position');
    const newest = positions.get(this.schoolId);
    if (response.ok && position && (!newest || Number(position) > Number(newest))) positions.set(this.schoolId, position);
    return response;
  }

  get<T>(rest: string): Promise<Answer<T>> {
    return this.call<T>(rest);
  }

  /**
   * `idempotencyKey`: the page's own key, when what one key stands for is longer than one call
   * (a plan confirmed, its answer lost, confirmed again); a fresh one otherwise.
   */
  post<T>(rest: string, body: unknown, idempotencyKey: string = randomId()): Promise<Answer<T>> {
    // a form sent twice (a double Enter, a retry) is one change: the server keeps the key
    return this.call<T>(rest, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': idempotencyKey } });
  }

  put<T>(rest: string, body: unknown): Promise<Answer<T>> {
    return this.call<T>(rest, { method: 'PUT', body: JSON.stringify(body) });
  }

  delete(rest: string): Promise<Answer<null>> {
    return this.call<null>(rest, { method: 'DELETE' });
  }

  /** A multipart upload (the browser sets the content type with its boundary). */
  upload<T>(rest: string, form: FormData): Promise<Answer<T>> {
    return this.call<T>(rest, { method: 'POST', body: form, headers: { 'Idempotency-Key': randomId() } });
  }

  /** A document (a PDF, a workbook) fetched with the token and handed to the browser to save. */
  async download(rest: string, fileName: string): Promise<Answer<null>> {
    const response = await this.raw(rest, {});
    if (!response.ok) return { ok: false, problem: await problemOf(response) };
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, body: null, status: response.status };
  }
}
