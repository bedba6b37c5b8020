import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { progressPercent } from '../lib/lists';
import { follow } from '../lib/router';
import type { Problem } from '../lib/session';
import { Field, ProblemNote, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

interface Issue {
  record: number;
  row?: number;
  field?: string;
  code: string;
  message: string;
}

interface ImportJob {
  importId: string;
  kind: string;
  format: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  dryRun: boolean;
  fileName: string | null;
  requestedAt: string;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors?: Issue[];
  warnings?: Issue[];
}

const KINDS = ['CATALOGUE', 'PATRONS', 'CLASSES'] as const;
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Imports: a file sent, its progress followed until it finishes, the rejected rows and the warnings, the report to mend them. */
export default function Imports({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const past = useLoaded(() => api.get<{ items: ImportJob[] }>('/imports'), [api]);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const polling = useRef<number | null>(null);

  useEffect(() => () => {
    if (polling.current) clearTimeout(polling.current);
  }, []);

  function watch(importId: string) {
    const poll = async () => {
      const answer = await api.get<ImportJob>('/imports/' + encodeURIComponent(importId));
      if (!answer.ok) return setProblem(answer.problem);
      setJob(answer.body);
      if (FINISHED.has(answer.body.status)) past.reload();
      else polling.current = window.setTimeout(poll, 400);
    };
    poll();
  }

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData();
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (file) data.append('file', file);
    data.append('kind', valueOf(form, 'kind'));
    data.append('dryRun', String((form.elements.namedItem('dryRun') as HTMLInputElement).checked));
    const prefix = valueOf(form, 'barcodePrefix');
    const copies = valueOf(form, 'copiesPerRecord');
    if (prefix) data.append('barcodePrefix', prefix);
    if (copies) data.append('copiesPerRecord', copies);
    const answer = await api.upload<{ importId: string }>('/imports', data);
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setJob(null);
    watch(answer.body.importId);
  }

  return (
    <section class="imports">
      <p><a href="/catalogue" onClick={follow}>← {t('catalogueStaff')}</a></p>
      <h1>{t('imports')}</h1>
      <form class="upload" onSubmit={submit}>
        <Field id="import-kind" label={t('importKind')}>
          <select id="import-kind" name="kind">{KINDS.map((k) => <option key={k} value={k}>{t(('import_' + k) as Key)}</option>)}</select>
        </Field>
        <Field id="import-file" label={t('importFile')}><input id="import-file" name="file" type="file" required accept=".csv,.xlsx,.mrc,.xml,.marc" /></Field>
        <Field id="import-prefix" label={t('barcodePrefix')}><input id="import-prefix" name="barcodePrefix" /></Field>
        <Field id="import-copies" label={t('copiesPerRecord')}><input id="import-copies" name="copiesPerRecord" inputMode="numeric" /></Field>
        <div class="check"><input id="import-dry" name="dryRun" type="checkbox" /><label for="import-dry">{t('dryRun')}</label></div>
        <button type="submit">{t('startImport')}</button>
      </form>
      <p class="templates">{t('templates')}:{' '}
        {KINDS.map((kind) => (
          <button key={kind} type="button" class="link" onClick={() => api.download(`/api/v1/import-templates/${kind}.xlsx`, `mau-${kind.toLowerCase()}.xlsx`)}>
            {t(('import_' + kind) as Key)}
          </button>
        ))}
      </p>
      <ProblemNote problem={problem} />
      {job && <JobProgress job={job} download={() => api.download(`/imports/${job.importId}/report?format=XLSX`, 'bao-cao-nhap.xlsx')} />}
      <h2>{t('pastImports')}</h2>
      {past.value && (
        <table class="past-imports">
          <thead><tr><th>{t('importFile')}</th><th>{t('importKind')}</th><th>{t('status')}</th><th>{t('receivedOn')}</th><th>{t('importCounts')}</th></tr></thead>
          <tbody>
            {past.value.items.map((p) => (
              <tr key={p.importId}>
                <td><button type="button" class="link" onClick={() => watch(p.importId)}>{p.fileName ?? p.importId}</button></td>
                <td>{t(('import_' + p.kind) as Key)}</td><td>{t(('status_' + p.status) as Key)}</td><td>{formatDate(p.requestedAt)}</td>
                <td>{t('importSummary', formatNumber(p.created), formatNumber(p.updated), formatNumber(p.unchanged), formatNumber(p.rejected))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function JobProgress({ job, download }: { job: ImportJob; download: () => void }) {
  const finished = FINISHED.has(job.status);
  const percent = progressPercent(job.processed, job.total, finished);
  return (
    <section class="import-job" aria-labelledby="job-heading">
      <h2 id="job-heading">{job.fileName ?? job.importId} · {t(('status_' + job.status) as Key)}{job.dryRun ? ' · ' + t('dryRun') : ''}</h2>
      <progress id="import-progress" max={100} value={percent} aria-label={t('progress')} />
      <p class="percent" aria-live="polite">{percent}% · {t('processedOf', formatNumber(job.processed), job.total === null ? '?' : formatNumber(job.total))}</p>
      <p class="summary">{t('importSummary', formatNumber(job.created), formatNumber(job.updated), formatNumber(job.unchanged), formatNumber(job.rejected))}</p>
      {job.errors && job.errors.length > 0 && <Issues id="rejected" heading={t('rejectedRows')} issues={job.errors} />}
      {job.warnings && job.warnings.length > 0 && <Issues id="warnings" heading={t('warnings')} issues={job.warnings} />}
      {finished && (job.rejected > 0 || (job.warnings?.length ?? 0) > 0) && <button type="button" onClick={download}>{t('downloadReport')}</button>}
    </section>
  );
}

function Issues({ id, heading, issues }: { id: string; heading: string; issues: Issue[] }) {
  return (
    <>
      <h3 id={id + '-heading'}>{heading} ({issues.length})</h3>
      <table class={'issues ' + id} aria-labelledby={id + '-heading'}>
        <thead><tr><th>{t('row')}</th><th>{t('field')}</th><th>{t('message')}</th></tr></thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}><td>{issue.row ?? issue.record}</td><td>{issue.field}</td><td>{issue.message}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
