import '../dashboard/dashboard.css';
import { useEffect, useState } from 'preact/hooks';
import { Circular16Panel } from '../dashboard/Circular16Panel';
import { Downloads, LabelsForm, registerDocuments } from '../dashboard/Downloads';
import { Figure } from '../dashboard/Figure';
import type { Document } from '../dashboard/Downloads';
import { guarded, percent, read, schoolPath, schoolYearLabel, targetBar, todayInVietnam } from '../lib/dashboards';
import type { Circular16, Guarded, Period, SchoolMetrics, Target } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { language, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { follow } from '../lib/router';
import { useSignal } from '../lib/signal';
import { MetricHeads } from '../dashboard/MetricHeads';

const PERIODS: Period[] = ['WEEK', 'MONTH', 'SEMESTER', 'SCHOOL_YEAR'];

/**
 * The school administrator's view: the targets with their progress, the classes side by side for
 * a period, the Circular 16 evaluation with what is missing, and the reports to download.
 */
export default function SchoolDashboard({ schoolId }: { schoolId: string }) {
  const lang = useSignal(language);
  const [period, setPeriod] = useState<Period>('SEMESTER');
  const [metrics, setMetrics] = useState<SchoolMetrics | null>(null);
  const [targets, setTargets] = useState<Target[] | null>(null);
  const [schoolYear, setSchoolYear] = useState<string | null>(null);
  const [circular16, setCircular16] = useState<Guarded<Circular16>>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const today = todayInVietnam();
    read<SchoolMetrics>(schoolPath(schoolId, `/reading-metrics?period=${period}&on=${today}`), lang).then((answer) => {
      if (answer.ok) {
        setMetrics(answer.body);
        setProblem(null);
      } else {
        setMetrics(null);
        setProblem(answer.problem.detail ?? t('network'));
      }
    });
  }, [schoolId, period, lang]);

  useEffect(() => {
    const today = todayInVietnam();
    read<{ items: Target[] }>(schoolPath(schoolId, '/reading-targets'), lang).then((answer) => setTargets(answer.ok ? answer.body.items : []));
    read<SchoolMetrics>(schoolPath(schoolId, `/reading-metrics?period=SCHOOL_YEAR&on=${today}`), lang).then(async (year) => {
      if (!year.ok) {
        setCircular16({ state: 'unavailable' });
        return;
      }
      const label = schoolYearLabel(year.body.from, year.body.to);
      setSchoolYear(label);
      setCircular16(guarded(await read<Circular16>(schoolPath(schoolId, `/circular-16/${label}`), lang)));
    });
  }, [schoolId, lang]);

  const documents: Document[] = [
    { label: t('catalogueExport'), path: schoolPath(schoolId, '/catalogue/export?format=XLSX'), fileName: `muc-luc-${schoolId}.xlsx` },
    ...registerDocuments((rest) => schoolPath(schoolId, rest), schoolId),
    { label: t('semesterReport'), path: schoolPath(schoolId, '/reports/semester?format=PDF'), fileName: `bao-cao-hoc-ky-${schoolId}.pdf` },
  ];
  if (schoolYear) {
    documents.push({
      label: t('selfAssessment'), path: schoolPath(schoolId, `/circular-16/${schoolYear}/self-assessment?format=PDF`),
      fileName: `tu-danh-gia-${schoolId}-${schoolYear}.pdf`,
    });
  }

  return (
    <section class="dashboard school-dashboard">
      <h1>{metrics ? metrics.name : t('schoolDashboard')}</h1>

      <h2>{t('targetsHeading')}</h2>
      {!targets ? <p aria-busy="true">{t('loading')}</p> : targets.length === 0 ? <p class="muted">{t('noTargets')}</p> : (
        <ul class="targets">
          {targets.map((target) => <TargetLine key={target.targetId} target={target} />)}
        </ul>
      )}

      <h2>{t('classesCompared')}</h2>
      <label for="period">{t('periodLabel')}</label>
      <select id="period" value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as Period)}>
        {PERIODS.map((p) => <option key={p} value={p}>{t(('period_' + p) as Key)}</option>)}
      </select>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {metrics && (
        <>
          <p class="meta">
            <span>{formatDate(metrics.from)}–{formatDate(metrics.to)}</span>
            {metrics.asOf && <span>{t('asOf', formatDate(metrics.asOf))}</span>}
          </p>
          <ul class="figures">
            <Figure label="enrolledStudents" value={formatNumber(metrics.enrolledStudents)} />
            <Figure label="loansLabel" value={formatNumber(metrics.loans)} />
            <Figure label="activeReaderRate" value={percent(metrics.activeReaderRate)} />
            <Figure label="readingMinutesLabel" value={formatNumber(metrics.readingMinutes)} />
            <Figure label="overdueLoans" value={formatNumber(metrics.overdueLoans)} />
          </ul>
          <ClassesCompared metrics={metrics} />
        </>
      )}

      <h2>{t('circular16Heading', schoolYear ?? '')}</h2>
      <Circular16Panel evaluation={circular16} />

      <h2>{t('reportsHeading')}</h2>
      <Downloads documents={documents} />
      <LabelsForm schoolPath={(rest) => schoolPath(schoolId, rest)} />
    </section>
  );
}

function TargetLine({ target }: { target: Target }) {
  const bar = targetBar(target);
  const id = 'target-' + target.targetId;
  const rate = target.metric === 'ACTIVE_READER_RATE';
  const shown = (v: number | null) => (v === null ? '–' : rate ? percent(Number(v)) : formatNumber(Number(v), 1));
  return (
    <li class={'target ' + bar.state} data-target={target.targetId}>
      <span id={id} class="target-name">
        {t(('metric_' + target.metric) as Key)} · {t(('scope_' + target.scope) as Key, target.scopeId ?? '')} · {t(('period_' + target.period) as Key)}
      </span>
      <progress aria-labelledby={id} max={1} value={bar.filled} />
      <span class="target-figures">
        {t('targetValue', shown(target.value), shown(target.threshold))} · {percent(bar.filled)}
        {' · '}<strong class="target-state">{t(('target_' + bar.state) as Key)}</strong>
      </span>
    </li>
  );
}

function ClassesCompared({ metrics }: { metrics: SchoolMetrics }) {
  const classes = [...metrics.classes].sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi'));
  if (classes.length === 0) return <p class="muted">{t('noClasses')}</p>;
  const most = Math.max(1, ...classes.map((c) => c.loansPerStudent));
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('classesCompared')}>
      <table class="classes-compared">
        <MetricHeads first={t('klassHeader')} />
        <tbody>
          {classes.map((c) => (
            <tr key={c.classId} data-class={c.classId}>
              <th scope="row"><a href={`/dashboard/classes/${encodeURIComponent(c.classId)}`} onClick={follow}>{c.name}</a></th>
              <td>{formatNumber(c.enrolledStudents)}</td>
              <td>{formatNumber(c.loans)}</td>
              <td>
                <span class="bar" aria-hidden="true"><span style={{ width: `${(100 * c.loansPerStudent) / most}%` }} /></span>
                {formatNumber(c.loansPerStudent, 1)}
              </td>
              <td>{percent(c.activeReaderRate)}</td>
              <td>{formatNumber(c.readingMinutesPerStudent, 1)}</td>
              <td>{formatNumber(c.libraryPeriods)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
