import { describe, expect, it } from 'vitest';
import {
  addDays, groupFiguresValues, guarded, levelCounts, missingForNextLevel, mondayOf, notBorrowed, percent, schoolYearLabel, targetBar, todayInVietnam,
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

describe('the Circular 16 evaluation (the query side’s EvaluationView and AuthorityReportView)', () => {
  // as the API writes them: absent fields of a criterion are left out, decimals are JSON numbers
  const evaluation: Circular16 = JSON.parse(`{
    "schoolId": "th-an-vinh", "schoolName": "Trường Tiểu học An Vinh", "schoolYear": "2026-2027",
    "educationLevels": ["PRIMARY"], "level": "NOT_MET",
    "standards": [
      {"standard": 1, "name": "Tài nguyên thông tin", "nameEn": "Information resources", "level": "NOT_MET", "criteria": [
        {"criterionId": "S1-COPIES-PER-STUDENT", "text": "Số bản sách trên học sinh", "textEn": "Copies per student",
         "source": "COMPUTED", "requiredFor": "LEVEL_1", "value": 2.9, "threshold": 3, "met": false, "level": "NOT_MET",
         "evidence": [], "missing": "Bổ sung ít nhất 1 bản sách"},
        {"criterionId": "S1-CLASSIFIED", "text": "Sách được phân loại", "textEn": "Books classified",
         "source": "COMPUTED", "requiredFor": "LEVEL_1", "value": 100, "threshold": 100, "met": true, "level": "LEVEL_2", "evidence": []}]},
      {"standard": 2, "name": "Cơ sở vật chất", "nameEn": "Facilities", "level": "NOT_MET", "criteria": [
        {"criterionId": "S2-READING-ROOM", "text": "Phòng đọc", "textEn": "Reading room", "source": "DECLARED",
         "requiredFor": "LEVEL_1", "met": false, "level": "NOT_MET", "evidence": [], "missing": "Khai báo diện tích phòng đọc"}]}],
    "missingForNextLevel": {"nextLevel": "LEVEL_1", "items": [
      {"criterionId": "S2-READING-ROOM", "standard": 2, "text": "Khai báo diện tích phòng đọc"},
      {"criterionId": "S1-COPIES-PER-STUDENT", "standard": 1, "text": "Bổ sung ít nhất 1 bản sách"}]},
    "thresholdsSetBy": null, "computedAt": "2026-12-05T01:00:00Z"}`);

  it('lists what is missing for the next level by standard, each with its criterion', () => {
    const missing = missingForNextLevel(evaluation);
    expect(missing.map(({ item }) => item.criterionId)).toEqual(['S1-COPIES-PER-STUDENT', 'S2-READING-ROOM']);
    expect(missing[0].item.text).toBe('Bổ sung ít nhất 1 bản sách');
    expect(missing[0].criterion?.value).toBe(2.9);
    expect(missing[1].criterion?.source).toBe('DECLARED');
  });

  it('has nothing missing at level 2', () => {
    expect(missingForNextLevel({ ...evaluation, level: 'LEVEL_2', missingForNextLevel: { nextLevel: null, items: [] } })).toEqual([]);
  });

  it('counts an authority’s schools by level from the report’s total, with their shares', () => {
    const authority: AuthorityCircular16 = JSON.parse(`{
      "authorityId": "xa-an-vinh", "schoolYear": "2026-2027",
      "levels": [{"educationLevel": "PRIMARY", "name": "Tiểu học", "schools": 2, "level1": 1, "level1Share": 50, "level2": 0,
        "level2Share": 0, "notMet": 1, "notMetShare": 50,
        "summary": "Tiểu học: 1/2 trường (50%) mức độ 1; 0/2 trường (0%) mức độ 2; 1/2 trường (50%) chưa đạt"}],
      "total": {"educationLevel": "ALL", "name": "Tổng cộng", "schools": 3, "level1": 1, "level1Share": 33.3, "level2": 0,
        "level2Share": 0, "notMet": 2, "notMetShare": 66.7, "summary": "Tổng cộng: 1/3 trường (33,3%) mức độ 1"},
      "schools": [{"schoolId": "a", "name": "Trường A", "educationLevels": ["PRIMARY"], "level": "LEVEL_1",
        "standards": ["LEVEL_1", "LEVEL_2", "LEVEL_1", "LEVEL_1", "LEVEL_1"]}],
      "computedAt": "2026-12-05T01:00:00Z"}`);
    expect(levelCounts(authority)).toEqual({
      LEVEL_2: { schools: 0, share: 0 }, LEVEL_1: { schools: 1, share: 33.3 }, NOT_MET: { schools: 2, share: 66.7 },
    });
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

describe("a liên thông group's figures", () => {
  it('read as one line, the median only once a loan was fulfilled', async () => {
    const { translate } = await import('./i18n');
    const figures = {
      schoolYear: '2026-2027', interlibraryLoansRequested: 3, interlibraryLoansFulfilled: 2, medianDaysToFulfil: 1.5,
      rotations: 1, copiesRotated: 20, loansOfRotatedCopies: 7,
    };
    expect(translate('vi', 'groupFigures', ...groupFiguresValues(figures))).toBe('Năm học 2026-2027: 3 yêu cầu mượn liên thư viện, '
      + '2 đã đáp ứng (trung vị 1,5 ngày); 1 đợt luân chuyển, 20 bản sách, 7 lượt mượn sách luân chuyển.');
    expect(groupFiguresValues({ ...figures, medianDaysToFulfil: null })[3]).toBe('–');
  });
});
