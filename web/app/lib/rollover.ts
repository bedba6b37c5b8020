// The year's rollover as the page proposes it: each class of the year to a class of the next
// year (its grade and its name one up), the school level's last grade graduating. Kept apart
// from the page to be tested; the librarian corrects any proposal before confirming.

import { t } from './i18n';
import type { Key } from './i18n';
import type { Answer } from './schoolApi';
import type { Problem } from './session';

export type EducationLevel = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY';

/**
 * The year's rollover that stands (queued, running or done), as GET .../school-years/{schoolYear}/rollover
 * answers: a year is rolled over once, so the page shows it instead of offering another plan.
 */
export interface YearRollover {
  schoolYear: string;
  fromSchoolYear: string;
  importId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED';
  requestedAt: string;
  requestedBy: string;
  finishedAt: string | null;
  classesOpened: number;
  studentsMoved: number;
  studentsGraduated: number;
  /** the old year's classes the plan neither moved nor graduated (absent from rollovers stored before it was kept) */
  classesLeftOut?: LeftOutClass[];
}

/** A class of the old year a rollover left as it was, with the students who stayed in it. */
export interface LeftOutClass {
  classId: string;
  name: string;
  grade: number | null;
  students: number;
}

/** The classes a rollover left out, as the page names them: 7A (1), 8C (0); empty when it left none. */
export function leftOutWording(rollover: Pick<YearRollover, 'classesLeftOut'>): string {
  return (rollover.classesLeftOut ?? []).map((c) => `${c.name} (${c.students})`).join(', ');
}

/** The year asked about and its standing rollover, null when it has none yet (the API's 404 ROLLOVER_NOT_FOUND). */
export interface YearStanding {
  schoolYear: string;
  rollover: YearRollover | null;
}

/** How many students a rollover moves and graduates: said as done once it has succeeded, as to come while it runs. */
export function countsWording(rollover: Pick<YearRollover, 'status'>): Key {
  return rollover.status === 'SUCCEEDED' ? 'rolledOverCounts' : 'rolledOverCountsComing';
}

/** Whether the page keeps asking about a year's rollover: while it is queued or running, until it succeeds or stops standing. */
export function stillRunning(standing: YearStanding | null): boolean {
  return standing?.rollover != null && standing.rollover.status !== 'SUCCEEDED';
}

/** GET .../rollover's answer for a year: a year not rolled over is an answer too, not a problem to show. */
export function standingOf(schoolYear: string, answer: Answer<YearRollover>): Answer<YearStanding> {
  if (answer.ok) return { ok: true, status: answer.status, body: { schoolYear, rollover: answer.body } };
  if (answer.problem.code === 'ROLLOVER_NOT_FOUND') return { ok: true, status: 404, body: { schoolYear, rollover: null } };
  return answer;
}

/**
 * Whether the page offers a plan for `schoolYear`: only once the year is known to have no
 * standing rollover (not while asking, nor on the answer about another year the page showed before).
 */
export function offersPlan(standing: YearStanding | null, schoolYear: string | null): boolean {
  return standing !== null && standing.schoolYear === schoolYear && standing.rollover === null;
}

/** A class as GET .../classes lists it. */
export interface YearClass {
  classId: string;
  name: string;
  grade: number | null;
  schoolYear: string;
  enrolled: number;
  closedOn: string | null;
  /** of `enrolled`, those who joined the class after its year's last day (absent from an older API: none) */
  lateJoiners?: number;
}

/**
 * The students who joined a class of the year after its last day (most often this year's students
 * put into last year's classes), which the API's rollover refuses (ROLLOVER_LATE_JOINERS): how
 * many, and the classes as the page names them, 6A (6a): 2, 9A (9a): 1; null when there are none.
 */
export function lateJoiners(classes: YearClass[]): { students: number; classes: string } | null {
  const late = classes.filter((c) => (c.lateJoiners ?? 0) > 0);
  if (late.length === 0) return null;
  return {
    students: late.reduce((sum, c) => sum + (c.lateJoiners ?? 0), 0),
    classes: late.map((c) => `${c.name} (${c.classId}): ${c.lateJoiners}`).join(', '),
  };
}

