import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DeskApi } from '../lib/desk';
import type { Answer, Copy, Loan, Patron } from '../lib/desk';
import { formatDate } from '../lib/format';
import { language, t } from '../lib/i18n';
import { follow } from '../lib/router';
import { ownerChoice, ownerForKey } from '../lib/owners';
import type { OwnerChoice } from '../lib/owners';
import { classify, cleanScan, decide } from '../lib/scan';
import { borrowersAfter, OfflineDesk, unreachable } from '../offline/offlineDesk';
import { OfflineState } from '../offline/OfflineState';
import { registerOfflineDesk } from '../offline/register';
import type { ReadPage } from '../offline/snapshot';
import { deskSync } from '../offline/sync';
import type { Paged } from '../lib/schoolApi';
import { refusalSound } from '../lib/sound';
import type { Problem } from '../lib/session';
import { useSignal } from '../lib/signal';

interface Message {
  kind: 'ok' | 'refused';
  text: string;
}

/** A title the patron in hand could not take because its copies are out: F2 places a hold on it. */
interface HoldOffer {
  titleId: string;
  title: string;
  patronId: string;
}

/** Refusals of a checkout after which a hold on the title is what the reader wants. */
const HOLD_WORTHY = new Set(['COPY_ALREADY_ON_LOAN', 'COPY_ON_HOLD_FOR_ANOTHER_PATRON']);

declare global {
  interface Window {
    /** Milliseconds from Enter to the answer shown, one per scan: read by the browser tests. */
    motsachDeskTimings?: number[];
  }
}

/**
 * The librarian's desk: one field for everything a scanner types. Keyboard only: the field keeps
 * the focus, Enter scans, Esc is done with the patron, Tab reaches the renew buttons.
 */
