import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatsCarrying, issueColumn, JobPolling, statusWords, wording } from './jobs';
import { language } from './i18n';
import type { ImportJob } from './jobs';
import type { Answer } from './schoolApi';

const job = (importId: string, status: ImportJob['status']): ImportJob => ({
  importId, kind: 'CATALOGUE', format: 'CSV', status, dryRun: false, fileName: null, requestedAt: '2026-12-05T08:00:00Z',
  total: 10, processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0,
});

describe('a job followed until it finishes', () => {
  let asked: string[];
  let seen: string[];
  let status: ImportJob['status'];
  let polling: JobPolling;

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
    seen = [];
    status = 'RUNNING';
    polling = new JobPolling(async (importId): Promise<Answer<ImportJob>> => {
      asked.push(importId);
      return { ok: true, status: 200, body: job(importId, status) };
    }, (answer) => seen.push(answer.ok ? answer.body.importId + ' ' + answer.body.status : 'problem'), 400);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks every interval until the job finishes, then no more', async () => {
    polling.watch('a');
    await vi.advanceTimersByTimeAsync(850);
    expect(asked).toEqual(['a', 'a', 'a']);
    status = 'SUCCEEDED';
    await vi.advanceTimersByTimeAsync(400);
    await vi.advanceTimersByTimeAsync(2000);
    expect(asked).toHaveLength(4);
    expect(seen.at(-1)).toBe('a SUCCEEDED');
  });

  it('polls in one round when watched again while an answer is on its way (a stop asked for), not in two', async () => {
    polling.watch('a');
    polling.watch('a');
    await vi.advanceTimersByTimeAsync(1700);
    // the first ask of each watch, then one every 400 ms
    expect(asked).toHaveLength(2 + 4);
  });

  it('drops an answer of an earlier round still on its way', async () => {
    let answer: (value: Answer<ImportJob>) => void = () => {};
    const slow = new JobPolling((importId) => new Promise((resolve) => {
      asked.push(importId);
      answer = resolve;
    }), (a) => seen.push(a.ok ? a.body.importId : 'problem'));
    slow.watch('a');
    const first = answer;
    slow.watch('b');
    first({ ok: true, status: 200, body: job('a', 'RUNNING') });
    answer({ ok: true, status: 200, body: job('b', 'SUCCEEDED') });
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['b']);
  });

  it('asks no more once stopped (the page left)', async () => {
    polling.watch('a');
    await vi.advanceTimersByTimeAsync(10);
    polling.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(asked).toEqual(['a']);
  });

  it('passes on a lookup that never answered (the network down) as a problem', async () => {
    const offline = new JobPolling(async () => {
      throw new TypeError('Failed to fetch');
    }, (a) => seen.push(a.ok ? 'job' : a.problem.code));
    offline.watch('x');
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual(['NETWORK']);
  });

  it('stops at a failed lookup, whose problem it passes on', async () => {
    const failing = new JobPolling(async (importId) => {
      asked.push(importId);
      return { ok: false, problem: { status: 404, code: 'IMPORT_NOT_FOUND', detail: 'không có' } };
    }, (a) => seen.push(a.ok ? 'job' : a.problem.code));
    failing.watch('x');
    await vi.advanceTimersByTimeAsync(2000);
    expect(asked).toEqual(['x']);
    expect(seen).toEqual(['IMPORT_NOT_FOUND']);
  });
});

describe('the formats offered for a kind', () => {
  it('offers MARC for the catalogue only: a roster comes in a workbook', () => {
    expect(formatsCarrying('CATALOGUE')).toEqual(['MARC21', 'MARCXML', 'XLSX', 'CSV']);
    expect(formatsCarrying('PATRONS')).toEqual(['XLSX', 'CSV']);
    expect(formatsCarrying('CLASSES')).toEqual(['XLSX', 'CSV']);
  });
});

describe('the words of a job’s counts', () => {
  it('counts a rollover’s steps, an import’s records', () => {
    expect(wording({ kind: 'ROLLOVER', format: 'PLAN' })).toMatchObject({ processed: 'rolloverProcessedOf', counts: 'rolloverCounts',
      rejected: 'rejectedSteps', place: 'step' });
    expect(wording({ kind: 'PATRONS', format: 'XLSX' })).toMatchObject({ processed: 'processedRowsOf', counts: 'importSummary' });
  });

  // a tester saw a workbook's rows called "bản ghi" and a MARC file's records "dòng"
  it('say rows of a workbook and records of a MARC file', () => {
    expect(wording({ kind: 'CATALOGUE', format: 'CSV' })).toMatchObject({ processed: 'processedRowsOf', rejected: 'rejectedRows', place: 'row' });
    expect(wording({ kind: 'CATALOGUE', format: 'MARC21' })).toMatchObject({ processed: 'processedOf', rejected: 'rejectedRecords', place: 'recordNumber' });
    expect(wording({ kind: 'CATALOGUE', format: 'MARCXML' }).place).toBe('recordNumber');
  });
});

describe('what the imports page says of a job and its issues', () => {
  afterEach(() => language.set('vi'));

  it('marks a dry run as such in the history, in either language', () => {
    language.set('vi');
    expect(statusWords({ status: 'SUCCEEDED', dryRun: true })).toBe('Hoàn tất · Chạy thử');
    expect(statusWords({ status: 'SUCCEEDED', dryRun: false })).toBe('Hoàn tất');
    language.set('en');
    expect(statusWords({ status: 'SUCCEEDED', dryRun: true })).toMatch(/ · Dry run$/);
  });

  it('names an issue’s column as the file does, the API’s field only when no label came', () => {
    expect(issueColumn({ field: 'price', fieldLabel: 'Giá' })).toBe('Giá');
    expect(issueColumn({ field: 'price', fieldLabel: '952 $g (Giá)' })).toBe('952 $g (Giá)');
    expect(issueColumn({ field: 'price' })).toBe('price');
    expect(issueColumn({})).toBe('');
  });
});
