import { afterEach, describe, expect, it } from 'vitest';
import { availability } from './catalogue';
import { language } from './i18n';

describe("a title's copies as a reader is told of them", () => {
  afterEach(() => language.set('vi'));

  it('counts the copies on the shelf', () => {
    expect(availability({ availableCopies: 2, totalCopies: 3 }).available).toBe(true);
  });

  it('says all are out only when some copy exists', () => {
    expect(availability({ availableCopies: 0, totalCopies: 2 }).text).toBe('Đã được mượn hết (2 bản)');
    expect(availability({ availableCopies: 0, totalCopies: 0 })).toEqual({
      available: false, text: 'Thư viện hiện không có bản nào của sách này' });
  });

  it('says it in English too', () => {
    language.set('en');
    expect(availability({ availableCopies: 0, totalCopies: 0 }).text).toBe('The library has no copy of this title at present');
  });
});
