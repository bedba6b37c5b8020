import { describe, expect, it } from 'vitest';
import { bareClassName, translate } from './i18n';

describe('the texts', () => {
  it('are Vietnamese with their diacritics, and English on request', () => {
    expect(translate('vi', 'desk')).toBe('Quầy mượn trả');
    expect(translate('en', 'desk')).toBe('Circulation desk');
  });

  it('say an English noun after a count in the singular for one only (no "1 new classes")', () => {
    expect(translate('en', 'rolledOverCounts', '1', '0', '1')).toBe('1 student moved to their new classes, 0 left the school; 1 new class opened.');
    expect(translate('en', 'rolledOverCounts', '2', '1', '3')).toBe('2 students moved to their new classes, 1 left the school; 3 new classes opened.');
    expect(translate('en', 'rolloverMoving', 1, '2027-2028', '1')).toBe('1 class moves up into 2027-2028, about 1 student.');
    expect(translate('en', 'rolloverGraduating', 2, '1.234')).toBe('2 classes complete their level, about 1.234 students leave.');
    expect(translate('vi', 'rolledOverCounts', '1', '0', '1')).not.toContain('|');
  });

  it('give a class a heading without a second label, however its name was written', () => {
    expect(translate('vi', 'klass', bareClassName('Lớp 6A2'))).toBe('Lớp 6A2');
    expect(translate('vi', 'klass', bareClassName('6A2'))).toBe('Lớp 6A2');
    expect(translate('en', 'klass', bareClassName('lớp 6A2'))).toBe('Class 6A2');
    expect(bareClassName('Lớp')).toBe('Lớp');
  });

  it('fill in their values', () => {
    expect(translate('vi', 'available', '1', '2')).toBe('Còn 1/2 bản trên giá');
    expect(translate('en', 'lent', 'Dế Mèn', '19/12/2026')).toBe('Lent “Dế Mèn”, due 19/12/2026.');
    expect(translate('vi', 'leaves', '06/09/2027')).toBe('Rời trường ngày 06/09/2027');
  });

  it("name every status a copy can have, a partner library's too", () => {
    for (const status of ['AVAILABLE', 'ON_LOAN', 'ON_HOLD_SHELF', 'IN_TRANSIT', 'AT_PARTNER', 'WITHDRAWN', 'LOST'] as const) {
      expect(translate('vi', status)).not.toBe(status);
      expect(translate('en', status)).not.toBe(status);
    }
    expect(translate('vi', 'AT_PARTNER')).toBe('Đang ở thư viện liên thông');
  });

  it('are NFC-normalised, as Vietnamese text must be', () => {
    expect(translate('vi', 'scanHelp')).toBe(translate('vi', 'scanHelp').normalize('NFC'));
    expect(translate('vi', 'noPatron')).toBe(translate('vi', 'noPatron').normalize('NFC'));
  });
});

describe("the staff pages' texts", () => {
  it('are all NFC-normalised, in both languages', async () => {
    const { staffEn, staffVi } = await import('./staffTexts');
    for (const text of [...Object.values(staffVi), ...Object.values(staffEn)]) expect(text).toBe(text.normalize('NFC'));
    expect(translate('vi', 'tickRoster', 28, 30)).toBe('Điểm danh: 28/30 học sinh');
  });
});

describe('the texts of moving in and the rollover', () => {
  it('are all NFC-normalised, in both languages', async () => {
    const { moveInEn, moveInVi } = await import('./moveInTexts');
    for (const text of [...Object.values(moveInVi), ...Object.values(moveInEn)]) expect(text).toBe(text.normalize('NFC'));
    expect(translate('vi', 'rolloverMoving', 2, '2027-2028', 61)).toBe('2 lớp chuyển lên năm học 2027-2028, khoảng 61 học sinh.');
  });
});
