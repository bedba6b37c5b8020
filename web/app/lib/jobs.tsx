// An import job (an import or the year's rollover) followed until it finishes: its progress,
// its rejected rows and warnings, stopping it while it runs (after a confirmation).
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from './format';
import { t } from './i18n';
import type { Key } from './i18n';
import { progressPercent } from './lists';
import type { SchoolApi } from './schoolApi';
import type { Problem } from './session';
import { ProblemNote } from './ui';

export interface Issue {
  record: number;
  row?: number;
  field?: string;
  code: string;
  message: string;
}

export interface ImportJob {
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

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function finished(job: ImportJob): boolean {
  return FINISHED.has(job.status);
}

export interface FollowedJob {
  job: ImportJob | null;
  problem: Problem | null;
  /** follows the job, asking for it until it finishes */
  watch: (importId: string) => void;
  /** asks the job to stop (DELETE), then follows it to its end */
  cancel: () => Promise<void>;
}

/** A job followed by asking for it every 400 ms until it finishes; `onFinished` once it has. */
export function useJob(api: SchoolApi, onFinished: (job: ImportJob) => void = () => {}): FollowedJob {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const polling = useRef<number | null>(null);
  const followed = useRef<string | null>(null);

  useEffect(() => () => {
    if (polling.current) clearTimeout(polling.current);
  }, []);

  function watch(importId: string) {
    if (polling.current) clearTimeout(polling.current);
    followed.current = importId;
    const poll = async () => {
      const answer = await api.get<ImportJob>('/imports/' + encodeURIComponent(importId));
      if (followed.current !== importId) return;
      if (!answer.ok) return setProblem(answer.problem);
      setProblem(null);
      setJob(answer.body);
      if (finished(answer.body)) onFinished(answer.body);
      else polling.current = window.setTimeout(poll, 400);
    };
    poll();
  }

  async function cancel() {
    if (!job) return;
    const answer = await api.delete('/imports/' + encodeURIComponent(job.importId));
    if (!answer.ok) return setProblem(answer.problem);
    watch(job.importId);
  }

  return { job, problem, watch, cancel };
}

/**
 * A job's progress bar, counts and issues; while it runs, a button to stop it that first asks
 * (what was imported stays). The report of a finished job with issues is `report`'s to fetch.
 */
export function JobProgress({ followed, label, report }: { followed: FollowedJob; label: string; report?: () => void }) {
  const { job } = followed;
  const [asking, setAsking] = useState(false);
  const [stopping, setStopping] = useState(false);
  if (!job) return <ProblemNote problem={followed.problem} />;
  const done = finished(job);
  // a job stopped or failed shows how far it went, not a full bar
  const percent = progressPercent(job.processed, job.total, job.status === 'SUCCEEDED');

  async function stop() {
    setAsking(false);
    setStopping(true);
    await followed.cancel();
  }

  return (
    <section class="import-job" aria-labelledby="job-heading" data-status={job.status}>
      <h2 id="job-heading">{job.fileName ?? t(('import_' + job.kind) as Key)} · <span class="job-status">{t(('status_' + job.status) as Key)}</span>{job.dryRun ? ' · ' + t('dryRun') : ''}</h2>
      <progress id="import-progress" max={100} value={percent} aria-label={label} />
      <p class="percent" aria-live="polite">{percent}% · {t('processedOf', formatNumber(job.processed), job.total === null ? '?' : formatNumber(job.total))}</p>
      <p class="summary">{t('importSummary', formatNumber(job.created), formatNumber(job.updated), formatNumber(job.unchanged), formatNumber(job.rejected))}</p>
      <ProblemNote problem={followed.problem} />
      {!done && !asking && !stopping && <button type="button" class="secondary cancel-import" onClick={() => setAsking(true)}>{t('cancelImport')}</button>}
      {!done && asking && (
        <div class="confirm-cancel" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question">{t('cancelImportQuestion')}</p>
          <button type="button" class="confirm-stop" onClick={stop}>{t('confirmCancel')}</button>{' '}
          <button type="button" class="secondary" onClick={() => setAsking(false)}>{t('keepRunning')}</button>
        </div>
      )}
      {!done && stopping && <p class="done" role="status">{t('cancelRequested')}</p>}
      {job.errors && job.errors.length > 0 && <Issues id="rejected" heading={t('rejectedRows')} issues={job.errors} />}
      {job.warnings && job.warnings.length > 0 && <Issues id="warnings" heading={t('warnings')} issues={job.warnings} />}
      {report && done && (job.rejected > 0 || (job.warnings?.length ?? 0) > 0) && <button type="button" class="download-report" onClick={report}>{t('downloadReport')}</button>}
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
