import { useState } from 'preact/hooks';
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

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Documents to download. A link cannot carry the access token, so each is fetched with it and
 * handed to the browser as a file. A document this build does not serve yet (404) says so
 * where its button is, instead of failing.
 */
export function Downloads({ documents }: { documents: Document[] }) {
  const lang = useSignal(language);
  const [states, setStates] = useState<Record<string, { busy?: boolean; message?: string; problem?: boolean }>>({});

  async function download(document_: Document) {
    setStates((s) => ({ ...s, [document_.path]: { busy: true } }));
    try {
      const response = await api(document_.path, { language: lang });
      if (!response.ok) {
        const problem = await problemOf(response);
        const message = response.status === 404 && (problem.code === 'NOT_FOUND' || problem.code === 'HTTP_404')
          ? t('documentNotAvailable') : (problem.detail ?? problem.title ?? problem.code);
        setStates((s) => ({ ...s, [document_.path]: { message, problem: true } }));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = window.document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response, document_.fileName);
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStates((s) => ({ ...s, [document_.path]: { message: t('downloaded') } }));
    } catch {
      setStates((s) => ({ ...s, [document_.path]: { message: t('network'), problem: true } }));
    }
  }

  return (
    <ul class="downloads">
      {documents.map((document_) => {
        const state = states[document_.path] ?? {};
        return (
          <li key={document_.path}>
            <button type="button" class="secondary" disabled={state.busy} onClick={() => download(document_)}>{document_.label}</button>
            {state.message && <span class={state.problem ? 'note problem-text' : 'note'} role="status">{state.message}</span>}
          </li>
        );
      })}
    </ul>
  );
}
