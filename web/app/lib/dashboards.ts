// The dashboards' reading of the API: the answers' shapes (api.md "Reading-culture metrics",
// "Circular 16/2022 evaluation", "Liên thông") and the shaping the pages do before they draw.
import { formatNumber } from './format';
import { api, problemOf } from './session';
import type { Problem } from './session';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

export type Period = 'WEEK' | 'MONTH' | 'SEMESTER' | 'SCHOOL_YEAR';

/** The metrics every metrics answer carries among its own fields. */
export interface Metrics {
  loans: number;
  activeReaders: number;
  enrolledStudents: number;
  activeReaderRate: number;
  loansPerStudent: number;
  readingMinutes: number;
  readingMinutesPerStudent: number;
  libraryPeriods: number;
  libraryPeriodAttendanceRate: number;
  readingEventParticipants: number;
  overdueLoans: number;
  asOf: string | null;
}

export interface StudentLine {
  patronId: string;
  fullName: string | null;
  loans: number;
  readingMinutes: number;
  libraryPeriodsAttended: number;
  active: boolean;
}

export interface ClassMetrics extends Metrics {
  classId: string;
  name: string | null;
  period: Period;
  from: string;
  to: string;
  students: StudentLine[];
}

export interface SchoolMetrics extends Metrics {
  schoolId: string;
  name: string;
  period: Period;
  from: string;
  to: string;
  classes: ({ classId: string; name: string; grade: number } & Metrics)[];
}

export interface AuthorityMetrics extends Metrics {
  authorityId: string;
  period: Period;
  from: string | null;
  to: string | null;
  schools: ({ schoolId: string; name?: string | null; periodScheduled: boolean } & Partial<Metrics>)[];
}

export interface Target {
  targetId: string;
  metric: 'LOANS_PER_STUDENT' | 'ACTIVE_READER_RATE' | 'READING_MINUTES_PER_STUDENT' | 'LIBRARY_PERIODS_PER_CLASS';
  scope: 'SCHOOL' | 'GRADE' | 'CLASS';
  scopeId: string | null;
  period: Period;
  threshold: number;
  from: string | null;
  to: string | null;
  value: number | null;
  progress: number | null;
  expectedProgress: number | null;
  onTrack: boolean | null;
}

export interface LibraryPeriod {
  periodId: string;
  classId: string;
  heldOn: string;
  activity: string;
  attendees: number;
  enrolledStudents: number;
}

export interface ReadingEvent {
  eventId: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  classIds: string[];
  participants: number;
}

export type Level = 'NOT_MET' | 'LEVEL_1' | 'LEVEL_2';

export type EducationLevel = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY';

/** One criterion of Circular 16 (query-side EvaluationView.CriterionView; absent fields are null there). */
export interface Circular16Criterion {
  criterionId: string;
  text: string;
  textEn: string;
  source: 'COMPUTED' | 'DECLARED';
  /** the level that first requires it, at which {@code met} is judged */
  requiredFor: Level;
  value?: number;
  /** the level 1 threshold */
  threshold?: number;
  thresholdLevel2?: number;
  met: boolean;
  level: Level;
  evidence: string[];
  missing?: string;
}

/** A missing item in words, ready to read: "Bổ sung ít nhất 1 bản sách (…)". */
export interface Circular16MissingItem {
  criterionId: string;
  standard: number;
  text: string;
}

/** GET /schools/{schoolId}/circular-16/{schoolYear}: the query side's EvaluationView. */
export interface Circular16 {
  schoolId: string;
  schoolName: string;
  schoolYear: string;
  educationLevels: EducationLevel[];
  level: Level;
  standards: { standard: number; name: string; nameEn: string; level: Level; criteria: Circular16Criterion[] }[];
  /** the level the school is short of (null at level 2) and what it lacks for it */
  missingForNextLevel: { nextLevel: Level | null; items: Circular16MissingItem[] };
  thresholdsSetBy: string | null;
  computedAt: string;
}