/** A class of the year and where its students go: a class of the next year, or out of school (graduated). */
export interface ClassStep {
  fromClassId: string;
  fromName: string;
  fromGrade: number | null;
  enrolled: number;
  graduates: boolean;
  /** empty: the class is left as it is */
  toClassId: string;
  name: string;
  /** as typed: empty is sent as no grade, which the API refuses for a class it has to open */
  grade: string;
}

/** The last grade of each level (primary 1–5, lower secondary 6–9, upper secondary 10–12). */
const LAST_GRADE: Record<Exclude<EducationLevel, 'PRESCHOOL'>, number> = { PRIMARY: 5, LOWER_SECONDARY: 9, UPPER_SECONDARY: 12 };

/**
 * The grades that leave the school: the last grade of its highest level (a school of grades 1–9
 * sends its 5th grade on to the 6th). A preschool's groups have no grades to go up: none proposed.
 */
export function graduatingGrades(levels: EducationLevel[]): number[] {
  const last = levels.filter((level): level is keyof typeof LAST_GRADE => level in LAST_GRADE).map((level) => LAST_GRADE[level]);
  return last.length === 0 ? [] : [Math.max(...last)];
}

/** The school year after one: 2026-2027 → 2027-2028. */
export function nextSchoolYear(schoolYear: string): string {
  const first = Number(schoolYear.slice(0, 4));
  return `${first + 1}-${first + 2}`;
}

/** A grade that goes up a year: grades 1 to 11; a preschool group (0) and the 12th keep theirs. */
function advances(grade: number | null): grade is number {
  return grade !== null && grade >= 1 && grade < 12;
}

/**
 * A class's name with its grade advanced where the name starts with it, after an optional
 * "Lớp ": 6A → 7A, 9A10 → 10A10, Lớp 6A → Lớp 7A; Lá 1 and 12A stay.
 */
export function nextClassName(name: string, grade: number | null): string {
  const text = name.normalize('NFC').trim();
  const parts = /^(lớp\s+)?(\d+)(.*)$/iu.exec(text);
  if (!advances(grade) || !parts || parts[2] !== String(grade)) return text;
  return (parts[1] ?? '') + String(grade + 1) + parts[3];
}

/**
 * A class name as compared with another, as the API compares them: composed (NFC), without case
 * or doubled spaces; but its marks kept, for "Lá" and "La" are two names (and 6Đ and 6D two classes).
 */
