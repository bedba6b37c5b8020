// The year's rollover as the page proposes it: each class of the year to a class of the next
// year (its grade and its name one up), the school level's last grade graduating. Kept apart
// from the page to be tested; the librarian corrects any proposal before confirming.

export type EducationLevel = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | 'UPPER_SECONDARY';

/** A class as GET .../classes lists it. */
export interface YearClass {
  classId: string;
  name: string;
  grade: number;
  schoolYear: string;
  enrolled: number;
  closedOn: string | null;
}

/** A class of the year and where its students go: a class of the next year, or out of school (graduated). */
export interface ClassStep {
  fromClassId: string;
  fromName: string;
  fromGrade: number;
  enrolled: number;
  graduates: boolean;
  /** empty: the class is left as it is */
  toClassId: string;
  name: string;
  grade: number;
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

/** A class's name with its grade advanced where the name starts with it: 6A → 7A, 9A10 → 10A10; Lá 1 and 12A stay. */
export function nextClassName(name: string, grade: number): string {
  const text = name.normalize('NFC').trim();
  const prefix = String(grade);
  if (grade < 1 || grade >= 12 || !text.startsWith(prefix) || /^\d/.test(text.slice(prefix.length))) return text;
  return String(grade + 1) + text.slice(prefix.length);
}

/**
 * The next year's class id, from its name and the year it starts (7A1 in 2027-2028 → 7a1-2027):
 * a class belongs to one year, so the year keeps the id apart from an earlier 7A1's. Letters lose
 * their diacritics; what a class id may not hold becomes '-'.
 */
export function nextClassId(name: string, toSchoolYear: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9._/-]+/g, '-').replace(/^-+|-+$/g, '');
  const suffix = '-' + toSchoolYear.slice(0, 4);
  return (base || 'lop').slice(0, 32 - suffix.length) + suffix;
}

/** The proposal: every open class of the year, those of a graduating grade marked as graduating. */
export function proposedSteps(classes: YearClass[], graduating: number[], toSchoolYear: string): ClassStep[] {
  return classes.filter((c) => !c.closedOn).map((c) => {
    const graduates = graduating.includes(c.grade);
    const grade = c.grade >= 1 && c.grade < 12 ? c.grade + 1 : c.grade;
    const name = nextClassName(c.name, c.grade);
    return {
      fromClassId: c.classId, fromName: c.name, fromGrade: c.grade, enrolled: c.enrolled, graduates,
      toClassId: graduates ? '' : nextClassId(name, toSchoolYear), name: graduates ? '' : name, grade: graduates ? c.grade : grade,
    };
  });
}

/** The same steps after the graduating grades changed: a class whose grade now graduates, or no longer does. */
export function regraduate(steps: ClassStep[], graduating: number[], toSchoolYear: string): ClassStep[] {
  return steps.map((step) => {
    const graduates = graduating.includes(step.fromGrade);
    if (graduates === step.graduates) return step;
    if (graduates) return { ...step, graduates, toClassId: '', name: '', grade: step.fromGrade };
    const [proposed] = proposedSteps([{ classId: step.fromClassId, name: step.fromName, grade: step.fromGrade, schoolYear: '',
      enrolled: step.enrolled, closedOn: null }], [], toSchoolYear);
    return proposed;
  });
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
  const moving = steps.filter((s) => !s.graduates && s.toClassId.trim());
  const graduating = steps.filter((s) => s.graduates);
  return {
    movingClasses: moving.length,
    movingStudents: moving.reduce((sum, s) => sum + s.enrolled, 0),
    graduatingClasses: graduating.length,
    graduatingStudents: graduating.reduce((sum, s) => sum + s.enrolled, 0),
    leftAlone: steps.filter((s) => !s.graduates && !s.toClassId.trim()).map((s) => s.fromName),
  };
}

/** The body of POST .../school-years/{schoolYear}/rollover: the classes moved (names NFC), the grades graduating. */
export function rolloverRequest(fromSchoolYear: string, graduating: number[], steps: ClassStep[]) {
  return {
    fromSchoolYear,
    graduatingGrades: [...graduating].sort((a, b) => a - b),
    classes: steps.filter((s) => !s.graduates && s.toClassId.trim()).map((s) => ({
      fromClassId: s.fromClassId, toClassId: s.toClassId.trim(), name: s.name.normalize('NFC').trim(), grade: s.grade,
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