/** Per education level (MULTI_LEVEL for schools of several), or for all of them (ALL): shares are percentages with one decimal. */
export interface Circular16LevelSummary {
  educationLevel: EducationLevel | 'MULTI_LEVEL' | 'ALL';
  name: string;
  schools: number;
  /** schools at level 1 exactly, not those at level 2 */
  level1: number;
  level1Share: number;
  level2: number;
  level2Share: number;
  notMet: number;
  notMetShare: number;
  /** the report's line: "Tiểu học: 28/30 trường (93,3%) mức độ 1; …" */
  summary: string;
}

/** GET /authorities/{authorityId}/circular-16/{schoolYear}: the query side's AuthorityReportView. */
export interface AuthorityCircular16 {
  authorityId: string;
  schoolYear: string;
  levels: Circular16LevelSummary[];
  total: Circular16LevelSummary;
  /** one line per school: its level and each standard's, in the standards' order */
  schools: { schoolId: string; name: string; educationLevels: EducationLevel[]; level: Level; standards: Level[] }[];
  computedAt: string;
}

/** A liên thông group as GET /authorities/{authorityId}/interop-groups lists it (query-side InteropGroupView). */
export interface InteropGroup {
  groupId: string;
  authorityId: string;
  name: string;
  sharing: 'CATALOGUE' | 'AVAILABILITY' | 'LENDING';
  schools: { schoolId: string; name: string }[];
  /** Read apart, per group, for the authority's dashboard. */
  figures?: GroupFigures;
}

/** A group's liên thông figures for a school year (GET .../interop-groups/{groupId}/figures). */
export interface GroupFigures {
  schoolYear: string;
  interlibraryLoansRequested: number;
  interlibraryLoansFulfilled: number;
  medianDaysToFulfil: number | null;
  rotations: number;
  copiesRotated: number;
  loansOfRotatedCopies: number;
}

/** The values of a group's figures line, in the order of the `groupFigures` text; the median only when there is one. */
export function groupFiguresValues(figures: GroupFigures): (string | number)[] {
  return [figures.schoolYear, figures.interlibraryLoansRequested, figures.interlibraryLoansFulfilled,
    figures.medianDaysToFulfil === null ? '–' : formatNumber(figures.medianDaysToFulfil),
    figures.rotations, figures.copiesRotated, figures.loansOfRotatedCopies];
}

export type Read<T> = { ok: true; body: T } | { ok: false; problem: Problem };

/** A GET of the API in the page's language; a refusal comes back as its problem detail. */
export async function read<T>(path: string, language: string): Promise<Read<T>> {
  try {
    const response = await api(path, { language });
    if (!response.ok) return { ok: false, problem: await problemOf(response) };
    return { ok: true, body: (await response.json()) as T };
  } catch {
    return { ok: false, problem: { status: 0, code: 'NETWORK' } };
  }
}

/**
 * An answer of an endpoint this build may not have yet (Circular 16, liên thông, some reports):
 * the API answers a signed-in caller 404 NOT_FOUND for a route it does not have, which means "not
 * available here"; a 404 with a code of its own (a school year not scheduled) is a refusal to show.
 */
export function missingEndpoint(answer: Read<unknown>): boolean {
  return !answer.ok && answer.problem.status === 404 && (answer.problem.code === 'NOT_FOUND' || answer.problem.code === 'HTTP_404');
}

/** What a page shows for such an endpoint: its answer, "not available here", or the refusal's message. */
export type Guarded<T> = { state: 'loading' } | { state: 'shown'; body: T } | { state: 'unavailable' } | { state: 'refused'; message: string };

export function guarded<T>(answer: Read<T>): Guarded<T> {
  if (answer.ok) return { state: 'shown', body: answer.body };
  if (missingEndpoint(answer)) return { state: 'unavailable' };
  return { state: 'refused', message: answer.problem.detail ?? answer.problem.title ?? answer.problem.code };
}

export function schoolPath(schoolId: string, rest = ''): string {
  return `/api/v1/schools/${encodeURIComponent(schoolId)}${rest}`;
}

export function authorityPath(authorityId: string, rest = ''): string {
  return `/api/v1/authorities/${encodeURIComponent(authorityId)}${rest}`;
}

// --- the school calendar's days, as the analytics count them (weeks Monday to Sunday, in Vietnam)

