import { describe, expect, it } from 'vitest';
import { batchOf, byClass, classNameOf, progressPercent, schoolInstant, splitList, ticked } from './lists';

describe("the staff pages' logic", () => {
  it('groups overdue loans by class in the order a school reads class names', () => {
    const loans = [{ classId: '5a10', id: 1 }, { classId: null, id: 2 }, { classId: '5a2', id: 3 }, { classId: '5a2', id: 4 }];
    expect(byClass(loans).map(([group, items]) => [group, items.map((l) => l.id)]))
      .toEqual([['', [2]], ['5a2', [3, 4]], ['5a10', [1]]]);
  });

  it('splits authors at semicolons and composes decomposed Vietnamese', () => {
    expect(splitList('Tô Hoài; ;Nguye\u0302\u0303n Nhật Ánh\n')).toEqual(['Tô Hoài', 'Nguyễn Nhật Ánh']);
  });

  it('shows an import at 100% once it is finished, whatever it counted', () => {
    expect(progressPercent(0, null, false)).toBe(0);
    expect(progressPercent(1, 3, false)).toBe(33);
    expect(progressPercent(2, 3, true)).toBe(100);
  });

  it('sends each scanned code of a batch once', () => {
    expect(batchOf([' TN-1', 'TN-2', 'TN-1', ''])).toEqual(['TN-1', 'TN-2']);
  });

  it("writes a typed time in the school's zone", () => {
    expect(schoolInstant('2026-12-05T09:30')).toBe('2026-12-05T09:30:00+07:00');
  });

  it('lists the ticked students in roster order', () => {
    expect(ticked([{ patronId: 'b' }, { patronId: 'a' }, { patronId: 'c' }], new Set(['c', 'b']))).toEqual(['b', 'c']);
  });
});

describe('a reader’s class in the readers list', () => {
  const classes = [{ classId: '6a1-2026', name: '6A1' }, { classId: 'lop-7a2-rieng', name: '7A2' }];

  it('is named as the school names it, not by its id', () => {
    expect(classNameOf('6a1-2026', classes)).toBe('6A1');
    expect(classNameOf('lop-7a2-rieng', classes)).toBe('7A2');
  });

  it('falls back to its id when the class is unknown or the classes are not loaded yet', () => {
    expect(classNameOf('9z', classes)).toBe('9z');
    expect(classNameOf('6a1-2026', null)).toBe('6a1-2026');
    expect(classNameOf('6a1-2026', undefined)).toBe('6a1-2026');
  });
});
