import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import { JobProgress, useJob } from '../lib/jobs';
import { follow } from '../lib/router';
import {
  afterConfirm, currentSchoolYear, duplicateIds, graduatesHoldingPath, graduatesHoldingWording, graduatingGrades, lateJoiners,
  nextSchoolYear, offersPlan, proposedSteps, regraduate, rolloverRequest, standingOf, stillRunning, summary,
} from '../lib/rollover';
import type { ClassStep, EducationLevel, GraduatesHolding, YearClass, YearRollover, YearStanding } from '../lib/rollover';
import { query } from '../lib/schoolApi';
import type { Answer, SchoolApi } from '../lib/schoolApi';
import type { Problem } from '../lib/session';
import { Field, ProblemNote, today, useFocusAfterRender, useLoaded, useSchoolApi } from '../lib/ui';
import { randomId } from '../lib/ids';
import RolledOver, { LeftOutNote } from './RolledOver';

interface SchoolYear {
  schoolYear: string;
  startsOn: string;
  endsOn: string;
}

/** The classes of a year and of the next, with the year they were asked for: an answer for an earlier choice is not this one's. */
interface YearsClasses {
  from: string;
  items: YearClass[];
  nextYear: YearClass[];
}

async function classesOf(api: SchoolApi, from: string): Promise<Answer<YearsClasses>> {
  const [these, next] = await Promise.all([
    api.get<{ items: YearClass[] }>('/classes' + query({ schoolYear: from })),
    api.get<{ items: YearClass[] }>('/classes' + query({ schoolYear: nextSchoolYear(from) })),
  ]);
  if (!these.ok) return these;
  if (!next.ok) return next;
  return { ok: true, status: 200, body: { from, items: these.body.items, nextYear: next.body.items } };
}

/**
 * The year's rollover (the school administrator's): this year's classes, each with the next
 * year's class proposed (grade and name one up), the last grade graduating; a summary to confirm,
 * then the job's progress and outcome.
 */
export default function Rollover({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const school = useLoaded(() => api.get<{ educationLevels: EducationLevel[] }>(''), [api]);
  const years = useLoaded(() => api.get<{ items: SchoolYear[] }>('/school-years'), [api]);
  const [from, setFrom] = useState<string | null>(null);
  useEffect(() => {
    if (from === null && years.value) setFrom(currentSchoolYear(years.value.items, today()));
  }, [years.value]);
  const classes = useLoaded<YearsClasses | null>(() => from === null ? Promise.resolve({ ok: true, body: null, status: 200 })
    : classesOf(api, from), [api, from]);
  // while another year's classes load, the last year's are still at hand: not shown as this one's
  const loaded = classes.value && classes.value.from === from ? classes.value : null;
  const to = from === null ? null : nextSchoolYear(from);
  // a year is rolled over once: asked before any plan is built, for the year the plan would fill
  const standing = useLoaded<YearStanding | null>(() => to === null ? Promise.resolve({ ok: true, body: null, status: 200 })
    : api.get<YearRollover>(`/school-years/${encodeURIComponent(to)}/rollover`).then((answer) => standingOf(to, answer)), [api, to]);
  const stands = standing.value && standing.value.schoolYear === to ? standing.value : null;
  // a rollover queued or running is asked about again until it has succeeded (or failed, and stands no more)
  const running = stillRunning(stands);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(standing.reload, 1000);
    return () => clearTimeout(timer);
  }, [running, stands]);

  return (
    <section class="rollover">
      <p><a href="/readers" onClick={follow}>← {t('readers')}</a></p>
      <h1>{t('rolloverHeading')}</h1>
      <p class="help">{t('rolloverHelp')}</p>
      <ProblemNote problem={school.problem ?? years.problem ?? classes.problem ?? standing.problem} />
      {years.value && from !== null && (
        <Field id="rollover-from" label={t('fromSchoolYear')}>
          <select id="rollover-from" value={from} onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}>
            {years.value.items.map((y) => <option key={y.schoolYear} value={y.schoolYear}>{y.schoolYear}</option>)}
          </select>
        </Field>
      )}
      {to && <p class="to-year">{t('toSchoolYear', to)}</p>}
      {to && years.value && !years.value.items.some((y) => y.schoolYear === to) && <p class="problem-text" role="note">{t('toYearNotScheduled', to)}</p>}
      {stands?.rollover && <RolledOver rollover={stands.rollover} />}
      {/* graduates' loans stay open: the year's end follow-up, as of now (books returned since are gone from it) */}
      {stands?.rollover?.status === 'SUCCEEDED' && (
        <GraduatesHoldingBooks schoolId={schoolId} schoolYear={stands.rollover.fromSchoolYear} grades={null} />
      )}
      {school.value && loaded && from && to && offersPlan(standing.value, to) && (
        <Plan key={from} schoolId={schoolId} from={from} to={to} classes={loaded.items} nextYear={loaded.nextYear}
          graduatingDefault={graduatingGrades(school.value.educationLevels)} onRolledOver={standing.reload}
          startsOn={years.value?.items.find((y) => y.schoolYear === to)?.startsOn ?? null} />
      )}
    </section>
  );
}

