// What the desk shows of its offline side: that it is offline, the records waiting (in the order
// they happened), and each uploaded record's outcome with its code's text.
import { formatDate } from '../lib/format';
import { hasText, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { useSignal } from '../lib/signal';
import { follow } from '../lib/router';
import { waitingNotice } from './notice';
import type { OfflineDesk } from './offlineDesk';
import { needsAttention } from './queue';
import type { DeskRecord, Outcome } from './queue';

const TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A code's text when the app has one, else the code itself. */
export function codeText(code: string | null | undefined): string {
  if (!code) return '';
  return hasText(code) ? t(code) : code;
}

function describe(record: DeskRecord): string {
  return [t(`kind${record.kind}` as Key), record.barcode, record.title && record.title !== record.barcode ? `“${record.title}”` : '',
    record.patronId ?? '', TIME.format(new Date(record.recordedAt)) + ' ' + formatDate(record.recordedAt)]
    .filter(Boolean).join(' · ');
}

function outcomeText(outcome: Outcome): string {
  const status = t(`outcome${outcome.status}` as Key, codeText(outcome.code));
  return outcome.dueOn ? `${status}, ${t('outcomeDue', formatDate(outcome.dueOn))}` : status;
}

export function OfflineState({ desk }: { desk: OfflineDesk }) {
  const offline = useSignal(desk.offline);
  const waiting = useSignal(desk.waiting);
  const outcomes = useSignal(desk.outcomes);
  const refusal = useSignal(desk.refusal);
  const notice = waitingNotice(offline, waiting.length, refusal);
  const stopped = notice.stopped;
  // every refusal and exception until the librarian has dealt with it, and the latest of the rest
  const latest = [...outcomes.filter(needsAttention).reverse(),
    ...outcomes.filter((outcome) => !needsAttention(outcome)).slice(-20).reverse()];
  return (
    <>
      {(offline || waiting.length > 0) && (
        <section class={offline ? 'offline-state offline' : stopped ? 'offline-state stopped' : 'offline-state'}
          aria-labelledby="offline-heading">
          <div role={stopped ? 'alert' : 'status'}><h2 id="offline-heading">{notice.heading}</h2></div>
          {notice.help && <p class="help">{notice.help}</p>}
          {notice.signIn && <p><a class="button sign-in-again" href={notice.signIn} onClick={follow}>{t('signInAgain')}</a></p>}
          {waiting.length > 0 && (
            <ul class="waiting-records" aria-label={t('waitingList')}>
              {waiting.map((record) => <li key={record.key} data-kind={record.kind} data-barcode={record.barcode}>{describe(record)}</li>)}
            </ul>
          )}
        </section>
      )}
      {latest.length > 0 && (
        <section class="offline-outcomes" aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">{t('outcomesHeading')}</h2>
          <ul>
            {latest.map((outcome) => (
              <li key={outcome.key} class={'outcome ' + outcome.status.toLowerCase()} data-status={outcome.status}
                data-barcode={outcome.record?.barcode ?? ''} data-kind={outcome.record?.kind ?? ''}>
                {outcome.record ? describe(outcome.record) + ' — ' : ''}{outcomeText(outcome)}
                {needsAttention(outcome) && (
                  <button type="button" class="acknowledge" onClick={() => void desk.acknowledge(outcome.key)}>
                    {t('outcomeAcknowledge')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
