// What the staff's pages share: the school's API in the page's language, loading an answer,
// and a refusal shown as the problem detail's message (with the fields it names).
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { language, t } from './i18n';
import { SchoolApi } from './schoolApi';
import type { Answer } from './schoolApi';
import type { Problem } from './session';

export function useSchoolApi(schoolId: string): SchoolApi {
  return useMemo(() => new SchoolApi(schoolId, () => language.get()), [schoolId]);
}

export interface Loaded<T> {
  value: T | null;
  problem: Problem | null;
  reload: () => void;
}

/** An answer loaded when the page opens and again when `reload` is called or a dependency changes. */
export function useLoaded<T>(load: () => Promise<Answer<T>>, deps: unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setValue(answer.body);
        setProblem(null);
      } else setProblem(answer.problem);
    }).catch(() => current && setProblem({ status: 0, code: 'NETWORK', detail: t('network') }));
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value, problem, reload };
}

/**
 * Focus moved, once the next render is on the page, to the element of that id: a button that
 * disappears when clicked would otherwise leave a keyboard or screen reader user at the page's
 * top. A target that is not a control carries tabIndex={-1}.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}

/** A refusal or failed lookup: the problem detail's message, then each field's. */
export function ProblemNote({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div class="problem" role="alert">
      <p>{problem.detail ?? problem.title ?? problem.code}</p>
      {problem.errors && problem.errors.length > 0 && (
        <ul>{problem.errors.map((e) => <li key={e.field}>{`${e.field}: ${e.message}`}</li>)}</ul>
      )}
    </div>
  );
}

export function Done({ text }: { text: string | null }) {
  return <div aria-live="polite">{text && <p class="done" role="status">{text}</p>}</div>;
}

export function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

/** The value of a form's control by its name. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return control ? control.value.normalize('NFC').trim() : '';
}

/** Today's date in the school's time zone, as the contract writes dates (2026-12-05). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
