import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { DOC_TYPES, splitList } from '../lib/lists';
import { atTheDesk } from '../lib/roles';
import { follow, navigate } from '../lib/router';
import { query } from '../lib/schoolApi';
import type { Paged, SchoolApi } from '../lib/schoolApi';
import type { Caller, Problem } from '../lib/session';
import { Done, Field, ProblemNote, today, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

interface TitleDetail {
  titleId: string;
  title: string;
  authors: string[];
  isbn: string | null;
  publisher: string | null;
  publishedYear: number | null;
  classification: string | null;
  docType: string;
  subjects: string[];
  language: string | null;
  availableCopies: number;
  totalCopies: number;
  copies: { barcode: string; status: string; loanable: boolean }[];
}

/** A title of the catalogue with its copies; at the desk: edit it, add copies, withdraw one, print its labels. `titleId` null: a new title. */
export default function CatalogueTitle({ schoolId, titleId, caller }: { schoolId: string; titleId: string | null; caller: Caller }) {
  const api = useSchoolApi(schoolId);
  const detail = useLoaded(() => (titleId ? api.get<TitleDetail>('/titles/' + encodeURIComponent(titleId))
    : Promise.resolve({ ok: true as const, body: null as TitleDetail | null, status: 200 })), [api, titleId]);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const desk = atTheDesk(caller);

  if (titleId === null) {
    return (
      <section class="title-edit">
        <p><a href="/catalogue" onClick={follow}>← {t('catalogueStaff')}</a></p>
        <h1>{t('addTitle')}</h1>
        <TitleForm api={api} title={null} saved={(id) => navigate('/catalogue/titles/' + id)} />
      </section>
    );
  }
  const title = detail.value;
  return (
    <section class="catalogue-title">
      <p><a href="/catalogue" onClick={follow}>← {t('catalogueStaff')}</a></p>
      <ProblemNote problem={detail.problem} />
      {title && (
        <>
          <h1>{title.title}</h1>
          <Done text={done} />
          {editing ? (
            <TitleForm api={api} title={title} saved={() => { setEditing(false); setDone(t('titleSaved')); detail.reload(); }} />
          ) : (
            <>
              <dl class="facts">
                <dt>{t('authors')}</dt><dd>{title.authors.join('; ')}</dd>
                <dt>{t('docType')}</dt><dd>{t(title.docType as Key)}</dd>
                <dt>{t('shelf')}</dt><dd>{title.classification}</dd>
                <dt>ISBN</dt><dd>{title.isbn}</dd>
                <dt>{t('publisher')}</dt><dd>{title.publisher}</dd>
                <dt>{t('year')}</dt><dd>{title.publishedYear}</dd>
                <dt>{t('subjects')}</dt><dd>{title.subjects.join('; ')}</dd>
              </dl>
              {desk && <p class="actions"><button type="button" onClick={() => setEditing(true)}>{t('editTitle')}</button>
                <button type="button" class="secondary" onClick={() => api.download('/labels' + query({ titleId: title.titleId, format: 'PDF' }), 'nhan-sach.pdf')}>{t('downloadLabels')}</button></p>}
            </>
          )}
          <h2>{t('copiesCount', title.totalCopies, title.availableCopies)}</h2>
          <Copies api={api} title={title} desk={desk} changed={(text) => { setDone(text); detail.reload(); }} />
          {desk && <AddCopy api={api} titleId={title.titleId} added={(barcode) => { setDone(t('copyAdded', barcode)); detail.reload(); }} />}
        </>
      )}
    </section>
  );
}

function TitleForm({ api, title, saved }: { api: SchoolApi; title: TitleDetail | null; saved: (titleId: string) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const year = valueOf(form, 'publishedYear');
    const body = {
      title: valueOf(form, 'title'), authors: splitList(valueOf(form, 'authors')), isbn: valueOf(form, 'isbn') || null,
      publisher: valueOf(form, 'publisher') || null, publishedYear: year ? Number(year) : null,
      classification: valueOf(form, 'classification') || null, subjects: splitList(valueOf(form, 'subjects')),
      docType: valueOf(form, 'docType'), language: valueOf(form, 'language') || null,
    };
    const answer = title ? await api.put<unknown>('/titles/' + encodeURIComponent(title.titleId), body)
      : await api.post<{ titleId: string }>('/titles', body);
    if (!answer.ok) return setProblem(answer.problem);
    saved(title ? title.titleId : (answer.body as { titleId: string }).titleId);
  }

  return (
    <form class="title-form" onSubmit={submit}>
      <Field id="tf-title" label={t('titleField')}><input id="tf-title" name="title" required defaultValue={title?.title ?? ''} /></Field>
      <Field id="tf-authors" label={t('authorsHint')}><input id="tf-authors" name="authors" defaultValue={title?.authors.join('; ') ?? ''} /></Field>
      <Field id="tf-doctype" label={t('docType')}>
        <select id="tf-doctype" name="docType">
          {DOC_TYPES.map((d) => <option key={d} value={d} selected={d === (title?.docType ?? 'GENERAL')}>{t(d)}</option>)}
        </select>
      </Field>
      <Field id="tf-classification" label={t('shelf')}><input id="tf-classification" name="classification" defaultValue={title?.classification ?? ''} /></Field>
      <Field id="tf-isbn" label="ISBN"><input id="tf-isbn" name="isbn" defaultValue={title?.isbn ?? ''} /></Field>
      <Field id="tf-publisher" label={t('publisher')}><input id="tf-publisher" name="publisher" defaultValue={title?.publisher ?? ''} /></Field>
      <Field id="tf-year" label={t('year')}><input id="tf-year" name="publishedYear" inputMode="numeric" defaultValue={title?.publishedYear ?? ''} /></Field>
      <Field id="tf-subjects" label={t('subjectsHint')}><input id="tf-subjects" name="subjects" defaultValue={title?.subjects.join('; ') ?? ''} /></Field>
      <Field id="tf-language" label={t('languageCode')}><input id="tf-language" name="language" defaultValue={title?.language ?? 'vie'} /></Field>
      <ProblemNote problem={problem} />
      <button type="submit">{t('save')}</button>
    </form>
  );
}

/** A copy's own details, as `GET copies/{barcode}` gives them and `PUT copies/{barcode}` corrects them. */
interface CopyDetails {
  barcode: string;
  acquiredOn: string | null;
  source: string | null;
  price: number | null;
  loanable: boolean;
  callNumber: string | null;
}

/** A price as typed ("52.000" or "52000,5"), as the form of a new copy reads it. */
function typedPrice(form: HTMLFormElement): number | null {
  const price = valueOf(form, 'price').replace(/\./g, '').replace(',', '.');
  return price ? Number(price) : null;
}

function Copies({ api, title, desk, changed }: { api: SchoolApi; title: TitleDetail; desk: boolean; changed: (text: string) => void }) {
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [editing, setEditing] = useState<CopyDetails | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function edit(barcode: string) {
    const answer = await api.get<CopyDetails>('/copies/' + encodeURIComponent(barcode));
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setWithdrawing(null);
    setEditing(answer.body);
  }

  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const barcode = (editing as CopyDetails).barcode;
    const answer = await api.put<CopyDetails>('/copies/' + encodeURIComponent(barcode), {
      acquiredOn: valueOf(form, 'acquiredOn') || null, source: valueOf(form, 'source') || null, price: typedPrice(form),
      loanable: !(form.elements.namedItem('inLibrary') as HTMLInputElement).checked, callNumber: valueOf(form, 'callNumber') || null,
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setEditing(null);
    changed(t('copySaved', barcode));
  }

  async function withdraw(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const barcode = withdrawing as string;
    const answer = await api.post<unknown>('/copies/' + encodeURIComponent(barcode) + '/withdrawal', { reason: valueOf(form, 'reason') });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setWithdrawing(null);
    changed(t('copyWithdrawn', barcode));
  }

  return (
    <>
      <ProblemNote problem={problem} />
      <table class="copies">
        <thead><tr><th>{t('barcode')}</th><th>{t('status')}</th><th>{t('loanable')}</th>{desk && <th><span class="visually-hidden">{t('actions')}</span></th>}</tr></thead>
        <tbody>
          {title.copies.map((copy) => (
            <tr key={copy.barcode} data-barcode={copy.barcode}>
              <td>{copy.barcode}</td>
              <td>{t(copy.status as Key)}</td>
              <td>{copy.loanable ? t('yes') : t('inLibraryOnly')}</td>
              {desk && (
                <td>
                  {copy.status !== 'WITHDRAWN' && copy.status !== 'LOST' && editing?.barcode !== copy.barcode && (
                    <button type="button" class="secondary" aria-label={t('editCopyOf', copy.barcode)} onClick={() => edit(copy.barcode)}>{t('editCopy')}</button>
                  )}
                  {copy.status !== 'WITHDRAWN' && copy.status !== 'LOST' && withdrawing !== copy.barcode && (
                    <button type="button" class="secondary" onClick={() => { setEditing(null); setWithdrawing(copy.barcode); }}>{t('withdraw')}</button>
                  )}
                  {withdrawing === copy.barcode && (
                    <form class="inline-form" onSubmit={withdraw}>
                      <label for="withdraw-reason">{t('withdrawReason')}</label>
                      <input id="withdraw-reason" name="reason" required />
                      <button type="submit">{t('withdraw')}</button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <form class="inline-form copy-edit" onSubmit={save} key={editing.barcode}>
          <h3>{t('editCopyOf', editing.barcode)}</h3>
          <Field id="edit-acquired" label={t('acquiredOn')}><input id="edit-acquired" name="acquiredOn" type="date" defaultValue={editing.acquiredOn ?? ''} /></Field>
          <Field id="edit-source" label={t('source')}><input id="edit-source" name="source" defaultValue={editing.source ?? ''} /></Field>
          <Field id="edit-price" label={t('price')}><input id="edit-price" name="price" inputMode="decimal" defaultValue={editing.price === null ? '' : String(editing.price)} /></Field>
          <Field id="edit-call-number" label={t('callNumber')}><input id="edit-call-number" name="callNumber" defaultValue={editing.callNumber ?? ''} /></Field>
          <div class="check"><input id="edit-in-library" name="inLibrary" type="checkbox" defaultChecked={!editing.loanable} /><label for="edit-in-library">{t('inLibraryOnly')}</label></div>
          <button type="submit">{t('save')}</button>
          <button type="button" class="secondary" onClick={() => setEditing(null)}>{t('cancelEdit')}</button>
        </form>
      )}
    </>
  );
}

function AddCopy({ api, titleId, added }: { api: SchoolApi; titleId: string; added: (barcode: string) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const intakes = useLoaded(() => api.get<Paged<{ intakeId: string; receivedOn: string; documentNo: string | null; source: string }>>('/intakes?size=20'), [api]);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const barcode = valueOf(form, 'barcode');
    const answer = await api.post<{ barcode: string }>('/copies', {
      barcode, titleId, acquiredOn: valueOf(form, 'acquiredOn') || null, price: typedPrice(form),
      intakeId: valueOf(form, 'intakeId') || null, loanable: !(form.elements.namedItem('inLibrary') as HTMLInputElement).checked,
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    form.reset();
    added(barcode);
  }

  return (
    <section aria-labelledby="add-copy-heading">
      <h2 id="add-copy-heading">{t('addCopy')}</h2>
      <form class="inline-form" onSubmit={submit}>
        <Field id="copy-barcode" label={t('barcode')}><input id="copy-barcode" name="barcode" required autocomplete="off" /></Field>
        <Field id="copy-acquired" label={t('acquiredOn')}><input id="copy-acquired" name="acquiredOn" type="date" defaultValue={today()} /></Field>
        <Field id="copy-price" label={t('price')}><input id="copy-price" name="price" inputMode="decimal" /></Field>
        <Field id="copy-intake" label={t('intake')}>
          <select id="copy-intake" name="intakeId">
            <option value="">—</option>
            {(intakes.value?.items ?? []).map((i) => <option key={i.intakeId} value={i.intakeId}>{i.receivedOn} {i.documentNo ?? t(i.source as Key)}</option>)}
          </select>
        </Field>
        <div class="check"><input id="copy-in-library" name="inLibrary" type="checkbox" /><label for="copy-in-library">{t('inLibraryOnly')}</label></div>
        <button type="submit">{t('addCopy')}</button>
      </form>
      <ProblemNote problem={problem} />
    </section>
  );
}
