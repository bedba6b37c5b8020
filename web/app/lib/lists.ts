// Small pieces of logic the staff's pages share, kept apart to be tested.

export const DOC_TYPES = ['TEXTBOOK', 'REFERENCE', 'TEACHER_PROFESSIONAL', 'CHILDREN', 'GENERAL', 'PERIODICAL', 'DIGITAL'] as const;

/** Items grouped by their class (those of no class under ''), classes in Vietnamese order (5A1, 5A2, …, 5A10). */
export function byClass<T extends { classId: string | null }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.classId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi', { numeric: true }));
}

/** Authors or subjects as a person types them: separated by ';' (or new lines), blanks dropped, NFC. */
export function splitList(text: string): string[] {
  return text.split(/[;\n]/).map((part) => part.normalize('NFC').trim()).filter(Boolean);
}

/** An import's progress in whole percent: processed of total (unknown total: nothing yet). */
export function progressPercent(processed: number, total: number | null, finished: boolean): number {
  if (finished) return 100;
  if (!total) return 0;
  return Math.min(100, Math.floor((processed * 100) / total));
}

/** The codes a stocktake's scan field collected, without blanks or repeats of the batch. */
export function batchOf(codes: string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()).filter(Boolean))];
}

/** Local date and time typed in a form (2026-12-05T09:30), as an instant in the school's zone (+07:00). */
export function schoolInstant(local: string): string {
  return (local.length === 16 ? local + ':00' : local) + '+07:00';
}

/** The ticked roster: the patron ids whose boxes are checked, in roster order. */
export function ticked(roster: { patronId: string }[], checked: Set<string>): string[] {
  return roster.map((entry) => entry.patronId).filter((id) => checked.has(id));
}

/**
 * A reader's class as the page names it: the class's name (6A1) from the school's classes, its id
 * while the classes are not loaded or when the class is not among them.
 */
export function classNameOf(classId: string, classes: { classId: string; name: string }[] | null | undefined): string {
  return classes?.find((c) => c.classId === classId)?.name ?? classId;
}
