import { useState } from 'preact/hooks';
import { missingEndpoint } from '../lib/dashboards';
import { language, t } from '../lib/i18n';
import { api, problemOf } from '../lib/session';
import { useSignal } from '../lib/signal';

export interface Document {
  /** what the librarian reads on the button */
  label: string;
  /** the API path with its query, e.g. /api/v1/schools/th/registers/individual?format=XLSX */
  path: string;
  /** the file's name when the answer gives none */
  fileName: string;
}

/** The registers and the yearly statistics a school keeps (sổ đăng ký cá biệt, tổng quát; TT 18/2014), for its desk and its administrator alike. */
export function registerDocuments(schoolPath: (rest: string) => string, schoolId: string): Document[] {
  return [
    { label: t('individualRegister'), path: schoolPath('/registers/individual?format=XLSX'), fileName: `so-dang-ky-ca-biet-${schoolId}.xlsx` },
    { label: t('individualRegisterPdf'), path: schoolPath('/registers/individual?format=PDF'), fileName: `so-dang-ky-ca-biet-${schoolId}.pdf` },
    { label: t('generalRegister'), path: schoolPath('/registers/general?format=XLSX'), fileName: `so-dang-ky-tong-quat-${schoolId}.xlsx` },
    { label: t('generalRegisterPdf'), path: schoolPath('/registers/general?format=PDF'), fileName: `so-dang-ky-tong-quat-${schoolId}.pdf` },
    { label: t('statistics'), path: schoolPath('/statistics?format=XLSX'), fileName: `thong-ke-${schoolId}.xlsx` },
  ];
}

type Outcome = { busy?: boolean; message?: string; problem?: boolean };

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches a document with the access token (a link cannot carry it) and hands it to the browser
 * as a file. A document this build does not serve yet (404 for the route) says so; any other
 * refusal gives its problem detail's message.
 */
export async function download(document_: Document, lang: string): Promise<Outcome> {
  try {
    const response = await api(document_.path, { language: lang });
    if (!response.ok) {
      const problem = await problemOf(response);
      const missing = missingEndpoint({ ok: false, problem });
      return { message: missing ? t('documentNotAvailable') : (problem.detail ?? problem.title ?? problem.code), problem: true };
    }
    const url = URL.createObjectURL(await response.blob());
    const link = window.document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, document_.fileName);
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { message: t('downloaded') };
  } catch {
    return { message: t('network'), problem: true };
  }
}

export function OutcomeNote({ outcome }: { outcome: Outcome }) {
  return outcome.message ? <span class={outcome.problem ? 'note problem-text' : 'note'} role="status">{outcome.message}</span> : null;
}

/** Documents to download, one button each, with what came of the last click beside it. */
export function Downloads({ documents }: { documents: Document[] }) {
  const lang = useSignal(language);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});

  async function fetchOne(document_: Document) {
    setOutcomes((s) => ({ ...s, [document_.path]: { busy: true } }));
    const outcome = await download(document_, lang);
    setOutcomes((s) => ({ ...s, [document_.path]: outcome }));
  }

  return (
    <ul class="downloads">
      {documents.map((document_) => {
        const outcome = outcomes[document_.path] ?? {};
        return (
          <li key={document_.path}>
            <button type="button" class="secondary" disabled={outcome.busy} onClick={() => fetchOne(document_)}>{document_.label}</button>
            <OutcomeNote outcome={outcome} />
          </li>
        );
      })}
    </ul>
  );
}

/** Spine and barcode labels for a range of accession numbers (số ĐKCB), as a PDF of A4 sheets. */
export function LabelsForm({ schoolPath }: { schoolPath: (rest: string) => string }) {
  const lang = useSignal(language);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({});

  async function submit(event: Event) {
    event.preventDefault();
    setOutcome({ busy: true });
    const query = new URLSearchParams({ fromBarcode: from.trim(), toBarcode: to.trim(), format: 'PDF' });
    setOutcome(await download({ label: t('labels'), path: schoolPath('/labels?' + query), fileName: 'nhan-sach.pdf' }, lang));
  }

  return (
    <form class="labels-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('labels')}</legend>
        <label for="labels-from">{t('labelsFrom')}</label>
        <input id="labels-from" required maxLength={32} value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        <label for="labels-to">{t('labelsTo')}</label>
        <input id="labels-to" required maxLength={32} value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="secondary" disabled={outcome.busy}>{t('labelsDownload')}</button>
        <OutcomeNote outcome={outcome} />
      </fieldset>
    </form>
  );
}
