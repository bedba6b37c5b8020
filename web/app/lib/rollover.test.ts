import { describe, expect, it } from 'vitest';
import { language, t, translate } from './i18n';
import {
  currentSchoolYear, duplicateIds, graduatingGrades, nextClassId, nextClassName, nextSchoolYear, offersPlan, proposedSteps, regraduate,
  rolloverRequest, standingOf, summary, afterConfirm, countsWording, stillRunning, leftOutWording, lateJoiners,
  graduatesHoldingPath, graduatesHoldingWording,
} from './rollover';
import type { GraduatesHolding, YearClass, YearRollover } from './rollover';

const klass = (classId: string, name: string, grade: number | null, enrolled = 30, closedOn: string | null = null, schoolYear = '2026-2027'): YearClass =>
  ({ classId, name, grade, schoolYear, enrolled, closedOn });

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

  it('advances a name written with “Lớp ” before its grade, in any case', () => {
    expect(nextClassName('Lớp 6A', 6)).toBe('Lớp 7A');
    expect(nextClassName('lớp  9A10', 9)).toBe('lớp  10A10');
    expect(nextClassName('LỚP 5B', 5)).toBe('LỚP 6B');
    expect(nextClassName('Lớp 12A', 1)).toBe('Lớp 12A');
    expect(nextClassName('Lớp Lá', 0)).toBe('Lớp Lá');
  });

  it('keeps a name that does not start with its grade, or starts with another number', () => {
    expect(nextClassName('Lá 1', 0)).toBe('Lá 1');
    expect(nextClassName('12A', 1)).toBe('12A');
    expect(nextClassName('Chồi 2', 2)).toBe('Chồi 2');
    expect(nextClassName('12A', 12)).toBe('12A');
    expect(nextClassName('6A', null)).toBe('6A');
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
      { fromClassId: '6a1', fromName: '6A1', fromGrade: 6, enrolled: 32, graduates: false, toClassId: '7a1-2027', name: '7A1', grade: '7' },
      { fromClassId: '9a1', fromName: '9A1', fromGrade: 9, enrolled: 28, graduates: true, toClassId: '', name: '', grade: '9' },
    ]);
  });

  it('keeps a preschool group’s grade and name, and the last grade’s when it is not graduating', () => {
    const [group, twelfth] = proposedSteps([klass('la1', 'Lá 1', 0), klass('12a', '12A', 12)], [], '2027-2028');
    expect(group).toMatchObject({ graduates: false, toClassId: 'la-1-2027', name: 'Lá 1', grade: '0' });
    expect(twelfth).toMatchObject({ graduates: false, toClassId: '12a-2027', name: '12A', grade: '12' });
  });

  it('proposes again when the graduating grades change', () => {
    const steps = proposedSteps([klass('5a', '5A', 5), klass('4a', '4A', 4)], [5], '2027-2028');
    expect(regraduate(steps, [], '2027-2028')[0]).toMatchObject({ graduates: false, toClassId: '6a-2027', name: '6A', grade: '6' });
    expect(regraduate(steps, [4, 5], '2027-2028')[1]).toMatchObject({ graduates: true, toClassId: '' });
    expect(regraduate(steps, [5], '2027-2028')).toEqual(steps);
  });

  it('proposes the next year’s class of the same name when it exists, by its id', () => {
    const nextYear = [klass('lop-7a-moi', '7a', 7, 3, null, '2027-2028'), klass('7-tieng-duc', '7 Tiếng Đức', 7, 0, null, '2027-2028')];
    const steps = proposedSteps([klass('6a', '6A', 6), klass('6b', '6B', 6), klass('6d', '6 tiếng Đức'.normalize('NFD'), 6)], [9], '2027-2028', nextYear);
    expect(steps[0]).toMatchObject({ toClassId: 'lop-7a-moi', name: '7a', grade: '7' });
    expect(steps[1]).toMatchObject({ toClassId: '7b-2027', name: '7B', grade: '7' });
    expect(steps[2]).toMatchObject({ toClassId: '7-tieng-duc', name: '7 Tiếng Đức' });
  });

  it('tells 6Đ from 6D: the next year’s 7D is 6D’s, not 6Đ’s', () => {
    const nextYear = [klass('7d-rieng', '7D', 7, 0, null, '2027-2028')];
    const steps = proposedSteps([klass('6dd', '6Đ', 6), klass('6d', '6D', 6)], [], '2027-2028', nextYear);
    expect(steps[0]).toMatchObject({ name: '7Đ', toClassId: '7d-2027' });
    expect(steps[1]).toMatchObject({ name: '7D', toClassId: '7d-rieng' });
    expect(duplicateIds(steps)).toEqual([]);
  });

  it('never proposes one new id for two classes, nor the id of a next year’s class of another name', () => {
    const nextYear = [klass('7c-2027', 'Lớp chọn', 7, 0, null, '2027-2028')];
    const steps = proposedSteps([klass('6d', '6D', 6), klass('6dd', '6Đ', 6), klass('6c', '6C', 6)], [], '2027-2028', nextYear);
    expect(steps.map((s) => s.toClassId)).toEqual(['7d-2027', '7d-2027-2', '7c-2027-2']);
    expect(duplicateIds(steps)).toEqual([]);
    const back = regraduate(regraduate(steps, [6], '2027-2028', nextYear), [], '2027-2028', nextYear);
    expect(new Set(back.map((s) => s.toClassId)).size).toBe(3);
  });

  it('names the new ids that more than one class moves to', () => {
    const steps = proposedSteps([klass('6a', '6A', 6), klass('6b', '6B', 6), klass('6c', '6C', 6), klass('9a', '9A', 9)], [9], '2027-2028');
    steps[1] = { ...steps[1], toClassId: ' 7a-2027 ' };
    expect(duplicateIds(steps)).toEqual(['7a-2027']);
    steps[1] = { ...steps[1], toClassId: '' };
    expect(duplicateIds(steps)).toEqual([]);
  });

  it('judges merged names as the API does: tone marks make another name, case and spaces do not', () => {
    const steps = proposedSteps([klass('6a', '6A Hồng', 6), klass('6b', '6B Hồng', 6)], [9], '2027-2028');
    steps[1] = { ...steps[1], toClassId: steps[0].toClassId, name: '7A Hong' };
    expect(duplicateIds(steps)).toEqual([steps[0].toClassId]);
    steps[1] = { ...steps[1], name: ' 7a  hồng'.normalize('NFD') };
    expect(duplicateIds(steps)).toEqual([]);
  });

  it('proposes the next year’s class only of the same name, tone marks included', () => {
    const nextYear = [klass('la-2027', 'La', 0, 0, null, '2027-2028')];
    const [step] = proposedSteps([klass('la1', 'Lá', 0)], [], '2027-2028', nextYear);
    expect(step).toMatchObject({ name: 'Lá', toClassId: 'la-2027-2' });
  });

  it('lets two classes merge into one new class of one name and grade, as schools do', () => {
    const steps = proposedSteps([klass('6a', '6A', 6), klass('6b', '6B', 6)], [9], '2027-2028');
    steps[1] = { ...steps[1], toClassId: '7a-2027', name: '7a ', grade: '7' };
    expect(duplicateIds(steps)).toEqual([]);
    steps[1] = { ...steps[1], grade: '8' };
    expect(duplicateIds(steps)).toEqual(['7a-2027']);
  });

  it('keeps a class without a grade without one', () => {
    const [step] = proposedSteps([klass('cl', 'Câu lạc bộ', null)], [9], '2027-2028');
    expect(step).toMatchObject({ graduates: false, name: 'Câu lạc bộ', grade: '' });
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

  it('sends a grade left empty as none, not as grade 0', () => {
    const emptied = [{ ...steps[0], grade: ' ' }];
    expect(rolloverRequest('2026-2027', [9], emptied).classes[0].grade).toBeNull();
    expect(rolloverRequest('2026-2027', [9], [{ ...steps[0], grade: '0' }]).classes[0].grade).toBe(0);
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

describe('a year already rolled over', () => {
  const done: YearRollover = {
    schoolYear: '2027-2028', fromSchoolYear: '2026-2027', importId: '01a2', status: 'SUCCEEDED', requestedAt: '2027-06-01T02:00:00Z',
    requestedBy: 'hieu-truong', finishedAt: '2027-06-01T02:00:05Z', classesOpened: 3, studentsMoved: 61, studentsGraduated: 30,
  };

  it('is shown instead of a plan: no plan, so no confirmation, is offered for it', () => {
    const standing = standingOf('2027-2028', { ok: true, status: 200, body: done });
    expect(standing).toEqual({ ok: true, status: 200, body: { schoolYear: '2027-2028', rollover: done } });
    expect(offersPlan(standing.ok ? standing.body : null, '2027-2028')).toBe(false);
  });

  it('is not a problem when the year has no rollover yet: the plan is offered', () => {
    const standing = standingOf('2027-2028', { ok: false, problem: { status: 404, code: 'ROLLOVER_NOT_FOUND' } });
    expect(standing).toEqual({ ok: true, status: 404, body: { schoolYear: '2027-2028', rollover: null } });
    expect(offersPlan(standing.ok ? standing.body : null, '2027-2028')).toBe(true);
  });

  it('offers no plan while the year is asked about, nor on the answer about another year', () => {
    expect(offersPlan(null, '2027-2028')).toBe(false);
    expect(offersPlan({ schoolYear: '2026-2027', rollover: null }, '2027-2028')).toBe(false);
  });

  it('leaves any other refusal a problem to show', () => {
    const refused = { ok: false as const, problem: { status: 403, code: 'ACCESS_DENIED' } };
    expect(standingOf('2027-2028', refused)).toBe(refused);
  });
});

describe('the answer to a confirmed plan', () => {
  const steps = proposedSteps([klass('6a', '6A', 6), klass('9a', '9A', 9), klass('6b', '6B Hồng', 6)], [9], '2027-2028');

  it('follows the job it started', () => {
    expect(afterConfirm({ ok: true, status: 202, body: { importId: 'j1' } }, steps)).toEqual({ follow: 'j1' });
  });

  it('names each refused line by this year’s class and its column, whatever the message says', () => {
    language.set('vi');
    const refused = afterConfirm({
      ok: false, problem: {
        status: 400, code: 'VALIDATION_FAILED', errors: [
          { field: 'classes[1].toClassId', message: 'Sai định dạng.' },
          { field: 'classes[0].name', message: 'Tối đa 50 ký tự.' },
          { field: 'classes[1]', message: 'Bắt buộc.' },
          { field: 'graduatingGrades[0]', message: 'Từ 0 đến 12.' },
        ],
      },
    }, steps);
    // the graduating 9A is not sent: the request's second line is 6B Hồng's
    expect('refused' in refused && refused.refused.errors?.map((e) => e.field)).toEqual([
      '6B Hồng – ' + t('nextClassId'), '6A – ' + t('nextClassName'), '6B Hồng', t('graduatingGrades')]);
  });

  it('shows the year’s rollover instead of the plan when another came first', () => {
    const problem = { status: 409, code: 'ROLLOVER_ALREADY_DONE', detail: 'Năm học 2027-2028 đã lên lớp' };
    expect(afterConfirm({ ok: false, problem }, steps)).toEqual({ rolledOver: problem });
    expect(afterConfirm({ ok: false, problem: { status: 409, code: 'ROLLOVER_CLASS_WRONG_YEAR' } }, steps))
      .toEqual({ refused: { status: 409, code: 'ROLLOVER_CLASS_WRONG_YEAR' } });
  });
});

describe('a year’s rollover while it runs', () => {
  const running: YearRollover = {
    schoolYear: '2027-2028', fromSchoolYear: '2026-2027', importId: '01a2', status: 'RUNNING', requestedAt: '2027-06-01T02:00:00Z',
    requestedBy: 'hieu-truong', finishedAt: null, classesOpened: 3, studentsMoved: 61, studentsGraduated: 30,
  };

  it('says what is to come, and is asked about again until it has succeeded', () => {
    expect(countsWording(running)).toBe('rolledOverCountsComing');
    expect(countsWording({ status: 'QUEUED' })).toBe('rolledOverCountsComing');
    expect(countsWording({ status: 'SUCCEEDED' })).toBe('rolledOverCounts');
    expect(stillRunning({ schoolYear: '2027-2028', rollover: running })).toBe(true);
    expect(stillRunning({ schoolYear: '2027-2028', rollover: { ...running, status: 'SUCCEEDED' } })).toBe(false);
    expect(stillRunning({ schoolYear: '2027-2028', rollover: null })).toBe(false);
    expect(stillRunning(null)).toBe(false);
  });

  it('names the classes its plan left out, with the students who stayed; none for a rollover stored before they were kept', () => {
    expect(leftOutWording({ classesLeftOut: [{ classId: '7a', name: '7A', grade: 7, students: 1 }, { classId: 'la', name: 'Lá 1', grade: 0, students: 0 }] }))
      .toBe('7A (1), Lá 1 (0)');
    expect(leftOutWording({ classesLeftOut: [] })).toBe('');
    expect(leftOutWording(running)).toBe('');
  });
});

describe('students who joined a class after its year ended', () => {
  const yearClass = (classId: string, name: string, lateJoiners?: number): YearClass =>
    ({ classId, name, grade: 6, schoolYear: '2025-2026', enrolled: 3, closedOn: null, lateJoiners });

  it('are counted with their classes, which the page names before the rollover is confirmed', () => {
    expect(lateJoiners([yearClass('6a', '6A', 2), yearClass('7a', '7A', 0), yearClass('9a', '9A', 1)]))
      .toEqual({ students: 3, classes: '6A (6a): 2, 9A (9a): 1' });
  });

  it('are none in classes that have none, or from an API that does not count them', () => {
    expect(lateJoiners([yearClass('6a', '6A', 0), yearClass('7a', '7A')])).toBeNull();
  });
});

describe('the graduates who still hold books', () => {
  const holding = (students: { patronId: string; copies: number }[]): GraduatesHolding => ({
    schoolYear: '2026-2027', grades: [9], students: students.length,
    items: students.map((s) => ({
      patronId: s.patronId, fullName: 'Nguyễn Văn An', classId: '9a1', className: '9A1',
      loans: Array.from({ length: s.copies }, (_, i) => ({ loanId: `${s.patronId}-${i}`, barcode: `TN-00${i}`, title: 'Dế Mèn phiêu lưu ký',
        dueOn: '2027-05-30', overdue: false })),
    })),
  });

  it('asks for the plan’s graduating grades before the rollover, for the students it graduated after', () => {
    expect(graduatesHoldingPath('2026-2027', [12, 9])).toBe('/school-years/2026-2027/graduates/open-loans?grades=9,12');
    expect(graduatesHoldingPath('2026-2027', null)).toBe('/school-years/2026-2027/graduates/open-loans');
  });

  it('counts the students and the copies they still hold, as to leave or as left', () => {
    const two = holding([{ patronId: 'hs-001', copies: 2 }, { patronId: 'hs-002', copies: 1 }]);
    expect(graduatesHoldingWording(two, false)).toEqual({ key: 'graduatesHoldingBefore', values: [2, 3] });
    expect(graduatesHoldingWording(two, true)).toEqual({ key: 'graduatesHoldingAfter', values: [2, 3] });
    expect(graduatesHoldingWording(holding([]), false)).toEqual({ key: 'graduatesHoldingNone', values: [] });
    expect(graduatesHoldingWording(holding([]), true)).toEqual({ key: 'graduatesHoldingNoneAfter', values: [] });
  });

  it('says it in Vietnamese, with its diacritics, and in English', () => {
    expect(translate('vi', 'graduatesHoldingBefore', 2, 3)).toBe('2 học sinh của các khối ra trường còn mượn 3 bản sách chưa trả.');
    expect(translate('vi', 'graduatesHoldingAfter', 1, 1)).toBe('1 học sinh đã ra trường còn mượn 1 bản sách chưa trả.');
    expect(translate('en', 'graduatesHoldingBefore', 1, 1)).toBe('1 student of the graduating grades still holds 1 copy on loan.');
    expect(translate('en', 'graduatesHoldingAfter', 2, 3)).toBe('2 graduated students still hold 3 copies on loan.');
    expect(translate('vi', 'graduatesHoldingHeading')).toBe('Học sinh ra trường còn giữ sách');
    expect(translate('en', 'graduatesHoldingHeading')).toBe('Graduates who still hold books');
  });
});
