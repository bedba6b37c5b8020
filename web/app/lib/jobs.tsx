// An import job (an import or the year's rollover) followed until it finishes: its progress,
// its rejected rows and warnings, stopping it while it runs (after a confirmation).
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from './format';
import { t } from './i18n';
import type { Key } from './i18n';
import type { LeftOutClass } from './rollover';
import { progressPercent } from './lists';
import type { Answer, SchoolApi } from './schoolApi';
import type { Problem } from './session';
import { ProblemNote, useFocusAfterRender } from './ui';

export interface Issue {
  record: number;
  row?: number;
  field?: string;
  /** the column as the librarian's file names it: the template's header, or a MARC tag with its subfield */
  fieldLabel?: string;
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
  /** a rollover's: the old year's classes its plan neither moved nor graduated (one job's answer only) */
  classesLeftOut?: LeftOutClass[];
}

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function finished(job: ImportJob): boolean {
  return FINISHED.has(job.status);
}

/** The formats a file may be declared in for each kind: MARC describes titles and copies, not a roster. */
export function formatsCarrying(kind: string): string[] {
  return kind === 'CATALOGUE' ? ['MARC21', 'MARCXML', 'XLSX', 'CSV'] : ['XLSX', 'CSV'];
}

/** The answer that never came (the network down), shown as a refusal is. */
function unreachable(): Answer<never> {
  return { ok: false, problem: { status: 0, code: 'NETWORK', detail: t('network') } };
}

/**
 * Asks for a job every `every` ms until it finishes or a lookup fails. Each watch starts a new
 * round and `stop` ends the current one: an older round's answer still on its way is dropped, so
 * one round polls at a time and none outlives the page.
 */
export class JobPolling {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ask: (importId: string) => Promise<Answer<ImportJob>>,
    private readonly seen: (answer: Answer<ImportJob>) => void, private readonly every = 400) {}

  watch(importId: string) {
    const round = this.stop();
    const poll = async () => {
      const answer = await this.ask(importId).catch(unreachable);
      if (round !== this.generation) return;
      this.seen(answer);
      if (answer.ok && !finished(answer.body)) this.timer = setTimeout(poll, this.every);
    };
    void poll();
  }

  /** Ends the current round; the number of the round that may start next. */
  stop(): number {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return ++this.generation;
  }
}

export interface FollowedJob {
  job: ImportJob | null;
  problem: Problem | null;
  /** follows the job, asking for it until it finishes */
  watch: (importId: string) => void;
  /** asks the job to stop (DELETE), then follows it to its end; the refusal when it was refused */
  cancel: () => Promise<Problem | null>;
}

/** A job followed by asking for it every 400 ms until it finishes; `onFinished` once it has. */
export function useJob(api: SchoolApi, onFinished: (job: ImportJob) => void = () => {}): FollowedJob {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const finishing = useRef(onFinished);
  finishing.current = onFinished;
  const polling = useRef<JobPolling | null>(null);
  if (polling.current === null) {
    polling.current = new JobPolling((importId) => api.get<ImportJob>('/imports/' + encodeURIComponent(importId)), (answer) => {
      if (!answer.ok) return setProblem(answer.problem);
      setProblem(null);
      setJob(answer.body);
      if (finished(answer.body)) finishing.current(answer.body);
    });
  }
  const rounds = polling.current;
  useEffect(() => () => void rounds.stop(), []);

  async function cancel(): Promise<Problem | null> {
    if (!job) return null;
    const answer = await api.delete('/imports/' + encodeURIComponent(job.importId)).catch(unreachable);
    if (!answer.ok) return answer.problem;
    rounds.watch(job.importId);
    return null;
  }

  return { job, problem, watch: (importId) => rounds.watch(importId), cancel };
}

/** The column an issue is about as the librarian's file names it; the API's field name when no label came with it. */
export function issueColumn(issue: Pick<Issue, 'field' | 'fieldLabel'>): string {
  return issue.fieldLabel ?? issue.field ?? '';
}

/** A job's status as the history lists it: a dry run, which changed nothing, said as such. */
export function statusWords(job: Pick<ImportJob, 'status' | 'dryRun'>): string {
  const status = t(('status_' + job.status) as Key);
  return job.dryRun ? status + ' · ' + t('dryRunMark') : status;
}

/**
 * The words of a job's progress and issues: a rollover counts its steps (classes opened, students
 * moved or leaving, the old year's classes closed), a MARC file its records ("bản ghi"), a workbook its rows ("dòng").
 */
