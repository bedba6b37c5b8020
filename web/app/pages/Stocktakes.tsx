import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { DOC_TYPES, batchOf } from '../lib/lists';
import { follow, navigate } from '../lib/router';
import { cleanScan } from '../lib/scan';
import type { Problem } from '../lib/session';
import { Field, ProblemNote, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

interface StocktakeLine {
  stocktakeId: string;
  name: string;
  status: 'OPEN' | 'CLOSED';
  startedAt: string;
  closedAt: string | null;
  scanned: number;
}

interface Stocktake extends StocktakeLine {
  expected: number;
  found: number;
  onLoan: number;
  missing: { barcode: string; title: string }[];
  onLoanCopies: { barcode: string; title: string }[];
  unexpected: { barcode: string; title: string | null; reason: string }[];
}

interface ScanAnswer {
  scanned: number;
  unknown: string[];
  alreadyScanned: string[];
}

/** Stocktakes: those done and open, and a new one started (the whole collection, or some document types or a shelf). */
export function StocktakeList({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const list = useLoaded(() => api.get<{ items: StocktakeLine[] }>('/stocktakes'), [api]);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function start(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const docType = valueOf(form, 'docType');
    const prefix = valueOf(form, 'classificationPrefix');
    const answer = await api.post<{ stocktakeId: string }>('/stocktakes', {
      name: valueOf(form, 'name'),
      scope: docType || prefix ? { docTypes: docType ? [docType] : [], classificationPrefix: prefix || null } : null,
    });
    if (!answer.ok) return setProblem(answer.problem);
    navigate('/catalogue/stocktakes/' + answer.body.stocktakeId);
  }

  return (
    <section class="stocktakes">
      <p><a href="/catalogue" onClick={follow}>← {t('catalogueStaff')}</a></p>
      <h1>{t('stocktakes')}</h1>
      <form class="inline-form" onSubmit={start}>
        <Field id="st-name" label={t('stocktakeName')}><input id="st-name" name="name" required /></Field>
        <Field id="st-doctype" label={t('docType')}>
          <select id="st-doctype" name="docType"><option value="">{t('allDocTypes')}</option>{DOC_TYPES.map((d) => <option key={d} value={d}>{t(d)}</option>)}</select>
        </Field>
        <Field id="st-prefix" label={t('classificationPrefix')}><input id="st-prefix" name="classificationPrefix" /></Field>
        <button type="submit">{t('startStocktake')}</button>
      </form>
      <ProblemNote problem={problem ?? list.problem} />
      {list.value && (
        <table>
          <thead><tr><th>{t('stocktakeName')}</th><th>{t('status')}</th><th>{t('startedOn')}</th><th>{t('scannedCount')}</th></tr></thead>
          <tbody>
            {list.value.items.map((s) => (
              <tr key={s.stocktakeId}>
                <td><a href={`/catalogue/stocktakes/${s.stocktakeId}`} onClick={follow}>{s.name}</a></td>
                <td>{t(('stocktake_' + s.status) as Key)}</td><td>{formatDate(s.startedAt)}</td><td>{formatNumber(s.scanned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * One stocktake: the shelves scanned with a USB scanner into one field that keeps the focus;
 * codes pile up while a batch is on its way and go in the next one, so the scanner never waits.
 */
export default function StocktakePage({ schoolId, stocktakeId }: { schoolId: string; stocktakeId: string }) {
  const api = useSchoolApi(schoolId);
  const stocktake = useLoaded(() => api.get<Stocktake>('/stocktakes/' + encodeURIComponent(stocktakeId)), [api, stocktakeId]);
  const [problem, setProblem] = useState<Problem | null>(null);
  // what this screen's batches answered, gathered: an unknown code must not scroll away with the next batch
  const [unknown, setUnknown] = useState<string[]>([]);
  const [again, setAgain] = useState<string[]>([]);
  const [sent, setSent] = useState(0);
  const pending = useRef<string[]>([]);
  const sending = useRef(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => field.current?.focus(), [stocktake.value?.status]);

  async function flush() {
    if (sending.current || pending.current.length === 0) return;
    sending.current = true;
    const barcodes = batchOf(pending.current.splice(0));
    try {
      const answer = await api.post<ScanAnswer>(`/stocktakes/${encodeURIComponent(stocktakeId)}/scans`, { barcodes });
      if (!answer.ok) setProblem(answer.problem);
      else {
        setProblem(null);
        const { unknown: notOurs, alreadyScanned } = answer.body;
        setUnknown((known) => batchOf([...known, ...notOurs]));
        setAgain((seen) => batchOf([...seen, ...alreadyScanned]));
        setSent((n) => n + answer.body.scanned);
      }
    } finally {
      sending.current = false;
      if (pending.current.length > 0) flush();
      else stocktake.reload();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.currentTarget as HTMLInputElement;
    const code = cleanScan(input.value);
    input.value = '';
    if (!code) return;
    pending.current.push(code);
    flush();
  }

  async function close(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const markMissingAsLost = (form.elements.namedItem('markMissingAsLost') as HTMLInputElement).checked;
    const answer = await api.post<unknown>(`/stocktakes/${encodeURIComponent(stocktakeId)}/closing`, { markMissingAsLost });
    if (!answer.ok) return setProblem(answer.problem);
    stocktake.reload();
  }

  const s = stocktake.value;
  return (
    <section class="stocktake">
      <p><a href="/catalogue/stocktakes" onClick={follow}>← {t('stocktakes')}</a></p>
      <ProblemNote problem={problem ?? stocktake.problem} />
      {s && (
        <>
          <h1>{s.name} <span class="id">({t(('stocktake_' + s.status) as Key)})</span></h1>
          <dl class="facts findings">
            <dt>{t('expected')}</dt><dd>{formatNumber(s.expected)}</dd>
            <dt>{t('scannedCount')}</dt><dd class="scanned">{formatNumber(s.scanned)}</dd>
            <dt>{t('ON_LOAN')}</dt><dd>{formatNumber(s.onLoan)}</dd>
            <dt>{t('missing')}</dt><dd>{formatNumber(s.missing.length)}</dd>
          </dl>
          {s.status === 'OPEN' && (
            <div class="scan">
              <label for="stocktake-scan">{t('stocktakeScan')}</label>
              <input id="stocktake-scan" class="scan-field" ref={field} autocomplete="off" spellcheck={false} onKeyDown={onKeyDown} />
              <p class="help" aria-live="polite">
                {t('scannedHere', formatNumber(sent))}
                {unknown.length > 0 && ' · ' + t('unknownCodes', unknown.join(', '))}
                {again.length > 0 && ' · ' + t('alreadyScanned', again.join(', '))}
              </p>
            </div>
          )}
          <h2>{t('missing')} ({s.missing.length})</h2>
          <ul class="missing">{s.missing.map((c) => <li key={c.barcode}>{c.barcode} · {c.title}</li>)}</ul>
          {s.unexpected.length > 0 && (
            <>
              <h2>{t('unexpected')} ({s.unexpected.length})</h2>
              <ul class="unexpected">{s.unexpected.map((c) => <li key={c.barcode}>{[c.barcode, c.title, t(('unexpected_' + c.reason) as Key)].filter(Boolean).join(' · ')}</li>)}</ul>
            </>
          )}
          {s.status === 'OPEN' && (
            <form class="inline-form" onSubmit={close}>
              <div class="check"><input id="mark-lost" name="markMissingAsLost" type="checkbox" /><label for="mark-lost">{t('markMissingAsLost')}</label></div>
              <button type="submit">{t('closeStocktake')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
