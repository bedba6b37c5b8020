import { describe, expect, it } from 'vitest';
import { currentSchoolYear, graduatingGrades, nextClassId, nextClassName, nextSchoolYear, proposedSteps, regraduate, rolloverRequest, summary } from './rollover';
import type { YearClass } from './rollover';

const klass = (classId: string, name: string, grade: number, enrolled = 30, closedOn: string | null = null): YearClass =>
  ({ classId, name, grade, schoolYear: '2026-2027', enrolled, closedOn });

describe('the grades a rollover graduates', () => {
  it('proposes the last grade of the school level', () => {
    expect(graduatingGrades(['PRIMARY'])).toEqual([5]);
    expect(graduatingGrades(['LOWER_SECONDARY'])).toEqual([9]);
    expect(graduatingGrades(['UPPER_SECONDARY'])).toEqual([12]);
  });

  it('proposes only the highest level’s last grade for a multi-level school, none for a preschool', () => {
    expect(graduatingGrades(['PRIMARY', 'LOWER_SECONDARY'])).toEqual([9]);
    expect(graduatingGrades(['LOWER_SECONDARY', 'UPPER_SECONDARY', 'PRESCHOOL'])).toEqual([12]);
    expect(graduatingGrades(['PRESCHOOL'])).toEqual([]);
    expect(graduatingGrades([])).toEqual([]);
  });
});

describe('the next year’s classes proposed', () => {
  it('advances the grade a name starts with', () => {
    expect(nextClassName('6A', 6)).toBe('7A');
    expect(nextClassName('6A1', 6)).toBe('7A1');
    expect(nextClassName('9A10', 9)).toBe('10A10');
    expect(nextClassName('11 Chuyên Toán', 11)).toBe('12 Chuyên Toán');
  });

  it('keeps a name that does not start with its grade, or starts with another number', () => {
    expect(nextClassName('Lá 1', 0)).toBe('Lá 1');
    expect(nextClassName('Lớp 6A', 6)).toBe('Lớp 6A');
    expect(nextClassName('12A', 1)).toBe('12A');
    expect(nextClassName('Chồi 2', 2)).toBe('Chồi 2');
    expect(nextClassName('12A', 12)).toBe('12A');
  });

  it('writes the NFC form of a name typed decomposed', () => {
    expect(nextClassName('6 Tiếng Việt'.normalize('NFD'), 6)).toBe('7 Tiếng Việt'.normalize('NFC'));
  });

  it('names the next class with the year it starts, without diacritics', () => {
    expect(nextClassId('7A1', '2027-2028')).toBe('7a1-2027');
    expect(nextClassId('12 Chuyên Đức', '2027-2028')).toBe('12-chuyen-duc-2027');
    expect(nextClassId('Lá 1', '2027-2028')).toBe('la-1-2027');
    expect(nextClassId('x'.repeat(40), '2027-2028')).toHaveLength(32);
    expect(nextClassId('7A1', '2027-2028')).toMatch(/^[A-Za-z0-9._/-]{1,32}$/);
  });

  it('follows the year with the next', () => {
    expect(nextSchoolYear('2026-2027')).toBe('2027-2028');
  });

  it('moves every open class a grade up and graduates the last grade', () => {
    const steps = proposedSteps([klass('6a1', '6A1', 6, 32), klass('9a1', '9A1', 9, 28), klass('6a9', '6A9', 6, 0, '2026-10-01')],
      [9], '2027-2028');
    expect(steps).toEqual([
      { fromClassId: '6a1', fromName: '6A1', fromGrade: 6, enrolled: 32, graduates: false, toClassId: '7a1-2027', name: '7A1', grade: 7 },
      { fromClassId: '9a1', fromName: '9A1', fromGrade: 9, enrolled: 28, graduates: true, toClassId: '', name: '', grade: 9 },
    ]);
  });

  it('keeps a preschool group’s grade and name, and the last grade’s when it is not graduating', () => {
    const [group, twelfth] = proposedSteps([klass('la1', 'Lá 1', 0), klass('12a', '12A', 12)], [], '2027-2028');
    expect(group).toMatchObject({ graduates: false, toClassId: 'la-1-2027', name: 'Lá 1', grade: 0 });
    expect(twelfth).toMatchObject({ graduates: false, toClassId: '12a-2027', name: '12A', grade: 12 });
  });

  it('proposes again when the graduating grades change', () => {
    const steps = proposedSteps([klass('5a', '5A', 5), klass('4a', '4A', 4)], [5], '2027-2028');
    expect(regraduate(steps, [], '2027-2028')[0]).toMatchObject({ graduates: false, toClassId: '6a-2027', name: '6A', grade: 6 });
    expect(regraduate(steps, [4, 5], '2027-2028')[1]).toMatchObject({ graduates: true, toClassId: '' });
    expect(regraduate(steps, [5], '2027-2028')).toEqual(steps);
  });
});

describe('what is confirmed and sent', () => {
  const steps = proposedSteps([klass('8a', '8A', 8, 30), klass('8b', '8B', 8, 31), klass('9a', '9A', 9, 29)], [9], '2027-2028');
  steps[1] = { ...steps[1], toClassId: '  ' };

  it('counts the classes and students moved and graduating, and the classes left alone', () => {
    expect(summary(steps)).toEqual({ movingClasses: 1, movingStudents: 30, graduatingClasses: 1, graduatingStudents: 29, leftAlone: ['8B'] });
  });

  it('sends the moved classes only, graduating classes by their grade', () => {
    expect(rolloverRequest('2026-2027', [9], steps)).toEqual({
      fromSchoolYear: '2026-2027', graduatingGrades: [9],
      classes: [{ fromClassId: '8a', toClassId: '9a-2027', name: '9A', grade: 9 }],
    });
  });
});

describe('the year a rollover starts from', () => {
  const years = [
    { schoolYear: '2027-2028', startsOn: '2027-09-05', endsOn: '2028-05-31' },
    { schoolYear: '2026-2027', startsOn: '2026-09-05', endsOn: '2027-05-31' },
  ];

  it('is the year holding today, else the last one begun, else the newest', () => {
    expect(currentSchoolYear(years, '2027-05-20')).toBe('2026-2027');
    expect(currentSchoolYear(years, '2027-07-15')).toBe('2026-2027');
    expect(currentSchoolYear(years, '2027-09-06')).toBe('2027-2028');
    expect(currentSchoolYear(years, '2026-01-01')).toBe('2027-2028');
    expect(currentSchoolYear([], '2026-01-01')).toBeNull();
  });
});
