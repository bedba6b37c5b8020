import { useEffect, useState } from 'preact/hooks';
import { Downloads, registerDocuments } from '../dashboard/Downloads';
import { schoolPath } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import { atTheDesk } from '../lib/roles';
import { follow } from '../lib/router';
import { query } from '../lib/schoolApi';
import type { Paged } from '../lib/schoolApi';
import type { Caller, Problem } from '../lib/session';
import { Done, Field, ProblemNote, today, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

interface TitleLine {
  titleId: string;
  title: string;
  authors: string[];
  classification: string | null;
  docType: string;
  availableCopies: number;
  totalCopies: number;
}

interface Intake {
  intakeId: string;
  receivedOn: string;
  source: string;
  documentNo: string | null;
  copies: number;
  totalValue: number;
}

export const SOURCES = ['PURCHASE', 'DONATION', 'TRANSFER', 'OTHER'] as const;

/** The school's catalogue as its staff search it; the desk also adds titles, records intakes and prints labels. */
export default function Catalogue({ schoolId, caller }: { schoolId: string; caller: Caller }) {
  const api = useSchoolApi(schoolId);
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(q), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const titles = useLoaded(() => api.get<Paged<TitleLine>>('/titles' + query({ q: asked, size: 50 })), [api, asked]);
  const desk = atTheDesk(caller);

  return (
    <section class="catalogue">
      <h1>{t('catalogueStaff')}</h1>
      {desk && (
        <nav class="subnav" aria-label={t('catalogueStaff')}>
          <a href="/catalogue/titles/new" onClick={follow}>{t('addTitle')}</a>
          <a href="/catalogue/imports" onClick={follow}>{t('imports')}</a>
          <a href="/catalogue/stocktakes" onClick={follow}>{t('stocktakes')}</a>
        </nav>
      )}
      {desk && (
        <section class="registers" aria-labelledby="registers-heading">
          <h2 id="registers-heading">{t('reportsHeading')}</h2>
          <Downloads documents={registerDocuments((rest) => schoolPath(schoolId, rest), schoolId)} />
        </section>
      )}
      <label for="catalogue-q">{t('searchLabel')}</label>
      <input id="catalogue-q" type="search" defaultValue={q} autocomplete="off" onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      <ProblemNote problem={titles.problem} />
      {titles.value && <p class="count" aria-live="polite">{t('results', titles.value.totalItems)}</p>}
      {titles.value && titles.value.items.length > 0 && (
        <table class="catalogue-titles">
          <thead><tr><th>{t('titleField')}</th><th>{t('authors')}</th><th>{t('shelf')}</th><th>{t('copies')}</th></tr></thead>
          <tbody>
            {titles.value.items.map((title) => (
              <tr key={title.titleId}>
                <td><a href={`/catalogue/titles/${title.titleId}`} onClick={follow}>{title.title}</a></td>
                <td>{title.authors.join('; ')}</td>
                <td>{title.classification}</td>
                <td>{t('available', title.availableCopies, title.totalCopies)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {desk && <Intakes schoolId={schoolId} />}
      {desk && <LabelRange schoolId={schoolId} />}
    </section>
  );
}

function Intakes({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const intakes = useLoaded(() => api.get<Paged<Intake>>('/intakes?size=10'), [api]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = await api.post<{ intakeId: string }>('/intakes', {
      receivedOn: valueOf(form, 'receivedOn'), source: valueOf(form, 'source'),
      documentNo: valueOf(form, 'documentNo') || null, note: valueOf(form, 'note') || null,
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('intakeRecorded'));
    form.reset();
    intakes.reload();
  }

  return (
    <section class="intakes" aria-labelledby="intakes-heading">
      <h2 id="intakes-heading">{t('intakes')}</h2>
      <form class="inline-form" onSubmit={submit}>
        <Field id="intake-on" label={t('receivedOn')}><input id="intake-on" name="receivedOn" type="date" required defaultValue={today()} /></Field>
        <Field id="intake-source" label={t('source')}>
          <select id="intake-source" name="source">{SOURCES.map((s) => <option key={s} value={s}>{t(s)}</option>)}</select>
        </Field>
        <Field id="intake-doc" label={t('documentNo')}><input id="intake-doc" name="documentNo" /></Field>
        <Field id="intake-note" label={t('note')}><input id="intake-note" name="note" /></Field>
        <button type="submit">{t('recordIntake')}</button>
      </form>
      <ProblemNote problem={problem} />
      <Done text={done} />
      {intakes.value && intakes.value.items.length > 0 && (
        <table>
          <thead><tr><th>{t('receivedOn')}</th><th>{t('source')}</th><th>{t('documentNo')}</th><th>{t('copies')}</th><th>{t('value')}</th></tr></thead>
          <tbody>
            {intakes.value.items.map((intake) => (
              <tr key={intake.intakeId}>
                <td>{formatDate(intake.receivedOn)}</td><td>{t(intake.source as 'OTHER')}</td><td>{intake.documentNo}</td>
                <td>{formatNumber(intake.copies)}</td><td>{formatNumber(Number(intake.totalValue))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Labels for a range of accession numbers, as a librarian prints a sheet for the copies just registered. */
function LabelRange({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = await api.download('/labels' + query({
      fromBarcode: valueOf(form, 'fromBarcode'), toBarcode: valueOf(form, 'toBarcode'), layout: valueOf(form, 'layout'), format: 'PDF',
    }), 'nhan-sach.pdf');
    setProblem(answer.ok ? null : answer.problem);
  }

  return (
    <section class="labels" aria-labelledby="labels-heading">
      <h2 id="labels-heading">{t('labels')}</h2>
      <form class="inline-form" onSubmit={submit}>
        <Field id="labels-from" label={t('fromBarcode')}><input id="labels-from" name="fromBarcode" /></Field>
        <Field id="labels-to" label={t('toBarcode')}><input id="labels-to" name="toBarcode" /></Field>
        <Field id="labels-layout" label={t('layout')}>
          <select id="labels-layout" name="layout"><option value="A4-3x8">A4 3×8</option><option value="A4-3x7">A4 3×7</option><option value="A4-2x7">A4 2×7</option></select>
        </Field>
        <button type="submit">{t('downloadLabels')}</button>
      </form>
      <ProblemNote problem={problem} />
    </section>
  );
}