/** Today in the schools' time zone, as a contract date (YYYY-MM-DD). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

function day(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(day(date) + days * DAY_MS);
}

/** The Monday of the week a date is in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(day(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

export interface Week {
  from: string;
  to: string;
}

/**
 * The weeks of a semester (Monday to Sunday, as the analytics count them) that have begun by
 * {@code today}: the first is the week the semester starts in, the last the week of today or
 * the semester's last week, whichever is earlier. Weeks yet to come have nothing to show.
 */
export function weeksOf(from: string, to: string, today: string): Week[] {
  const last = mondayOf(today < to ? today : to);
  const weeks: Week[] = [];
  for (let monday = mondayOf(from); monday <= last; monday = addDays(monday, 7)) {
    weeks.push({ from: monday, to: addDays(monday, 6) });
  }
  return weeks;
}

/** One point per week for the class chart: loans, active readers and the minutes the school saw. */
export interface WeeklySeries {
  weeks: Week[];
  loans: (number | null)[];
  activeReaders: (number | null)[];
  readingMinutes: (number | null)[];
}

/** The weekly answers, in the order of the weeks; a week whose answer failed is unknown (null), not zero. */
export function weeklySeries(weeks: Week[], answers: (Metrics | null)[]): WeeklySeries {
  return {
    weeks,
    loans: answers.map((a) => (a ? a.loans : null)),
    activeReaders: answers.map((a) => (a ? a.activeReaders : null)),
    readingMinutes: answers.map((a) => (a ? a.readingMinutes : null)),
  };
}

/** Students by name as Vietnamese sorts it (Ân before Bình, Dương before Đỗ). */
export function byName(students: StudentLine[]): StudentLine[] {
  const collator = new Intl.Collator('vi');
  return [...students].sort((a, b) => collator.compare(a.fullName ?? a.patronId, b.fullName ?? b.patronId));
}

/** Students with no loan in the period, by name. */
export function notBorrowed(students: StudentLine[]): StudentLine[] {
  return byName(students.filter((student) => student.loans === 0));
}

/** A target's bar: how full (0 to 1) and how it stands; a target with no progress yet (no school year holds today) has no bar. */
export function targetBar(target: Target): { filled: number; state: 'onTrack' | 'behind' | 'reached' | 'unknown' } {
  if (target.progress === null || target.progress === undefined) return { filled: 0, state: 'unknown' };
  const filled = Math.max(0, Math.min(1, Number(target.progress)));
  if (filled >= 1) return { filled, state: 'reached' };
  return { filled, state: target.onTrack ? 'onTrack' : 'behind' };
}

/**
 * What a school lacks for its next Circular 16 level, by standard then in the evaluation's order,
 * with the criterion it belongs to (for its value against its threshold); none at level 2.
 */
export function missingForNextLevel(evaluation: Circular16): { item: Circular16MissingItem; criterion?: Circular16Criterion }[] {
  const criteria = new Map(evaluation.standards.flatMap((standard) => standard.criteria.map((c) => [c.criterionId, c] as const)));
  return evaluation.missingForNextLevel.items
    .map((item, order) => ({ item, order, criterion: criteria.get(item.criterionId) }))
    .sort((a, b) => a.item.standard - b.item.standard || a.order - b.order)
    .map(({ item, criterion }) => ({ item, criterion }));
}

/** The authority's schools at each level, with their shares (percentages), from the report's total. */
export function levelCounts(report: AuthorityCircular16): Record<Level, { schools: number; share: number }> {
  const total = report.total;
  return {
    LEVEL_2: { schools: total.level2, share: Number(total.level2Share) },
    LEVEL_1: { schools: total.level1, share: Number(total.level1Share) },
    NOT_MET: { schools: total.notMet, share: Number(total.notMetShare) },
  };
}

/** The label of a school year (2026-2027) from its first and last days, as the metrics answer for SCHOOL_YEAR gives them. */
export function schoolYearLabel(from: string, to: string): string {
  return `${from.slice(0, 4)}-${to.slice(0, 4)}`;
}

/** A rate (0..1) as a Vietnamese percentage: 0.455 as 45,5%. */
export function percent(rate: number, fractionDigits = 0): string {
  return formatNumber(Number((rate * 100).toFixed(fractionDigits)), fractionDigits === 0 ? undefined : fractionDigits) + '%';
}
