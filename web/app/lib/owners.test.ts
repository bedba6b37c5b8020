import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi } from './desk';
import { ownerChoice, ownerForKey } from './owners';
import { problemOf } from './session';
import type { Problem } from './session';

const AMBIGUOUS: Problem = { status: 409, code: 'BARCODE_AMBIGUOUS', detail: 'Số đăng ký cá biệt TS-001 là của nhiều bản sách…',
  owners: ['thcs-ts-chu', 'thcs-ts-muon'] };

describe('a barcode several libraries own at this desk', () => {
  it('asks the librarian to choose among the owners the refusal names, this library first', () => {
    expect(ownerChoice(AMBIGUOUS, 'checkout', 'TS-001', 'hs-ts-mot', 'thcs-ts-muon')).toEqual(
      { kind: 'checkout', barcode: 'TS-001', patronId: 'hs-ts-mot', owners: ['thcs-ts-muon', 'thcs-ts-chu'] });
    expect(ownerChoice(AMBIGUOUS, 'checkin', 'TS-001', undefined, 'thcs-khac')?.owners).toEqual(['thcs-ts-chu', 'thcs-ts-muon']);
  });

  it('asks nothing of another refusal, or of one without the owners', () => {
    expect(ownerChoice({ status: 409, code: 'COPY_NOT_ON_LOAN' }, 'checkin', 'TS-001', undefined, 'a')).toBeNull();
    expect(ownerChoice({ status: 409, code: 'BARCODE_AMBIGUOUS' }, 'checkin', 'TS-001', undefined, 'a')).toBeNull();
  });

  it('chooses by the number keys, in the order shown', () => {
    const choice = ownerChoice(AMBIGUOUS, 'checkin', 'TS-001', undefined, 'thcs-ts-muon')!;
    expect(ownerForKey(choice, '1')).toBe('thcs-ts-muon');
    expect(ownerForKey(choice, '2')).toBe('thcs-ts-chu');
    expect(ownerForKey(choice, '3')).toBeNull();
    expect(ownerForKey(choice, 'a')).toBeNull();
  });
});

describe('the desk names the owner it chose', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the owners from the refusal', async () => {
    const response = new Response(JSON.stringify({ code: 'BARCODE_AMBIGUOUS', detail: '…', owners: ['thcs-ts-muon', 'thcs-ts-chu'] }),
      { status: 409 });
    expect((await problemOf(response)).owners).toEqual(['thcs-ts-muon', 'thcs-ts-chu']);
  });

  it('sends the checkout and the return again with ownerSchoolId, and without it otherwise', async () => {
    const sent: { path: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      if (path.startsWith('/api/v1/auth/')) return new Response('{}', { status: 401 });
      sent.push({ path, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ loanId: 'l-1', dueOn: '2026-09-25' }), { status: 201 });
    });
    const desk = new DeskApi('thcs-ts-muon', () => 'vi');
    await desk.checkout('TS-001', 'hs-ts-mot', 'thcs-ts-chu');
    await desk.checkin('TS-001', 'thcs-ts-chu');
    await desk.checkin('TS-002');
    expect(sent).toEqual([
      { path: '/api/v1/schools/thcs-ts-muon/checkouts', body: { barcode: 'TS-001', patronId: 'hs-ts-mot', ownerSchoolId: 'thcs-ts-chu' } },
      { path: '/api/v1/schools/thcs-ts-muon/checkins', body: { barcode: 'TS-001', ownerSchoolId: 'thcs-ts-chu' } },
      { path: '/api/v1/schools/thcs-ts-muon/checkins', body: { barcode: 'TS-002' } },
    ]);
  });
});