/**
 * The students of the graduating grades who still hold books, each copy with its barcode, title and
 * due date, the class linked to its roster. Before the rollover (grades: the plan's) it does not
 * stop it; after it (grades null) it lists the students it graduated.
 */
function GraduatesHoldingBooks({ schoolId, schoolYear, grades }: { schoolId: string; schoolYear: string; grades: number[] | null }) {
  const api = useSchoolApi(schoolId);
  const asked = graduatesHoldingPath(schoolYear, grades);
  const list = useLoaded<GraduatesHolding | null>(() => grades !== null && grades.length === 0
    ? Promise.resolve({ ok: true, body: null, status: 200 }) : api.get<GraduatesHolding>(asked), [api, asked]);
  if (list.problem) return <ProblemNote problem={list.problem} />;
  if (!list.value) return null;
  const wording = graduatesHoldingWording(list.value, grades === null);
  return (
    <section class="graduates-holding" aria-labelledby="graduates-holding-heading">
      <h2 id="graduates-holding-heading">{t('graduatesHoldingHeading')}</h2>
      <p class={list.value.students > 0 ? 'problem-text graduates-holding-count' : 'graduates-holding-count'} role="status">
        {t(wording.key, ...wording.values.map(formatNumber))}
      </p>
      {list.value.students > 0 && (
        <>
          {grades !== null && <p class="help">{t('graduatesHoldingHelp')}</p>}
          <table class="graduates-holding-list">
            <thead><tr><th>{t('graduatesHoldingStudent')}</th><th>{t('graduatesHoldingClass')}</th><th>{t('graduatesHoldingBarcode')}</th>
              <th>{t('graduatesHoldingTitle')}</th><th>{t('graduatesHoldingDue')}</th></tr></thead>
            <tbody>
              {list.value.items.flatMap((g) => g.loans.map((loan, i) => (
                <tr key={loan.loanId} data-patron={g.patronId}>
                  {i === 0 && <th scope="rowgroup" rowSpan={g.loans.length}>{g.fullName} <span class="id">({g.patronId})</span></th>}
                  {i === 0 && <td rowSpan={g.loans.length}>
                    <a href={`/readers/classes/${encodeURIComponent(g.classId)}`} onClick={follow}>{g.className}</a></td>}
                  <td>{loan.barcode}</td>
                  <td>{loan.title}</td>
                  <td>{formatDate(loan.dueOn)}{loan.overdue && <> <span class="overdue">({t('graduatesHoldingOverdue')})</span></>}</td>
                </tr>
              )))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Plan({ schoolId, from, to, classes, nextYear, graduatingDefault, startsOn, onRolledOver }: {
  schoolId: string; from: string; to: string; classes: YearClass[]; nextYear: YearClass[]; graduatingDefault: number[]; startsOn: string | null;
  /** another rollover of the year came first: the page asks for it, to show it instead of this plan */
  onRolledOver: () => void;
}) {
  const api = useSchoolApi(schoolId);
  const [graduating, setGraduating] = useState(graduatingDefault);
  const [steps, setSteps] = useState<ClassStep[]>(() => proposedSteps(classes, graduatingDefault, to, nextYear));
  /** the plan under review, with the one idempotency key its confirmations share; null while editing */
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const followed = useJob(api);
  const focusLater = useFocusAfterRender();
  const reviewing = reviewed !== null;
  const grades = [...new Set([...classes.filter((c) => !c.closedOn && c.grade !== null).map((c) => c.grade as number), ...graduatingDefault])]
    .sort((a, b) => a - b);

  function toggleGrade(grade: number, on: boolean) {
    const next = on ? [...graduating, grade] : graduating.filter((g) => g !== grade);
    setGraduating(next);
    setSteps(regraduate(steps, next, to, nextYear));
  }

  function review(on: boolean) {
    setReviewed(on ? randomId() : null);
    setProblem(null);
    focusLater(on ? 'rollover-summary-heading' : 'rollover-classes-help');
  }

  function edit(index: number, change: Partial<ClassStep>) {
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  }

  async function confirm() {
    if (busy || reviewed === null) return;
    setBusy(true);
    // one key per plan reviewed: confirmed again (its answer lost), the API starts no second rollover
    const answer = await api.post<{ importId: string }>(`/school-years/${encodeURIComponent(to)}/rollover`,
      rolloverRequest(from, graduating, steps), reviewed);
    setBusy(false);
    const next = afterConfirm(answer, steps);
    if ('follow' in next) {
      setProblem(null);
      return followed.watch(next.follow);
    }
    if ('rolledOver' in next) {
      // shown until the year's rollover is read back (and still, should it have stopped standing meanwhile)
      setProblem(next.rolledOver);
      return onRolledOver();
    }
    setProblem(next.refused);
  }

  if (followed.job) {
    const job = followed.job;
    return (
      <>
        <JobProgress followed={followed} label={t('rolloverProgress')} cancellable={false} />
        {job.status === 'SUCCEEDED' && <p class="done" role="status">{t('rolloverDone', to)}</p>}
        {job.status === 'SUCCEEDED' && <LeftOutNote classesLeftOut={job.classesLeftOut} />}
      </>
    );
  }
  if (classes.filter((c) => !c.closedOn).length === 0) return <p>{t('noClassesThisYear')}</p>;
  const counted = summary(steps);
  const repeated = duplicateIds(steps);
  // students put into this year's classes after its end: the API refuses the rollover until they are moved
  const late = lateJoiners(classes);
  return (
    <>
      {late && <p class="problem-text late-joiners" role="alert">{t('rolloverLateJoiners', formatNumber(late.students), from, late.classes, to)}</p>}
      <fieldset class="graduating-grades" disabled={reviewing} aria-describedby="graduating-help">
        <legend>{t('graduatingGrades')}</legend>
        {grades.map((grade) => (
          <div class="check" key={grade}>
            <input id={'graduates-' + grade} type="checkbox" checked={graduating.includes(grade)}
              onChange={(e) => toggleGrade(grade, (e.currentTarget as HTMLInputElement).checked)} />
            <label for={'graduates-' + grade}>{t('gradeN', grade)}</label>
          </div>
        ))}
        <small id="graduating-help" class="hint">{t('graduatingHelp')}</small>
      </fieldset>
      <GraduatesHoldingBooks schoolId={schoolId} schoolYear={from} grades={graduating} />
      <p id="rollover-classes-help" class="help" tabIndex={-1}>{t('rolloverClassesHelp')}</p>
      <table class="rollover-classes">
        <thead><tr><th>{t('thisYearClass')}</th><th>{t('students')}</th><th>{t('nextClassId')}</th><th>{t('nextClassName')}</th><th>{t('nextGrade')}</th></tr></thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={step.fromClassId} data-class={step.fromClassId}>
              <th scope="row">{step.fromName}{step.fromGrade !== null && <> <span class="id">({t('gradeN', step.fromGrade)})</span></>}</th>
              <td>{formatNumber(step.enrolled)}</td>
              {step.graduates ? <td colSpan={3} class="graduates">{t('graduates')}</td> : (
                <>
                  <td><input id={'to-id-' + step.fromClassId} aria-label={`${t('nextClassId')} ${step.fromName}`} value={step.toClassId} disabled={reviewing}
                    maxLength={32} onInput={(e) => edit(i, { toClassId: (e.currentTarget as HTMLInputElement).value })} /></td>
                  <td><input id={'to-name-' + step.fromClassId} aria-label={`${t('nextClassName')} ${step.fromName}`} value={step.name} disabled={reviewing}
                    maxLength={50} onInput={(e) => edit(i, { name: (e.currentTarget as HTMLInputElement).value })} /></td>
                  <td><input id={'to-grade-' + step.fromClassId} class="grade" aria-label={`${t('nextGrade')} ${step.fromName}`} value={step.grade}
                    disabled={reviewing} inputMode="numeric" type="number" min={0} max={12}
                    onInput={(e) => edit(i, { grade: (e.currentTarget as HTMLInputElement).value })} /></td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!reviewing && <button type="button" class="review-rollover" onClick={() => review(true)} disabled={late !== null}>{t('reviewRollover')}</button>}
      {reviewing && (
        <section class="rollover-summary" aria-labelledby="rollover-summary-heading">
          <h2 id="rollover-summary-heading" tabIndex={-1}>{t('rolloverSummary')}</h2>
          <ul>
            <li>{t('rolloverMoving', counted.movingClasses, to, formatNumber(counted.movingStudents))}{startsOn ? ` (${formatDate(startsOn)})` : ''}</li>
            {counted.graduatingClasses > 0 && <li>{t('rolloverGraduating', counted.graduatingClasses, formatNumber(counted.graduatingStudents))}</li>}
            {counted.leftAlone.length > 0 && <li>{t('rolloverLeftAlone', counted.leftAlone.join(', '))}</li>}
          </ul>
          {repeated.length > 0 && <p class="problem-text duplicate-ids" role="alert">{t('rolloverDuplicates', repeated.join(', '))}</p>}
          {/* the job accepted but not yet read back: why it is not shown */}
          <ProblemNote problem={problem ?? followed.problem} />
          <div class="actions">
            <button type="button" class="confirm-rollover" onClick={confirm} disabled={busy || repeated.length > 0 || late !== null}>{t('confirmRollover')}</button>
            <button type="button" class="secondary" onClick={() => review(false)} disabled={busy}>{t('editRollover')}</button>
          </div>
        </section>
      )}
    </>
  );
}