function folded(name: string): string {
  return name.normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/**
 * The next year's class id, from its name and the year it starts (7A1 in 2027-2028 → 7a1-2027):
 * a class belongs to one year, so the year keeps the id apart from an earlier 7A1's. Letters lose
 * their diacritics; what a class id may not hold becomes '-'.
 */
export function nextClassId(name: string, toSchoolYear: string): string {
  const base = folded(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/[^a-z0-9._/-]+/g, '-').replace(/^-+|-+$/g, '');
  const suffix = '-' + toSchoolYear.slice(0, 4);
  return (base || 'lop').slice(0, 32 - suffix.length) + suffix;
}

/** An id not yet taken: the id itself, else with -2, -3… (within the 32 characters of a class id). */
function unique(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = id.slice(0, 32 - String(n).length - 1) + '-' + n;
  return candidate;
}

/**
 * One class's step: graduating, or to the next year's class of the name proposed: the class of
 * that name the next year already has (imported or opened by hand), else a new one whose id no
 * other step nor class of the next year holds (`taken`, which it joins).
 */
function proposal(c: YearClass, graduates: boolean, toSchoolYear: string, nextYear: YearClass[], taken: Set<string>): ClassStep {
  const from = { fromClassId: c.classId, fromName: c.name, fromGrade: c.grade, enrolled: c.enrolled, graduates };
  if (graduates) return { ...from, toClassId: '', name: '', grade: c.grade === null ? '' : String(c.grade) };
  const name = nextClassName(c.name, c.grade);
  const existing = nextYear.find((n) => !n.closedOn && folded(n.name) === folded(name));
  if (existing) return { ...from, toClassId: existing.classId, name: existing.name, grade: existing.grade === null ? '' : String(existing.grade) };
  const toClassId = unique(nextClassId(name, toSchoolYear), taken);
  taken.add(toClassId);
  const grade = advances(c.grade) ? c.grade + 1 : c.grade;
  return { ...from, toClassId, name, grade: grade === null ? '' : String(grade) };
}

/**
 * The proposal: every open class of the year, those of a graduating grade marked as graduating,
 * the others to the next year's class of the same name when it exists (`nextYear`, its classes).
 */
export function proposedSteps(classes: YearClass[], graduating: number[], toSchoolYear: string, nextYear: YearClass[] = []): ClassStep[] {
  const taken = new Set(nextYear.map((n) => n.classId));
  return classes.filter((c) => !c.closedOn)
    .map((c) => proposal(c, c.grade !== null && graduating.includes(c.grade), toSchoolYear, nextYear, taken));
}

/** The same steps after the graduating grades changed: a class whose grade now graduates, or no longer does. */
export function regraduate(steps: ClassStep[], graduating: number[], toSchoolYear: string, nextYear: YearClass[] = []): ClassStep[] {
  const graduates = (step: ClassStep) => step.fromGrade !== null && graduating.includes(step.fromGrade);
  const kept = steps.filter((step) => graduates(step) === step.graduates);
  const taken = new Set([...nextYear.map((n) => n.classId), ...moving(kept).map((s) => s.toClassId.trim())]);
  return steps.map((step) => graduates(step) === step.graduates ? step
    : proposal({ classId: step.fromClassId, name: step.fromName, grade: step.fromGrade, schoolYear: '', enrolled: step.enrolled, closedOn: null },
      graduates(step), toSchoolYear, nextYear, taken));
}

/**
 * The new class ids more than one class moves to under different names or grades, which the API
 * refuses. Classes merged into one new class of one name and grade are a school's choice: not listed.
 */
export function duplicateIds(steps: ClassStep[]): string[] {
  const byId = new Map<string, ClassStep[]>();
  for (const step of moving(steps)) byId.set(step.toClassId.trim(), [...(byId.get(step.toClassId.trim()) ?? []), step]);
  return [...byId.entries()]
    .filter(([, merged]) => new Set(merged.map((s) => folded(s.name))).size > 1 || new Set(merged.map((s) => s.grade.trim())).size > 1)
    .map(([id]) => id);
}

function moving(steps: ClassStep[]): ClassStep[] {
  return steps.filter((s) => !s.graduates && s.toClassId.trim());
}

export interface RolloverSummary {
  movingClasses: number;
  movingStudents: number;
  graduatingClasses: number;
  graduatingStudents: number;
  leftAlone: string[];
}

/** What the confirmation says will happen, counted from the class list (students enrolled today). */
export function summary(steps: ClassStep[]): RolloverSummary {
  const moved = moving(steps);
  const graduating = steps.filter((s) => s.graduates);
  return {
    movingClasses: moved.length,
    movingStudents: moved.reduce((sum, s) => sum + s.enrolled, 0),
    graduatingClasses: graduating.length,
    graduatingStudents: graduating.reduce((sum, s) => sum + s.enrolled, 0),
    leftAlone: steps.filter((s) => !s.graduates && !s.toClassId.trim()).map((s) => s.fromName),
  };
}

/**
 * The body of POST .../school-years/{schoolYear}/rollover: the classes moved (names NFC), the grades
 * graduating; a grade left empty goes as none (null), for the API to refuse rather than a grade 0.
 */
export function rolloverRequest(fromSchoolYear: string, graduating: number[], steps: ClassStep[]) {
  return {
    fromSchoolYear,
    graduatingGrades: [...graduating].sort((a, b) => a - b),
    classes: moving(steps).map((s) => ({
      fromClassId: s.fromClassId, toClassId: s.toClassId.trim(), name: s.name.normalize('NFC').trim(),
      grade: s.grade.trim() === '' ? null : Number(s.grade),
    })),
  };
}

/** The year a rollover starts from: the one holding today, else the last begun (the summer between two years), else the newest. */
export function currentSchoolYear(years: { schoolYear: string; startsOn: string; endsOn: string }[], today: string): string | null {
  const holding = years.find((y) => y.startsOn <= today && today <= y.endsOn);
  if (holding) return holding.schoolYear;
  const begun = [...years].filter((y) => y.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return begun[0]?.schoolYear ?? years[0]?.schoolYear ?? null;
}

/** The request's fields as the librarian knows them: a class's line by this year's class, and the column. */
const COLUMNS: Record<string, Key> = { fromClassId: 'thisYearClass', toClassId: 'nextClassId', name: 'nextClassName', grade: 'nextGrade' };

/**
 * A refusal of the plan as the page shows it: the API names a class's line by its place in the
 * request (classes[2].name), which the librarian never saw; the page names it by this year's class
 * and the column (6B – Tên lớp mới), for every message, whether or not it names its class itself.
 */
export function namedByRow(problem: Problem, steps: ClassStep[]): Problem {
  if (!problem.errors) return problem;
  const sent = moving(steps);
  return {
    ...problem,
    errors: problem.errors.map((e) => {
      const line = /^classes\[(\d+)\](?:\.(\w+))?$/.exec(e.field);
      const step = line ? sent[Number(line[1])] : undefined;
      if (line && step) return { ...e, field: line[2] && COLUMNS[line[2]] ? `${step.fromName} – ${t(COLUMNS[line[2]])}` : step.fromName };
      if (/^graduatingGrades(\[\d+\])?$/.test(e.field)) return { ...e, field: t('graduatingGrades') };
      if (e.field === 'fromSchoolYear') return { ...e, field: t('fromSchoolYear') };
      return e;
    }),
  };
}

/**
 * What the page does with the answer to its confirmation: follow the job it started; on
 * ROLLOVER_ALREADY_DONE (another rollover of the year came first) show that rollover instead of the
 * plan, for confirming again would be refused again; else show the refusal, its lines named.
 */
export type Confirmed = { follow: string } | { rolledOver: Problem } | { refused: Problem };

export function afterConfirm(answer: Answer<{ importId: string }>, steps: ClassStep[]): Confirmed {
  if (answer.ok) return { follow: answer.body.importId };
  if (answer.problem.code === 'ROLLOVER_ALREADY_DONE') return { rolledOver: answer.problem };
  return { refused: namedByRow(answer.problem, steps) };
}

/** One open loan a graduate still holds, as GET .../graduates/open-loans lists it. */
export interface HeldCopy {
  loanId: string;
  barcode: string;
  title: string;
  dueOn: string;
  overdue: boolean;
}

/** A student of the graduating grades (or graduated) who still holds books, with the class they leave from. */
export interface GraduateHolding {
  patronId: string;
  fullName: string;
  classId: string;
  className: string;
  loans: HeldCopy[];
}

/** GET .../school-years/{schoolYear}/graduates/open-loans: the graduates holding books, counted. */
export interface GraduatesHolding {
  schoolYear: string;
  grades: number[] | null;
  students: number;
  items: GraduateHolding[];
}

/**
 * The path (under the school) of the list of graduates who still hold books: before the rollover,
 * the plan's graduating grades; after it (grades null), the students it graduated, for the
 * rollover keeps no list of grades.
 */
export function graduatesHoldingPath(schoolYear: string, grades: number[] | null): string {
  const asked = grades === null ? '' : '?grades=' + [...grades].sort((a, b) => a - b).join(',');
  return `/school-years/${encodeURIComponent(schoolYear)}/graduates/open-loans${asked}`;
}

/**
 * What the list's heading line says: how many students still hold how many copies, as to leave
 * (before the rollover) or as left (after it); or that none does.
 */
export function graduatesHoldingWording(list: GraduatesHolding, rolledOver: boolean): { key: Key; values: number[] } {
  if (list.students === 0) return { key: rolledOver ? 'graduatesHoldingNoneAfter' : 'graduatesHoldingNone', values: [] };
  const copies = list.items.reduce((sum, g) => sum + g.loans.length, 0);
  return { key: rolledOver ? 'graduatesHoldingAfter' : 'graduatesHoldingBefore', values: [list.students, copies] };
}