export function wording(job: Pick<ImportJob, 'kind' | 'format'>): { processed: Key; counts: Key; rejected: Key; place: Key } {
  // a rollover's records are the steps of its plan (a class opened, a student moved), not rows of a file
  if (job.kind === 'ROLLOVER') return { processed: 'rolloverProcessedOf', counts: 'rolloverCounts', rejected: 'rejectedSteps', place: 'step' };
  return job.format === 'MARC21' || job.format === 'MARCXML'
    ? { processed: 'processedOf', counts: 'importSummary', rejected: 'rejectedRecords', place: 'recordNumber' }
    : { processed: 'processedRowsOf', counts: 'importSummary', rejected: 'rejectedRows', place: 'row' };
}

/**
 * A job's progress bar, counts and issues; while it runs and when `cancellable`, a button to stop
 * it that first asks (what was imported stays). A rollover is not: stopped halfway, some of a
 * class's students would have moved and the others not. The report of a finished job with issues
 * is `report`'s to fetch.
 */
export function JobProgress({ followed, label, report, cancellable = true }: {
  followed: FollowedJob; label: string; report?: () => void; cancellable?: boolean;
}) {
  const { job } = followed;
  const [asking, setAsking] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [refused, setRefused] = useState<Problem | null>(null);
  const focusLater = useFocusAfterRender();
  if (!job) return <ProblemNote problem={followed.problem} />;
  const done = finished(job);
  // a job stopped or failed shows how far it went, not a full bar
  const percent = progressPercent(job.processed, job.total, job.status === 'SUCCEEDED');
  const words = wording(job);
  // a rollover is never offered a stop, wherever it is followed from (the imports' list too)
  const stoppable = cancellable && job.kind !== 'ROLLOVER';

  function ask(on: boolean) {
    setAsking(on);
    focusLater(on ? 'cancel-question' : 'cancel-import');
  }

  async function stop() {
    setAsking(false);
    setStopping(true);
    setRefused(null);
    focusLater('cancel-requested');
    const problem = await followed.cancel();
    if (problem) {
      // refused: the job goes on, and can be asked to stop again
      setStopping(false);
      setRefused(problem);
      focusLater('cancel-import');
    }
  }

  return (
    <section class="import-job" aria-labelledby="job-heading" data-status={job.status}>
      <h2 id="job-heading">{job.fileName ?? t(('import_' + job.kind) as Key)} · <span class="job-status">{t(('status_' + job.status) as Key)}</span>{job.dryRun ? ' · ' + t('dryRun') : ''}</h2>
      <progress id="import-progress" max={100} value={percent} aria-label={label} />
      <p class="percent" aria-live="polite">{percent}% · {t(words.processed, formatNumber(job.processed), job.total === null ? '?' : formatNumber(job.total))}</p>
      <p class="summary">{t(words.counts, formatNumber(job.created), formatNumber(job.updated), formatNumber(job.unchanged), formatNumber(job.rejected))}</p>
      <ProblemNote problem={followed.problem ?? refused} />
      {stoppable && !done && !asking && !stopping && <button type="button" id="cancel-import" class="secondary cancel-import" onClick={() => ask(true)}>{t('cancelImport')}</button>}
      {stoppable && !done && asking && (
        <div class="confirm-cancel" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question" tabIndex={-1}>{t(job.dryRun ? 'cancelDryRunQuestion' : 'cancelImportQuestion')}</p>
          <button type="button" class="confirm-stop" onClick={stop}>{t('confirmCancel')}</button>{' '}
          <button type="button" class="secondary" onClick={() => ask(false)}>{t('keepRunning')}</button>
        </div>
      )}
      {stoppable && !done && stopping && <p id="cancel-requested" class="done" role="status" tabIndex={-1}>{t('cancelRequested')}</p>}
      {job.errors && job.errors.length > 0 && <Issues id="rejected" heading={t(words.rejected)} place={words.place} issues={job.errors} />}
      {job.warnings && job.warnings.length > 0 && <Issues id="warnings" heading={t('warnings')} place={words.place} issues={job.warnings} />}
      {report && done && (job.rejected > 0 || (job.warnings?.length ?? 0) > 0) && <button type="button" class="download-report" onClick={report}>{t('downloadReport')}</button>}
    </section>
  );
}

function Issues({ id, heading, place, issues }: { id: string; heading: string; place: Key; issues: Issue[] }) {
  return (
    <>
      <h3 id={id + '-heading'}>{heading} ({issues.length})</h3>
      <table class={'issues ' + id} aria-labelledby={id + '-heading'}>
        <thead><tr><th>{t(place)}</th><th>{t('field')}</th><th>{t('message')}</th></tr></thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}><td>{issue.row ?? issue.record}</td><td>{issueColumn(issue)}</td><td>{issue.message}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
