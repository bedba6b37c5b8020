// Dates and numbers the Vietnamese way (05/12/2026, 1.234,5), whatever language the page is in:
// a school's registers and reports are read this way.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 2026-12-05 (a contract date) or an instant, as 05/12/2026 in the school's time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return `${dateOnly[3]}/${dateOnly[2]}/${dateOnly[1]}`;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric',
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}

/** An instant as 14:05 05/12/2026, the hour and day it was in the school's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${formatDate(value)}`;
}

/** 1234.5 as 1.234,5: dots group thousands, a comma marks the decimals. */
export function formatNumber(value: number, fractionDigits?: number): string {
  const [whole, fraction] = (fractionDigits === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(fractionDigits)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (value < 0 ? '-' : '') + grouped + (fraction ? ',' + fraction : '');
}

/** Days from today (in the school's time zone) until a due date: negative when overdue. */
export function daysUntil(dueOn: string, now: Date = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  return Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000);
}
