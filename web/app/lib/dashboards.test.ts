import { describe, expect, it } from 'vitest';
import {
  addDays, guarded, levelCounts, missingCriteria, mondayOf, notBorrowed, percent, schoolYearLabel, targetBar, todayInVietnam,
  weeklySeries, weeksOf,
} from './dashboards';
import { dashboardEn, dashboardVi } from './dashboardTexts';
import type { AuthorityCircular16, Circular16, Metrics, StudentLine, Target } from './dashboards';

describe('the weeks of a semester, in Vietnam', () => {
  it('takes today from Hồ Chí Minh City, not from the browser’s zone', () => {
    // 18:00 UTC on Sunday the 6th is already Monday the 7th in Vietnam: a new week
    expect(todayInVietnam(new Date('2026-12-06T18:00:00Z'))).toBe('2026-12-07');
    expect(todayInVietnam(new Date('2026-12-06T16:59:00Z'))).toBe('2026-12-06');
  });

  it('runs weeks Monday to Sunday, as the analytics count them', () => {
    expect(mondayOf('2026-09-05')).toBe('2026-08-31'); // a Saturday
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // a Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // a Sunday
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('lists the weeks from the semester’s first up to this one, over a new year', () => {
    const weeks = weeksOf('2026-09-05', '2027-01-17', '2026-09-16');
    expect(weeks).toEqual([
      { from: '2026-08-31', to: '2026-09-06' },
      { from: '2026-09-07', to: '2026-09-13' },
      { from: '2026-09-14', to: '2026-09-20' },
    ]);
    const whole = weeksOf('2026-09-05', '2027-01-17', '2027-03-01');
    expect(whole).toHaveLength(20);
    expect(whole.at(-1)).toEqual({ from: '2027-01-11', to: '2027-01-17' });
    expect(whole.map((w) => w.from)).toContain('2026-12-28');
  });

  it('has no week before the semester starts', () => {
    expect(weeksOf('2027-01-18', '2027-05-31', '2027-01-10')).toEqual([]);
  });
});

describe('the class’s figures', () => {
  const metrics = (loans: number, activeReaders: number, readingMinutes: number) => ({ loans, activeReaders, readingMinutes }) as Metrics;

  it('puts one point per week, unknown weeks left empty rather than zero', () => {
    const weeks = weeksOf('2026-11-30', '2027-01-17', '2026-12-16');
    const series = weeklySeries(weeks, [metrics(4, 3, 120), null, metrics(7, 5, 45)]);
    expect(series.loans).toEqual([4, null, 7]);
    expect(series.activeReaders).toEqual([3, null, 5]);
    expect(series.readingMinutes).toEqual([120, null, 45]);
  });

  it('names the students who borrowed nothing, in Vietnamese order', () => {
    const student = (patronId: string, fullName: string, loans: number) => ({ patronId, fullName, loans }) as StudentLine;
    const names = notBorrowed([
      student('hs-3', 'Đỗ Văn Đạt', 0), student('hs-1', 'Trần Thị Bình', 2), student('hs-2', 'Dương Minh Châu', 0),
      student('hs-4', 'Ân Hòa', 0),
    ]).map((s) => s.fullName);
    expect(names).toEqual(['Ân Hòa', 'Dương Minh Châu', 'Đỗ Văn Đạt']);
  });

  it('writes rates as Vietnamese percentages', () => {
    expect(percent(0.5)).toBe('50%');
    expect(percent(0.4556, 1)).toBe('45,6%');
    expect(percent(12.345, 1)).toBe('1.234,5%');
  });
});

describe('the school’s targets', () => {
  const target = (progress: number | null, onTrack: boolean | null) => ({ progress, onTrack }) as Target;

  it('fills a bar to its progress, never past its end', () => {
    expect(targetBar(target(0.4, true))).toEqual({ filled: 0.4, state: 'onTrack' });
    expect(targetBar(target(0.2, false))).toEqual({ filled: 0.2, state: 'behind' });
    expect(targetBar(target(1.7, true))).toEqual({ filled: 1, state: 'reached' });
    expect(targetBar(target(null, null))).toEqual({ filled: 0, state: 'unknown' });
  });

  it('names the school year from its days', () => {
    expect(schoolYearLabel('2026-09-05', '2027-05-31')).toBe('2026-2027');
  });
});

describe('the Circular 16 evaluation (the contract’s JSON)', () => {
  const evaluation: Circular16 = {
    schoolId: 'th-an-vinh',
    schoolYear: '2026-2027',
    level: 'NOT_MET',
    computedAt: '2026-12-05T01:00:00Z',
    standards: [
      {
        standard: 1, name: 'Tài nguyên thông tin', level: 'NOT_MET', criteria: [
          { criterionId: 'S1-COPIES-PER-STUDENT', text: 'Số bản sách trên học sinh', source: 'COMPUTED', value: 2.9, threshold: 3, met: false, evidence: [] },
          { criterionId: 'S1-COPIES-PER-TEACHER', text: 'Số bản sách trên giáo viên', source: 'COMPUTED', value: 12, threshold: 10, met: true, evidence: [] },
        ],
      },
      {
        standard: 2, name: 'Cơ sở vật chất', level: 'LEVEL_1', criteria: [
          { criterionId: 'S2-ROOM', text: 'Phòng đọc', source: 'DECLARED', met: true, evidence: ['Biên bản'] },
        ],
      },
    ],
  };

  it('lists what is missing, by standard, and nothing of a standard that is met', () => {
    const missing = missingCriteria(evaluation);
    expect(missing).toHaveLength(1);
    expect(missing[0].standard).toBe(1);
    expect(missing[0].criteria.map((c) => c.criterionId)).toEqual(['S1-COPIES-PER-STUDENT']);
  });

  it('counts an authority’s schools by level', () => {
    const authority: AuthorityCircular16 = {
      authorityId: 'xa-an-vinh', schoolYear: '2026-2027',
      schools: [
        { schoolId: 'a', level: 'LEVEL_1' }, { schoolId: 'b', level: 'LEVEL_2' }, { schoolId: 'c', level: 'LEVEL_1' },
        { schoolId: 'd', level: 'NOT_MET' },
      ],
    };
    expect(levelCounts(authority)).toEqual({ LEVEL_2: 1, LEVEL_1: 2, NOT_MET: 1 });
  });
});

describe('the dashboards’ texts', () => {
  it('are NFC-normalised Vietnamese, with an English text for each', () => {
    for (const [key, text] of Object.entries(dashboardVi)) {
      expect(text, key).toBe(text.normalize('NFC'));
      expect(dashboardEn[key as keyof typeof dashboardVi], key).toBeTruthy();
    }
  });
});

describe('an endpoint this build may lack', () => {
  it('is "not available" when the API has no such route, and a refusal when it answers with a code of its own', () => {
    expect(guarded({ ok: true, body: { items: [] } })).toEqual({ state: 'shown', body: { items: [] } });
    expect(guarded({ ok: false, problem: { status: 404, code: 'NOT_FOUND', detail: 'Không có tài nguyên nào ở địa chỉ này.' } }))
      .toEqual({ state: 'unavailable' });
    expect(guarded({ ok: false, problem: { status: 404, code: 'SCHOOL_YEAR_NOT_FOUND', detail: 'Trường chưa khai báo năm học 2026-2027.' } }))
      .toEqual({ state: 'refused', message: 'Trường chưa khai báo năm học 2026-2027.' });
    expect(guarded({ ok: false, problem: { status: 403, code: 'FORBIDDEN', title: 'Không được phép' } }))
      .toEqual({ state: 'refused', message: 'Không được phép' });
  });
});