export default function Desk({ schoolId }: { schoolId: string }) {
  const lang = useSignal(language);
  const desk = useMemo(() => new DeskApi(schoolId, () => language.get()), [schoolId]);
  const [patron, showPatron] = useState<Patron | null>(null);
  // the patron in hand for the next scan, which may be queued behind this one's answer
  const inHand = useRef<Patron | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const setPatron = (next: Patron | null) => {
    inHand.current = next;
    showPatron(next);
  };
  const [message, setMessageOnly] = useState<Message | null>(null);
  const [holdOffer, setHoldOffer] = useState<HoldOffer | null>(null);
  // a barcode several libraries own at this desk: whose copy the librarian means
  const [choice, setChoice] = useState<OwnerChoice | null>(null);
  const chooser = useRef<HTMLFieldSetElement>(null);
  const setMessage = (next: Message | null) => {
    setHoldOffer(null);
    setChoice(null);
    setMessageOnly(next);
  };
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const startedAt = useRef<number | null>(null);
  // the desk's offline side: it opens (IndexedDB) after the page, so the page reads it through a ref
  const [offlineDesk, setOfflineDesk] = useState<OfflineDesk | null>(null);
  const offline = useRef<OfflineDesk | null>(null);

  useEffect(() => {
    registerOfflineDesk();
    let live = true;
    let stop = () => undefined as void;
    const read: ReadPage = async <T,>(path: string) => {
      try {
        const answer = await desk.get<Paged<T>>(path);
        return answer.ok ? answer.body : null;
      } catch {
        return null;
      }
    };
    OfflineDesk.open(schoolId, deskSync(schoolId, () => language.get()), read).then((opened) => {
      if (!live) return;
      offline.current = opened;
      setOfflineDesk(opened);
      stop = opened.start();
    });
    return () => {
      live = false;
      stop();
    };
  }, [schoolId]);

  useEffect(() => {
    if (startedAt.current !== null && (patron || message)) {
      const elapsed = performance.now() - startedAt.current;
      startedAt.current = null;
      requestAnimationFrame(() => (window.motsachDeskTimings ??= []).push(elapsed));
    }
  }, [patron, message]);

  useEffect(() => {
    if (busy) return;
    // the chooser takes the focus while it asks (a scanner's digits must not choose), the scan field otherwise
    if (choice) chooser.current?.querySelector('button')?.focus();
    else field.current?.focus();
  }, [busy, patron, message, choice]);

  function refused(problem: Problem) {
    setMessage({ kind: 'refused', text: problem.detail ?? problem.title ?? problem.code });
    refusalSound();
  }

  async function reload(patronId: string) {
    const answer = await reach(desk.patron(patronId));
    if (answer?.ok && inHand.current?.patronId === patronId) setPatron(answer.body);
  }

  /**
   * The call's answer; null when the server could not be reached (not a refusal): the desk is
   * offline from then on and records what it does until the server is back.
   */
  async function reach<T>(call: Promise<Answer<T>>): Promise<Answer<T> | null> {
    try {
      const answer = await call;
      if (answer.ok || !unreachable(answer.problem.status, answer.problem.code) || !offline.current) return answer;
    } catch (error) {
      if (!offline.current) throw error;
    }
    offline.current.wentOffline();
    return null;
  }

  /**
   * The answer of a checkout or return is shown at once, from the command's own answer; the
   * patron as the query side has them follows, before the next scan is taken.
   */
  function thenReload(patronId: string) {
    queue.current = queue.current.then(() => reload(patronId)).catch(() => undefined);
  }

  /** A scan while the server cannot be reached: read from the snapshot, recorded to be uploaded. */
  async function scanOffline(desk: OfflineDesk, code: string) {
    const [copy, card] = await Promise.all([desk.snapshot?.copy(code) ?? null, desk.snapshot?.patron(code) ?? null]);
    const after = borrowersAfter(desk.waiting.get());
    const borrower = after.has(code) ? after.get(code) ?? null : copy?.borrower ?? null;
    const patron = inHand.current;
    let kind = classify(code, copy ? 200 : 404, card ? 200 : 404);
    // a copy catalogued since the snapshot was taken: lent all the same, the server judges the record
    if (kind === 'unknown' && patron) kind = 'copy';
    const action = decide(kind, patron?.patronId ?? null, borrower);
    const title = copy?.title ?? code;
    switch (action.kind) {
      case 'invalid':
        return refused({ status: 400, code: 'INVALID', detail: t('invalidCode', code) });
      case 'unknown':
        return refused({ status: 404, code: 'UNKNOWN', detail: t('offlineUnknown', code) });
      case 'showPatron':
        setPatron(await desk.patron(card!));
        return setMessage(null);
      case 'checkout':
        await desk.record('CHECKOUT', code, patron!.patronId, title);
        setPatron({
          ...patron!,
          openLoans: [{ loanId: 'waiting:' + code, barcode: code, title, dueOn: '', overdue: false, renewals: 0, waiting: true },
            ...patron!.openLoans.filter((loan) => loan.barcode !== code)],
        });
        return setMessage({ kind: 'ok', text: t('offlineLent', title) });
      case 'checkin':
        await desk.record('CHECKIN', code, undefined, title);
        if (patron) setPatron({ ...patron, openLoans: patron.openLoans.filter((loan) => loan.barcode !== code) });
        return setMessage({ kind: 'ok', text: t('offlineReturned', title) });
    }
  }

  async function scan(text: string) {
    const code = cleanScan(text);
    if (!code) return;
    const offlineDesk = offline.current;
    if (offlineDesk?.offline.get()) return scanOffline(offlineDesk, code);
    const [copy, card] = await Promise.all([reach(desk.copy(code)), reach(desk.patron(code))]);
    if (!copy || !card) return scanOffline(offline.current!, code);
    const status = (answer: { ok: boolean; problem?: Problem }) => (answer.ok ? 200 : answer.problem?.status ?? 0);
    const kind = classify(code, status(copy), status(card));
    const found: Copy | null = copy.ok ? copy.body : null;
    const patron = inHand.current;
    const action = decide(kind, patron?.patronId ?? null, found?.loan?.patronId ?? null);
    switch (action.kind) {
      case 'invalid':
        return refused({ status: 400, code: 'INVALID', detail: t('invalidCode', code) });
      case 'unknown': {
        const other = [copy, card].find((answer) => !answer.ok && answer.problem.status !== 404);
        return refused(other && !other.ok ? other.problem : { status: 404, code: 'UNKNOWN', detail: t('unknownCode', code) });
      }
      case 'showPatron':
        if (card.ok) setPatron(card.body);
        return setMessage(null);
      case 'checkout':
        return lend(code, patron!, found);
      case 'checkin':
        return takeBack(code, patron, found);
    }
  }

  /** Lends the copy; owner: the library whose copy it is, when the barcode is several libraries'. */
  async function lend(code: string, patron: Patron, found: Copy | null, owner?: string) {
    const lent = await reach(desk.checkout(code, patron.patronId, owner));
    if (!lent) return scanOffline(offline.current!, code);
    if (!lent.ok) {
      refused(lent.problem);
      setChoice(ownerChoice(lent.problem, 'checkout', code, patron.patronId, schoolId));
      if (found && HOLD_WORTHY.has(lent.problem.code)) {
        setHoldOffer({ titleId: found.titleId, title: found.title, patronId: patron.patronId });
      }
      return;
    }
    const title = lent.body.title ?? found?.title ?? code;
    setPatron({
      ...patron,
      openLoans: [{ loanId: lent.body.loanId, barcode: code, title, dueOn: lent.body.dueOn, overdue: false, renewals: 0 },
        ...patron.openLoans.filter((loan) => loan.barcode !== code)],
    });
    // a patron leaving before the usual due date has the loan until the last open day before then: say why
    setMessage({ kind: 'ok', text: lent.body.leavesOn
      ? t('lentBeforeLeaving', title, formatDate(lent.body.dueOn), formatDate(lent.body.leavesOn))
      : t('lent', title, formatDate(lent.body.dueOn)) });
    if (!owner || owner === schoolId) void offline.current?.snapshot?.note(code, patron.patronId, lent.body.dueOn);
    return thenReload(patron.patronId);
  }

  async function takeBack(code: string, patron: Patron | null, found: Copy | null, owner?: string) {
    const back = await reach(desk.checkin(code, owner));
    if (!back) return scanOffline(offline.current!, code);
    if (!back.ok) {
      refused(back.problem);
      return setChoice(ownerChoice(back.problem, 'checkin', code, undefined, schoolId));
    }
    if (!owner || owner === schoolId) void offline.current?.snapshot?.note(code, null, null);
    if (patron) {
      setPatron({ ...patron, openLoans: patron.openLoans.filter((loan) => loan.barcode !== code) });
      thenReload(patron.patronId);
    }
    // the copy the query side found by its barcode is this library's: a partner's has another title
    const title = (!owner || owner === schoolId ? found?.title : null) ?? code;
    return setMessage({
      kind: 'ok',
      text: back.body.routedTo === 'HOLD_SHELF' ? t('returnedToHoldShelf', title)
        : back.body.overdueDays > 0 ? t('returnedLate', title, back.body.overdueDays) : t('returned', title),
    });
  }

  /** The librarian chose whose copy the barcode means: the same checkout or return, naming the owner. */
  function chooseOwner(asked: OwnerChoice, owner: string) {
    setChoice(null);
    queue.current = queue.current.then(() => run(async () => {
      const found = owner === schoolId ? await desk.copy(asked.barcode).then((copy) => (copy.ok ? copy.body : null)) : null;
      const patron = inHand.current;
      if (asked.kind === 'checkin') return takeBack(asked.barcode, patron, found, owner);
      // the patron is the one the checkout was for, still in hand
      if (patron && patron.patronId === asked.patronId) return lend(asked.barcode, patron, found, owner);
    }));
  }

  function onChooserKey(event: KeyboardEvent) {
    if (!choice) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setChoice(null);
      field.current?.focus();
      return;
    }
    const owner = ownerForKey(choice, event.key);
    if (owner) {
      event.preventDefault();
      chooseOwner(choice, owner);
    }
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch {
      refused({ status: 0, code: 'NETWORK', detail: t('network') });
    } finally {
      setBusy(false);
    }
  }

  async function placeHold(offer: HoldOffer) {
    await run(async () => {
      const placed = await desk.placeHold(offer.titleId, offer.patronId);
      if (!placed.ok) return refused(placed.problem);
      setMessage({ kind: 'ok', text: t('holdPlaced', offer.title, placed.body.position) });
      await reload(offer.patronId);
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    const input = event.currentTarget as HTMLInputElement;
    if (event.key === 'F2' && holdOffer) {
      event.preventDefault();
      const offer = holdOffer;
      queue.current = queue.current.then(() => placeHold(offer));
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const text = input.value;
      input.value = '';
      startedAt.current = performance.now();
      // a scanner does not wait for the answer: scans are taken one after the other
      queue.current = queue.current.then(() => run(() => scan(text)));
    } else if (event.key === 'Escape') {
      setPatron(null);
      setMessage(null);
    }
  }

  async function renew(loan: Loan) {
    const { loanId, title } = loan;
    await run(async () => {
      const offlineDesk = offline.current;
      // a loan the desk knows only offline (lent offline, or from the snapshot) has no id the server knows yet
      const offlineOnly = loan.waiting || loanId.startsWith('snapshot:') || offlineDesk?.offline.get();
      const renewed = offlineOnly ? null : await reach(desk.renew(loanId));
      if (!renewed && offlineDesk) {
        await offlineDesk.record('RENEWAL', loan.barcode, inHand.current?.patronId, title);
        return setMessage({ kind: 'ok', text: t('offlineRenewed', title) });
      }
      if (!renewed) return;
      if (!renewed.ok) return refused(renewed.problem);
      if (inHand.current) await reload(inHand.current.patronId);
      setMessage({ kind: 'ok', text: renewed.body.leavesOn
        ? t('renewedBeforeLeaving', title, formatDate(renewed.body.dueOn), formatDate(renewed.body.leavesOn))
        : t('renewed', title, formatDate(renewed.body.dueOn)) });
    });
  }

  return (
    <section class="desk" aria-busy={busy} data-lang={lang}>
      <h1>{t('desk')}</h1>
      <nav class="subnav" aria-label={t('desk')}>
        <a href="/desk/holds" onClick={follow}>{t('holdShelf')}</a>
        <a href="/desk/overdue" onClick={follow}>{t('overdueByClass')}</a>
      </nav>
      <div class="scan">
        <label for="scan">{t('scanLabel')}</label>
        <input id="scan" class="scan-field" autocomplete="off" autocapitalize="off" spellcheck={false} ref={field}
          aria-describedby="scan-help" onKeyDown={onKeyDown} />
        <p id="scan-help" class="help">{t('scanHelp')}</p>
      </div>
      {offlineDesk && <OfflineState desk={offlineDesk} />}
      <div class="message-area" aria-live="assertive">
        {message && (
          <p class={message.kind === 'refused' ? 'problem' : 'done'} role={message.kind === 'refused' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {holdOffer && (
          <button type="button" class="hold-offer" onClick={() => placeHold(holdOffer)}>
            {t('placeHold', holdOffer.title)} (F2)
          </button>
        )}
        {choice && (
          <fieldset class="owner-choice" ref={chooser} onKeyDown={onChooserKey}>
            <legend>{t(choice.kind === 'checkout' ? 'chooseOwnerLend' : 'chooseOwnerReturn', choice.barcode)}</legend>
            {choice.owners.map((owner, index) => (
              <button type="button" key={owner} data-owner={owner} onClick={() => chooseOwner(choice, owner)}>
                {index + 1}. {owner === schoolId ? t('ownLibrary', owner) : t('partnerLibrary', owner)}
              </button>
            ))}
            <p class="help">{t('chooseOwnerHelp')}</p>
          </fieldset>
        )}
      </div>
      {patron ? (
        <section class="patron" aria-labelledby="patron-name">
          <h2 id="patron-name">{patron.fullName} <span class="id">({patron.patronId})</span></h2>
          <p class="meta">
            {patron.classId && <span>{t('klass', patron.classId)}</span>}
            {!patron.active && <span class="unavailable">{t('left')}</span>}
            {patron.active && patron.leavesOn && <span class="leaving">{t('leaves', formatDate(patron.leavesOn))}</span>}
          </p>
          <h3>{t('openLoans', patron.openLoans.length)}</h3>
          {patron.openLoans.length === 0 ? <p>{t('noLoans')}</p> : (
            <ul class="loans">
              {patron.openLoans.map((loan) => (
                <li key={loan.loanId} class={loan.overdue ? 'loan overdue' : 'loan'} data-barcode={loan.barcode}>
                  <span class="title">{loan.title}</span>
                  <span class="barcode">{loan.barcode}</span>
                  <span class="due">{loan.waiting ? t('waitingDue')
                    : (loan.overdue ? t('overdue') + ' · ' : '') + (loan.dueOn ? t('due', formatDate(loan.dueOn)) : '')}</span>
                  <button type="button" onClick={() => renew(loan)}>{t('renew')}</button>
                </li>
              ))}
            </ul>
          )}
          {patron.holds.length > 0 && (
            <>
              <h3>{t('holds', patron.holds.length)}</h3>
              <ul class="holds">
                {patron.holds.map((hold) => (
                  <li key={hold.holdId}>
                    {hold.title ? hold.title + ' · ' : ''}
                    {hold.status === 'READY' ? t('holdReady', formatDate(hold.pickupBy)) : t('holdWaiting', hold.position ?? '')}
                    {hold.barcode ? ` · ${hold.barcode}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" class="secondary" onClick={() => { setPatron(null); setMessage(null); }}>{t('done')} (Esc)</button>
        </section>
      ) : (
        <p class="no-patron">{t('noPatron')}</p>
      )}
    </section>
  );
}
