import { describe, expect, it } from 'vitest';
import { translate } from './i18n';

describe('the texts', () => {
  it('are Vietnamese with their diacritics, and English on request', () => {
    expect(translate('vi', 'desk')).toBe('Quầy mượn trả');
    expect(translate('en', 'desk')).toBe('Circulation desk');
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
