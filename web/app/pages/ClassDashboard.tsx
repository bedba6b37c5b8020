import '../dashboard/dashboard.css';
import { useEffect, useState } from 'preact/hooks';
import { Figure } from '../dashboard/Figure';
import { WeeklyChart } from '../dashboard/WeeklyChart';
import {
  addDays, byName, notBorrowed, percent, read, schoolPath, todayInVietnam, weeklySeries, weeksOf,
} from '../lib/dashboards';
import type { ClassMetrics, LibraryPeriod, ReadingEvent, WeeklySeries } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { bareClassName, language, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { useSignal } from '../lib/signal';

/** Weeks shown when the school has scheduled no semester holding today. */
const WEEKS_WITHOUT_SEMESTER = 8;

interface Loaded {
  semester: ClassMetrics | null;
  month: ClassMetrics;
  series: WeeklySeries;
  periods: LibraryPeriod[];
  events: ReadingEvent[];
}

/**
 * One class's reading over the semester, for its teacher: the weeks' loans, active readers and
 * minutes read, who has borrowed nothing this month, the class's library periods and reading
 * events. Every figure comes from the API, which answers a teacher for the classes they teach only:
 * another class's address shows the API's refusal, never its data.
 */
export default function ClassDashboard({ schoolId, classId }: { schoolId: string; classId: string }) {
  const lang = useSignal(language);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    (async () => {
      const base = schoolPath(schoolId, `/classes/${encodeURIComponent(classId)}/reading-metrics`);
      const today = todayInVietnam();
      const [semester, month] = await Promise.all([
        read<ClassMetrics>(`${base}?period=SEMESTER&on=${today}`, lang),
        read<ClassMetrics>(`${base}?period=MONTH&on=${today}`, lang),
      ]);
      if (!current) return;
      // the month always exists (no calendar needed): its refusal is the class's (not yours, not found)
      if (!month.ok) {
        setRefusal(month.problem.detail ?? month.problem.title ?? t('network'));
        return;
      }
      const from = semester.ok ? semester.body.from : addDays(today, -7 * (WEEKS_WITHOUT_SEMESTER - 1));
      const to = semester.ok ? semester.body.to : today;
      const weeks = weeksOf(from, to, today);
      const activity = `classId=${encodeURIComponent(classId)}&from=${from}&size=50`;
      const [weekly, periods, events] = await Promise.all([
        Promise.all(weeks.map((week) => read<ClassMetrics>(`${base}?period=WEEK&on=${week.from}`, lang))),
        read<{ items: LibraryPeriod[] }>(schoolPath(schoolId, `/library-periods?${activity}`), lang),
        read<{ items: ReadingEvent[] }>(schoolPath(schoolId, `/reading-events?${activity}`), lang),
      ]);
      if (!current) return;
      setRefusal(null);
      setLoaded({
        semester: semester.ok ? semester.body : null,
        month: month.body,
        series: weeklySeries(weeks, weekly.map((answer) => (answer.ok ? answer.body : null))),
        periods: periods.ok ? periods.body.items : [],
        events: events.ok ? events.body.items : [],
      });
    })();
    return () => {
      current = false;
    };
  }, [schoolId, classId, lang, round]);

  if (refusal) {
    return (
      <section class="dashboard">
        <h1>{t('classDashboardTitle', classId)}</h1>
        <p class="problem" role="alert">{refusal}</p>
      </section>
    );
  }
  if (!loaded) return <p aria-busy="true">{t('loading')}</p>;
  const { semester, month, series, periods, events } = loaded;
  const idle = notBorrowed(month.students);
  const name = month.name ?? classId;
  return (
    <section class="dashboard class-dashboard">
      <h1>{t('classDashboardTitle', bareClassName(name))}</h1>
      <p class="meta">
        {semester ? <span>{t('semesterSpan', formatDate(semester.from), formatDate(semester.to))}</span> : <span>{t('noSemester')}</span>}
        {month.asOf && <span>{t('asOf', formatDate(month.asOf))}</span>}
        <button type="button" class="secondary" onClick={() => setRound((r) => r + 1)}>{t('refresh')}</button>
      </p>

      <ul class="figures" aria-label={t('thisSemester')}>
        <Figure label="enrolledStudents" value={formatNumber((semester ?? month).enrolledStudents)} />
        <Figure label="loansLabel" value={formatNumber((semester ?? month).loans)} />
        <Figure label="activeReaderRate" value={percent((semester ?? month).activeReaderRate)} />
        <Figure label="readingMinutesLabel" value={formatNumber((semester ?? month).readingMinutes)} />
        <Figure label="libraryPeriodsLabel" value={formatNumber((semester ?? month).libraryPeriods)} />
      </ul>

      <h2>{t('weeklyHeading')}</h2>
      <WeeklyChart series={series} />

      <h2>{t('notBorrowedHeading', formatNumber(idle.length))}</h2>
      {idle.length === 0 ? <p class="muted">{t('everyoneBorrowed')}</p> : (
        <ul class="students not-borrowed">
          {idle.map((student) => <li key={student.patronId} data-patron={student.patronId}>{student.fullName ?? student.patronId}</li>)}
        </ul>
      )}

      <h2>{t('studentsHeading')}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('studentsHeading')}>
        <table class="students-table">
          <thead>
            <tr>
              <th scope="col">{t('student')}</th><th scope="col">{t('loansLabel')}</th>
              <th scope="col">{t('readingMinutesLabel')}</th><th scope="col">{t('libraryPeriodsAttended')}</th>
            </tr>
          </thead>
          <tbody>
            {byName((semester ?? month).students).map((student) => (
              <tr key={student.patronId} data-patron={student.patronId}>
                <th scope="row">{student.fullName ?? student.patronId}</th>
                <td>{formatNumber(student.loans)}</td>
                <td>{formatNumber(student.readingMinutes)}</td>
                <td>{formatNumber(student.libraryPeriodsAttended)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('libraryPeriodsHeading')}</h2>
      {periods.length === 0 ? <p class="muted">{t('noLibraryPeriods')}</p> : (
        <table class="periods">
          <thead><tr><th scope="col">{t('heldOn')}</th><th scope="col">{t('activity')}</th><th scope="col">{t('attendance')}</th></tr></thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period.periodId}>
                <td>{formatDate(period.heldOn)}</td>
                <td>{activityName(period.activity)}</td>
                <td>{formatNumber(period.attendees)}/{formatNumber(period.enrolledStudents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('readingEventsHeading')}</h2>
      {events.length === 0 ? <p class="muted">{t('noReadingEvents')}</p> : (
        <table class="events">
          <thead><tr><th scope="col">{t('eventName')}</th><th scope="col">{t('dates')}</th><th scope="col">{t('participants')}</th></tr></thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.eventId}>
                <td>{event.name}</td>
                <td>{formatDate(event.startsOn)}–{formatDate(event.endsOn)}</td>
                <td>{formatNumber(event.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function activityName(activity: string): string {
  const key = ('activity_' + activity) as Key;
  return t(key) || activity;
}

