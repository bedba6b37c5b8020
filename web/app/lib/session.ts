// Signing in: the access token lives in this module's memory only (never in storage a script
// could read later); the refresh token lives in an HttpOnly cookie the server sets on
// /api/v1/auth, which this code never sees. A reload or a token near its end asks
// /api/v1/auth/refresh for a new access token, so a desk stays signed in for the working day.
import { forgetSnapshot } from '../offline/store';

export type Role = 'SYSTEM_ADMIN' | 'AUTHORITY_ADMIN' | 'SCHOOL_ADMIN' | 'LIBRARIAN' | 'TEACHER';

export interface Caller {
  username: string;
  roles: Role[];
  schoolId: string | null;
  authorityId: string | null;
  classIds: string[];
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

let accessToken: string | null = null;
let expiresAt = 0;
let caller: Caller | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(caller: Caller | null) => void>();

/** The claims of our own token (its payload is not secret, only its signature matters). */
export function callerOf(token: string): Caller {
  const payload = token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );
  const claims = JSON.parse(json) as Record<string, unknown>;
  return {
    username: String(claims.sub ?? ''),
    roles: (claims.roles as Role[] | undefined) ?? [],
    schoolId: (claims.school as string | undefined) ?? null,
    authorityId: (claims.authority as string | undefined) ?? null,
    classIds: (claims.classes as string[] | undefined) ?? [],
  };
}

export function currentCaller(): Caller | null {
  return caller;
}

export function onCallerChange(listener: (caller: Caller | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function accept(answer: TokenAnswer | null): void {
  accessToken = answer?.accessToken ?? null;
  expiresAt = answer ? Date.now() + answer.expiresIn * 1000 : 0;
  caller = accessToken ? callerOf(accessToken) : null;
  remember(caller);
  listeners.forEach((listener) => listener(caller));
}

/**
 * Who signed in last on this browser (the token's claims, never the token): the offline desk opens
 * for them when the server cannot be reached to renew the token. The server still asks for a
 * token for every call, so this opens nothing but the page.
 */
const LAST_CALLER = 'motsach.lastCaller';
/**
 * As long as the sign-in's cookie session lives on the server (12 hours): past it the server would
 * ask for the password again, and so does the page, even with the network down.
 */
export const LAST_CALLER_HOURS = 12;

function remember(signedIn: Caller | null, now = Date.now()): void {
  try {
    if (signedIn) localStorage.setItem(LAST_CALLER, JSON.stringify({ caller: signedIn, until: now + LAST_CALLER_HOURS * 3_600_000 }));
    else localStorage.removeItem(LAST_CALLER);
  } catch {
    // a private window: the desk cannot open offline
  }
}

/** The last one signed in on this browser, while their sign-in would still hold; null after. */
export function lastCaller(now = Date.now()): Caller | null {
  try {
    const kept = localStorage.getItem(LAST_CALLER);
    const remembered = kept ? (JSON.parse(kept) as { caller?: Caller; until?: number }) : null;
    if (!remembered?.caller || !remembered.until || remembered.until < now) return null;
    return remembered.caller;
  } catch {
    return null;
  }
}

/** Signs in with the password; the answer also starts the cookie session. Returns the problem detail on refusal. */
export async function signIn(username: string, password: string, language: string): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
    body: JSON.stringify({ username, password, refreshCookie: true }),
  });
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  accept((await response.json()) as TokenAnswer);
  return { ok: true };
}

/** A new access token from the cookie session; false when there is none (signed out). */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' });
      accept(response.ok ? ((await response.json()) as TokenAnswer) : null);
      return response.ok;
    } catch {
      // the server cannot be reached (not a refusal): the last one signed in keeps the page
      if (!caller && lastCaller()) {
        caller = lastCaller();
        listeners.forEach((listener) => listener(caller));
      }
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  const school = caller?.schoolId;
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  accept(null);
  // the desk's copy of the school's readers and loans does not stay on a shared computer; records
  // that wait to be sent do (they are the school's loans)
  if (school) await forgetSnapshot(school).catch(() => undefined);
}

/** A token valid for at least another half-minute, renewed first when needed. */
async function token(): Promise<string | null> {
  if (accessToken && Date.now() < expiresAt - 30_000) return accessToken;
  return (await refresh()) ? accessToken : null;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** BARCODE_AMBIGUOUS: the libraries owning a copy with that barcode at this desk. */
  owners?: string[];
}

export async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    const problem: Problem = { status: response.status, code: body.code ?? 'HTTP_' + response.status, title: body.title, detail: body.detail,
      errors: body.errors };
    if (Array.isArray(body.owners)) problem.owners = body.owners;
    return problem;
  } catch {
    return { status: response.status, code: 'HTTP_' + response.status };
  }
}

/**
 * How often a call the server answered 503 with a short `Retry-After` (its database busy for a
 * moment, the query side not there yet) is sent again, after the wait it asked for, before the
 * page shows the problem: a librarian at the desk should not see a moment's business as an error.
 */
export const BUSY_RETRIES = 3;
/** A longer wait than this is the server's to announce, not the desk's to sit through. */
const LONGEST_WAIT_SECONDS = 5;

/** A call to the API with the access token (when signed in) and the page's language. */
export async function api(path: string, init: RequestInit & { language: string; anonymous?: boolean }): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', init.language);
  if (init.body && !(init.body instanceof FormData) && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const send = async (): Promise<Response> => {
    if (!init.anonymous) {
      const bearer = await token();
      if (bearer) headers.set('Authorization', 'Bearer ' + bearer);
    }
    const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
    if (response.status === 401 && !init.anonymous && (await refresh())) {
      headers.set('Authorization', 'Bearer ' + accessToken);
      return fetch(path, { ...init, headers, credentials: 'same-origin' });
    }
    return response;
  };
  let response = await send();
  for (let retry = 0; retry < BUSY_RETRIES; retry++) {
    const seconds = busyFor(response);
    if (seconds === null || !(await repeatable(init, headers, response))) break;
    // a little more than asked, and not the same for every desk the moment made wait
    await new Promise((resolve) => setTimeout(resolve, (Math.max(seconds, 0.25) + Math.random() * 0.5) * 1000));
    response = await send();
  }
  return response;
}

/** 503 codes that say the call changed nothing: it was never run (commands queued too long) or only read. */
const NOTHING_CHANGED = new Set(['COMMANDS_BUSY', 'PROJECTION_BEHIND', 'METRICS_RESTORING']);

/** The seconds a 503 asks to wait, when it asks for a short wait; null for any other answer. */
function busyFor(response: Response): number | null {
  if (response.status !== 503) return null;
  const header = response.headers.get('Retry-After')?.trim();
  if (!header || !/^\d+$/.test(header)) return null;
  const seconds = Number(header);
  return seconds <= LONGEST_WAIT_SECONDS ? seconds : null;
}

/**
 * Whether sending the call again changes nothing the first did not: a read; a write under an
 * idempotency key (the server gives the key's first answer); any other write only when the 503
 * says it was not run (a failure of the moment may follow a commit that went through, and a
 * DELETE sent again would then be refused). Never an upload: a file of a hundred megabytes is
 * not sent four times.
 */
async function repeatable(init: RequestInit, headers: Headers, response: Response): Promise<boolean> {
  if (init.body instanceof ReadableStream || init.body instanceof FormData || init.body instanceof Blob) return false;
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || headers.has('Idempotency-Key')) return true;
  const problem = await problemOf(response.clone());
  return NOTHING_CHANGED.has(problem.code);
}
