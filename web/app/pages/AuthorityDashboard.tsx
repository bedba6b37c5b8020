import '../dashboard/dashboard.css';
import { useEffect, useState } from 'preact/hooks';
import { AuthorityCircular16Panel } from '../dashboard/Circular16Panel';
import { Downloads } from '../dashboard/Downloads';
import { Figure } from '../dashboard/Figure';
import { InteropGroups } from '../dashboard/InteropGroups';
import { authorityPath, guarded, percent, read, schoolYearLabel, todayInVietnam } from '../lib/dashboards';
import type { AuthorityCircular16, AuthorityMetrics, GroupFigures, Guarded, InteropGroup, Period } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { language, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { useSignal } from '../lib/signal';
import { MetricHeads } from '../dashboard/MetricHeads';

const PERIODS: Period[] = ['WEEK', 'MONTH', 'SEMESTER', 'SCHOOL_YEAR'];

/**
 * An authority's view: its schools with their reading metrics for a period, their Circular 16
 * levels, the authority's report to download, and its liên thông groups.
 */
export default function AuthorityDashboard({ authorityId }: { authorityId: string }) {
  const lang = useSignal(language);
  const [period, setPeriod] = useState<Period>('SEMESTER');
  const [metrics, setMetrics] = useState<AuthorityMetrics | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [schoolYear, setSchoolYear] = useState<string | null>(null);
  const [circular16, setCircular16] = useState<Guarded<AuthorityCircular16>>({ state: 'loading' });
  const [groups, setGroups] = useState<Guarded<InteropGroup[]>>({ state: 'loading' });

  useEffect(() => {
    read<AuthorityMetrics>(authorityPath(authorityId, `/reading-metrics?period=${period}&on=${todayInVietnam()}`), lang).then((answer) => {
      setMetrics(answer.ok ? answer.body : null);
      setProblem(answer.ok ? null : answer.problem.detail ?? t('network'));
    });
  }, [authorityId, period, lang]);

  useEffect(() => {
    read<AuthorityMetrics>(authorityPath(authorityId, `/reading-metrics?period=SCHOOL_YEAR&on=${todayInVietnam()}`), lang).then(async (year) => {
      if (!year.ok || !year.body.from || !year.body.to) {
        setCircular16({ state: 'unavailable' });
        return;
      }
      const label = schoolYearLabel(year.body.from, year.body.to);
      setSchoolYear(label);
      setCircular16(guarded(await read<AuthorityCircular16>(authorityPath(authorityId, `/circular-16/${label}?format=JSON`), lang)));
    });
    read<{ items: InteropGroup[] }>(authorityPath(authorityId, '/interop-groups'), lang).then(async (answer) => {
      const shown = guarded(answer);
      if (shown.state !== 'shown') {
        setGroups(shown);
        return;
      }
      setGroups({ state: 'shown', body: shown.body.items });
      // each group's figures for this school year, shown once read; a group without them shows its schools only
      const withFigures = await Promise.all(shown.body.items.map(async (group) => {
        const figures = await read<GroupFigures>(authorityPath(authorityId, `/interop-groups/${group.groupId}/figures`), lang);
        return figures.ok ? { ...group, figures: figures.body } : group;
      }));
      setGroups({ state: 'shown', body: withFigures });
    });
  }, [authorityId, lang]);

  const schools = [...(metrics?.schools ?? [])].sort((a, b) => (a.name ?? a.schoolId).localeCompare(b.name ?? b.schoolId, 'vi'));

  return (
    <section class="dashboard authority-dashboard">
      <h1>{t('authorityDashboard', authorityId)}</h1>

      <h2>{t('schoolsHeading')}</h2>
      <label for="period">{t('periodLabel')}</label>
      <select id="period" value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as Period)}>
        {PERIODS.map((p) => <option key={p} value={p}>{t(('period_' + p) as Key)}</option>)}
      </select>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {metrics && (
        <>
          <p class="meta">
            {metrics.from && metrics.to && <span>{formatDate(metrics.from)}–{formatDate(metrics.to)}</span>}
            {metrics.asOf && <span>{t('asOf', formatDate(metrics.asOf))}</span>}
          </p>
          <ul class="figures">
            <Figure label="schoolCount" value={formatNumber(metrics.schools.length)} />
            <Figure label="enrolledStudents" value={formatNumber(metrics.enrolledStudents)} />
            <Figure label="loansLabel" value={formatNumber(metrics.loans)} />
            <Figure label="activeReaderRate" value={percent(metrics.activeReaderRate)} />
            <Figure label="readingMinutesLabel" value={formatNumber(metrics.readingMinutes)} />
          </ul>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t('schoolsHeading')}>
            <table class="schools">
              <MetricHeads first={t('school')} />
              <tbody>
                {schools.map((school) => (
                  <tr key={school.schoolId} data-school={school.schoolId}>
                    <th scope="row">{school.name ?? school.schoolId}</th>
                    {school.periodScheduled ? (
                      <>
                        <td>{formatNumber(school.enrolledStudents ?? 0)}</td>
                        <td>{formatNumber(school.loans ?? 0)}</td>
                        <td>{formatNumber(school.loansPerStudent ?? 0, 1)}</td>
                        <td>{percent(school.activeReaderRate ?? 0)}</td>
                        <td>{formatNumber(school.readingMinutesPerStudent ?? 0, 1)}</td>
                        <td>{formatNumber(school.libraryPeriods ?? 0)}</td>
                      </>
                    ) : <td colSpan={6} class="muted">{t('periodNotScheduled')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>{t('circular16Heading', schoolYear ?? '')}</h2>
      <AuthorityCircular16Panel evaluation={circular16} />
      {schoolYear && circular16.state === 'shown' && (
        <>
          <h3>{t('reportsHeading')}</h3>
          <Downloads documents={[
            { label: t('authorityReportXlsx'), path: authorityPath(authorityId, `/circular-16/${schoolYear}?format=XLSX`), fileName: `thong-tu-16-${authorityId}-${schoolYear}.xlsx` },
            { label: t('authorityReportPdf'), path: authorityPath(authorityId, `/circular-16/${schoolYear}?format=PDF`), fileName: `thong-tu-16-${authorityId}-${schoolYear}.pdf` },
          ]} />
        </>
      )}

      <h2>{t('interopHeading')}</h2>
      <InteropGroups groups={groups} />
    </section>
  );
}
