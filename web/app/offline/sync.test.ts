import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitingNotice } from './notice';
import { MemoryStore, OfflineQueue } from './queue';
import type { BatchRefusal, DeskRecord, Outcome } from './queue';
import { deskSync } from './sync';

const RECORD: DeskRecord = { key: 'quay-1:k1', deskId: 'quay-1', kind: 'CHECKOUT', barcode: 'TN-001', patronId: 'hs-an',
  recordedAt: '2026-09-11T03:00:00Z' };

/** The server as fetch sees it: every call (desk-sync and the refresh of the session) answered with this status. */
function serverAnswering(status: number, body: unknown) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('an upload the server refuses as a whole', () => {
  it('is a refusal when the session is over (401 after the refresh failed), not a wait for the network', async () => {
    const asked = serverAnswering(401, { code: 'UNAUTHENTICATED', title: 'Chưa đăng nhập' });
    const answer = await deskSync('thcs-a', () => 'vi')('quay-1', [RECORD]);
    expect(answer).toEqual({ status: 401, code: 'UNAUTHENTICATED', detail: undefined });
    expect(asked).toContain('/api/v1/auth/refresh');
  });

  it('is a refusal with its code when the batch is bad (400)', async () => {
    serverAnswering(400, { code: 'VALIDATION_FAILED', detail: 'Dữ liệu không hợp lệ.' });
    expect(await deskSync('thcs-a', () => 'vi')('quay-1', [RECORD]))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', detail: 'Dữ liệu không hợp lệ.' });
  });

  it('waits for the next try when the server fails for a moment or cannot be reached', async () => {
    serverAnswering(503, {});
    expect(await deskSync('thcs-a', () => 'vi')('quay-1', [RECORD])).toBeNull();
    serverAnswering(429, { code: 'TOO_MANY_REQUESTS' });
    expect(await deskSync('thcs-a', () => 'vi')('quay-1', [RECORD])).toBeNull();
  });

  it('keeps its records, says why, and the upload resumes once the server takes them', async () => {
    const store = new MemoryStore();
    let answer: BatchRefusal | null = { status: 401, code: 'UNAUTHENTICATED' };
    const upload = async (_desk: string, records: DeskRecord[]): Promise<Outcome[] | BatchRefusal> =>
      answer ?? records.map((record) => ({ key: record.key, status: 'APPLIED' }));
    let key = 0;
    const queue = new OfflineQueue(store, 'quay-1', upload, () => new Date('2026-09-11T03:00:00Z'), () => `k${++key}`);
    await queue.record('CHECKOUT', 'TN-001', 'hs-an');
    await queue.record('CHECKIN', 'TN-002');

    expect(await queue.flush(1)).toEqual([]);
    expect(queue.refusal).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await queue.waitingCount()).toBe(2);

    // signed in again
    answer = null;
    expect((await queue.flush(1)).map((outcome) => outcome.status)).toEqual(['APPLIED', 'APPLIED']);
    expect(queue.refusal).toBeNull();
    expect(await queue.waitingCount()).toBe(0);
  });
});

describe('what the desk says of the records that wait', () => {
  it('asks the librarian to sign in again to send them, with a way back to the desk', () => {
    const notice = waitingNotice(false, 3, { status: 401, code: 'UNAUTHENTICATED' });
    expect(notice.heading).toBe('Phiên đăng nhập đã hết: hãy đăng nhập lại để gửi 3 bản ghi đang chờ.');
    expect(notice.help).toContain('không mất bản ghi nào');
    expect(notice.signIn).toBe('/signin?next=/desk');
    expect(notice.stopped).toBe(true);
  });

  it('names the code of another refusal of the whole batch', () => {
    const notice = waitingNotice(false, 2, { status: 400, code: 'VALIDATION_FAILED', detail: 'Dữ liệu không hợp lệ.' });
    expect(notice.heading).toBe('Máy chủ từ chối nhận 2 bản ghi đang chờ (mã VALIDATION_FAILED). Dữ liệu không hợp lệ.');
    expect(notice.signIn).toBeNull();
    expect(notice.stopped).toBe(true);
  });

  it('says they are being sent or wait for the network otherwise', () => {
    expect(waitingNotice(false, 2, null)).toEqual({ heading: 'Đang gửi 2 bản ghi chờ lên máy chủ', stopped: false, help: null, signIn: null });
    expect(waitingNotice(true, 2, { status: 401, code: 'UNAUTHENTICATED' }).heading).toBe('Ngoại tuyến — 2 bản ghi đang chờ');
  });
});
