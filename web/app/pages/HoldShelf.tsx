import { useState } from 'preact/hooks';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { follow } from '../lib/router';
import type { Paged } from '../lib/schoolApi';
import type { Problem } from '../lib/session';
import { Done, ProblemNote, today, useLoaded, useSchoolApi } from '../lib/ui';

interface ShelfHold {
  holdId: string;
  titleId: string;
  title: string | null;
  patronId: string;
  fullName: string | null;
  status: string;
  barcode: string | null;
  pickupBy: string | null;
  closedAt: string | null;
}

/**
 * The hold shelf: copies kept for the readers who asked for them (the oldest first, those past
 * their pickup date marked), and the holds that lapsed, whose copies go back to the shelf.
 */
export default function HoldShelf({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const ready = useLoaded(() => api.get<Paged<ShelfHold>>('/holds?status=READY&size=200'), [api]);
  const expired = useLoaded(() => api.get<Paged<ShelfHold>>('/holds?status=EXPIRED&size=50'), [api]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = today();

  async function cancel(hold: ShelfHold) {
    const answer = await api.delete('/holds/' + encodeURIComponent(hold.holdId));
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('holdCancelled', hold.title ?? hold.titleId));
    ready.reload();
  }

  return (
    <section class="hold-shelf">
      <p><a href="/desk" onClick={follow}>← {t('desk')}</a></p>
      <h1>{t('holdShelf')}</h1>
      <ProblemNote problem={problem ?? ready.problem} />
      <Done text={done} />
      <h2>{t('holdsReady', ready.value?.totalItems ?? 0)}</h2>
      {ready.value && ready.value.items.length === 0 && <p>{t('holdShelfEmpty')}</p>}
      {ready.value && ready.value.items.length > 0 && (
        <table class="ready-holds">
          <thead><tr><th>{t('titleField')}</th><th>{t('barcode')}</th><th>{t('reader')}</th><th>{t('pickupBy')}</th><th><span class="visually-hidden">{t('actions')}</span></th></tr></thead>
          <tbody>
            {ready.value.items.map((hold) => (
              <tr key={hold.holdId} data-barcode={hold.barcode ?? ''} class={hold.pickupBy && hold.pickupBy < now ? 'late' : ''}>
                <td>{hold.title ?? hold.titleId}</td>
                <td>{hold.barcode}</td>
                <td>{hold.fullName ?? hold.patronId} <span class="id">({hold.patronId})</span></td>
                <td>{formatDate(hold.pickupBy)}{hold.pickupBy && hold.pickupBy < now ? ' · ' + t('pickupLate') : ''}</td>
                <td><button type="button" class="secondary" onClick={() => cancel(hold)}>{t('cancelHold')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('holdsExpired')}</h2>
      {expired.value && expired.value.items.length === 0 && <p>{t('none')}</p>}
      {expired.value && expired.value.items.length > 0 && (
        <table class="expired-holds">
          <thead><tr><th>{t('titleField')}</th><th>{t('reader')}</th><th>{t('expiredOn')}</th></tr></thead>
          <tbody>
            {expired.value.items.map((hold) => (
              <tr key={hold.holdId}>
                <td>{hold.title ?? hold.titleId}</td>
                <td>{hold.fullName ?? hold.patronId} <span class="id">({hold.patronId})</span></td>
                <td>{formatDate(hold.closedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
