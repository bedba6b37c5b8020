import { formatDateTime, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import { countsWording, leftOutWording } from '../lib/rollover';
import type { YearRollover } from '../lib/rollover';

/** The year's rollover already asked for: when, by whom, what it did; no second plan is offered. */
export default function RolledOver({ rollover }: { rollover: YearRollover }) {
  const done = rollover.status === 'SUCCEEDED';
  return (
    <section class="rolled-over" aria-labelledby="rolled-over-heading">
      <h2 id="rolled-over-heading">{t(done ? 'rolledOverHeading' : 'rolledOverRunning', rollover.schoolYear)}</h2>
      <p>{t('rolledOverWhen', formatDateTime(rollover.requestedAt), rollover.requestedBy, rollover.fromSchoolYear)}
        {rollover.finishedAt && <> {t('rolledOverFinished', formatDateTime(rollover.finishedAt))}</>}</p>
      <p class="rolled-over-counts">{t(countsWording(rollover), formatNumber(rollover.studentsMoved), formatNumber(rollover.studentsGraduated),
        formatNumber(rollover.classesOpened))}</p>
      {leftOutWording(rollover) && <p class="rolled-over-left-out">{t('rolledOverLeftOut', leftOutWording(rollover))}</p>}
      <p class="help">{t('rolledOverOnce')}</p>
    </section>
  );
}
