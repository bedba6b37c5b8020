import { useState } from 'preact/hooks';
import { Downloads } from '../dashboard/Downloads';
import type { Document } from '../dashboard/Downloads';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { formatsCarrying, JobProgress, statusWords, useJob, wording } from '../lib/jobs';
import type { ImportJob } from '../lib/jobs';
import { follow } from '../lib/router';
import type { SchoolApi } from '../lib/schoolApi';
import type { Problem } from '../lib/session';
import { Field, ProblemNote, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

const KINDS = ['CATALOGUE', 'PATRONS', 'CLASSES'] as const;

/**
 * Imports: a file sent (its options explained), its progress followed until it finishes or is
 * stopped, the rejected rows and the warnings, the report to mend them; the templates to fill
 * in; the whole catalogue exported for a school moving out.
 */
export default function Imports({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const past = useLoaded(() => api.get<{ items: ImportJob[] }>('/imports'), [api]);
  const followed = useJob(api, () => past.reload());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [kind, setKind] = useState<string>(KINDS[0]);
  const [format, setFormat] = useState('');
  // the formats that can bring in the kind chosen; none declared, the server recognises it from its first bytes
  const formats = formatsCarrying(kind);

  function chooseKind(chosen: string) {
    setKind(chosen);
    if (!formatsCarrying(chosen).includes(format)) setFormat('');
  }

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData();
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (file) data.append('file', file);
    data.append('kind', valueOf(form, 'kind'));
    data.append('dryRun', String((form.elements.namedItem('dryRun') as HTMLInputElement).checked));
    for (const name of ['format', 'barcodePrefix', 'copiesPerRecord']) {
      const value = valueOf(form, name);
      if (value) data.append(name, value);
    }
    const answer = await api.upload<{ importId: string }>('/imports', data);
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    followed.watch(answer.body.importId);
  }

  async function report(job: ImportJob) {
    const answer = await api.download(`/imports/${job.importId}/report?format=XLSX`, 'bao-cao-nhap.xlsx');
    setProblem(answer.ok ? null : answer.problem);
  }

  const job = followed.job;
  return (
    <section class="imports">
      <p><a href="/catalogue" onClick={follow}>← {t('catalogueStaff')}</a></p>
      <h1>{t('imports')}</h1>
      <form class="upload" onSubmit={submit}>
        <div class="kind-row">
          <Field id="import-kind" label={t('importKind')}>
            <select id="import-kind" name="kind" value={kind} onChange={(e) => chooseKind((e.currentTarget as HTMLSelectElement).value)}>
              {KINDS.map((k) => <option key={k} value={k}>{t(('import_' + k) as Key)}</option>)}
            </select>
          </Field>
          <Templates api={api} />
        </div>
        <Field id="import-file" label={t('importFile')}><input id="import-file" name="file" type="file" required accept={kind === 'CATALOGUE' ? '.csv,.xlsx,.mrc,.xml,.marc' : '.csv,.xlsx'} /></Field>
        <Field id="import-format" label={t('importFormat')}>
          <select id="import-format" name="format" aria-describedby="import-format-help" value={format}
            onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('format_AUTO')}</option>
            {formats.map((f) => <option key={f} value={f}>{t(('format_' + f) as Key)}</option>)}
          </select>
          <small id="import-format-help" class="hint">{t('importFormatHelp')}</small>
        </Field>
        <Field id="import-prefix" label={t('barcodePrefix')}><input id="import-prefix" name="barcodePrefix" aria-describedby="import-copies-help" /></Field>
        <Field id="import-copies" label={t('copiesPerRecord')}>
          <input id="import-copies" name="copiesPerRecord" inputMode="numeric" aria-describedby="import-copies-help" />
          <small id="import-copies-help" class="hint">{t('copiesHelp')}</small>
        </Field>
        <div>
          <div class="check"><input id="import-dry" name="dryRun" type="checkbox" aria-describedby="import-dry-help" /><label for="import-dry">{t('dryRun')}</label></div>
          <small id="import-dry-help" class="hint">{t('dryRunHelp')}</small>
        </div>
        <button type="submit">{t('startImport')}</button>
      </form>
      <ProblemNote problem={problem} />
      {job && <JobProgress key={job.importId} followed={followed} label={t('progress')} report={() => report(job)} />}
      <h2>{t('pastImports')}</h2>
      {past.value && (
        <table class="past-imports">
          <thead><tr><th>{t('importFile')}</th><th>{t('importKind')}</th><th>{t('status')}</th><th>{t('receivedOn')}</th><th>{t('importCounts')}</th></tr></thead>
          <tbody>
            {past.value.items.map((p) => (
              <tr key={p.importId}>
                <td><button type="button" class="link" onClick={() => followed.watch(p.importId)}>{p.fileName ?? t(('import_' + p.kind) as Key)}</button></td>
                <td>{t(('import_' + p.kind) as Key)}</td><td>{statusWords(p)}</td><td>{formatDate(p.requestedAt)}</td>
                <td>{t(wording(p).counts, formatNumber(p.created), formatNumber(p.updated), formatNumber(p.unchanged), formatNumber(p.rejected))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CatalogueExport api={api} />
    </section>
  );
}

/** The workbooks to fill in, one per kind of data, beside the kind chosen. */
function Templates({ api }: { api: SchoolApi }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  async function fetchTemplate(kind: string) {
    const answer = await api.download(`/api/v1/import-templates/${kind}.xlsx`, `mau-${kind.toLowerCase()}.xlsx`);
    setProblem(answer.ok ? null : answer.problem);
  }
  return (
    <div class="templates">
      <p>{t('templates')}:{' '}
        {KINDS.map((kind, i) => (
          <span key={kind}>{i > 0 && ' · '}<button type="button" class="link" onClick={() => fetchTemplate(kind)}>{t(('import_' + kind) as Key)}</button></span>
        ))}
      </p>
      <small class="hint">{t('templatesHelp')}</small>
      <ProblemNote problem={problem} />
    </div>
  );
}

/** The whole catalogue, copies included, as the other systems read it: fetched with the session's token. */
function CatalogueExport({ api }: { api: SchoolApi }) {
  const file = `kho-sach-${api.schoolId}`;
  const documents: Document[] = [
    { label: t('exportMarc21'), path: api.path('/catalogue/export?format=MARC21'), fileName: file + '.mrc' },
    { label: t('exportMarcxml'), path: api.path('/catalogue/export?format=MARCXML'), fileName: file + '.xml' },
    { label: t('exportXlsx'), path: api.path('/catalogue/export?format=XLSX'), fileName: file + '.xlsx' },
  ];
  return (
    <section class="catalogue-export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <p>{t('exportHelp')}</p>
      <Downloads documents={documents} />
    </section>
  );
}
