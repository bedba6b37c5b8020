import { afterEach, describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { language } from '../lib/i18n';
import type { YearRollover } from '../lib/rollover';
import RolledOver, { LeftOutNote } from './RolledOver';

/** The text a rendered tree shows, components called as the page would: no DOM needed for a view without hooks. */
function shown(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(shown).join('');
  const vnode = node as VNode<{ children?: unknown }>;
  if (typeof vnode.type === 'function') return shown((vnode.type as (props: unknown) => unknown)(vnode.props));
  return shown(vnode.props.children);
}

/** The elements of a rendered tree by tag, to see what it offers to click. */
function tags(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(tags);
  const vnode = node as VNode<{ children?: unknown }>;
  if (typeof vnode.type === 'function') return tags((vnode.type as (props: unknown) => unknown)(vnode.props));
  return [String(vnode.type), ...tags(vnode.props.children)];
}

const done: YearRollover = {
  schoolYear: '2027-2028', fromSchoolYear: '2026-2027', importId: '6f1c1f0e-6b7e-4c55-9a55-0d8b1f1c2a10', status: 'SUCCEEDED',
  requestedAt: '2027-08-20T07:05:00Z', requestedBy: 'hieu-truong', finishedAt: '2027-08-20T07:06:00Z',
  classesOpened: 1, studentsMoved: 28, studentsGraduated: 31, classesLeftOut: [{ classId: '4a9', name: '4A9', grade: 4, students: 2 }],
};

describe('the rollover page on a year already rolled over', () => {
  afterEach(() => language.set('vi'));

  it('says when it ran, by whom, from which year and what it did, and that a year is rolled over once', () => {
    const page = shown(RolledOver({ rollover: done }));

    expect(page).toContain('Năm học 2027-2028 đã lên lớp');
    expect(page).toContain('Yêu cầu lúc 14:05 20/08/2027, bởi tài khoản hieu-truong; từ năm học 2026-2027.');
    expect(page).toContain('Xong lúc 14:06 20/08/2027.');
    expect(page).toContain('28 học sinh chuyển sang lớp mới, 31 học sinh ra trường; 1 lớp mới được mở.');
    expect(page).toContain('Các lớp giữ nguyên, vẫn mở, học sinh không chuyển (sĩ số trong ngoặc): 4A9 (2).');
    expect(page).toContain('Mỗi năm học chỉ lên lớp một lần');
  });

  it('offers nothing to run again: no button, no field', () => {
    expect(tags(RolledOver({ rollover: done })).filter((tag) => ['button', 'input', 'select', 'form'].includes(tag))).toEqual([]);
  });

  it('says a rollover still running is under way, what it will do, and no finishing time yet', () => {
    const page = shown(RolledOver({ rollover: { ...done, status: 'RUNNING', finishedAt: null } }));

    expect(page).toContain('Năm học 2027-2028 đang lên lớp');
    expect(page).toContain('28 học sinh sẽ chuyển sang lớp mới');
    expect(page).not.toContain('Xong lúc');
  });

  it('says it in English on request', () => {
    language.set('en');

    const page = shown(RolledOver({ rollover: done }));

    expect(page).toContain('The school year 2027-2028 has been rolled over');
    expect(page).toContain('by the account hieu-truong');
    expect(page).toContain('A school year is rolled over once');
    expect(page).toContain('Classes left as they were, still open, their students not moved (how many in brackets): 4A9 (2).');
  });

  it('names no class left out when the rollover left none, or is one stored before they were kept', () => {
    expect(shown(RolledOver({ rollover: { ...done, classesLeftOut: [] } }))).not.toContain('Các lớp giữ nguyên');
    expect(shown(RolledOver({ rollover: { ...done, classesLeftOut: undefined } }))).not.toContain('Các lớp giữ nguyên');
  });

  it('says the classes a finished rollover job left out, as its report answers them', () => {
    const note = shown(LeftOutNote({ classesLeftOut: [{ classId: '8c', name: '8C', grade: 8, students: 0 }, { classId: '4a9', name: '4A9', grade: 4, students: 2 }] }));

    expect(note).toBe('Các lớp giữ nguyên, vẫn mở, học sinh không chuyển (sĩ số trong ngoặc): 8C (0), 4A9 (2).');
  });
});
