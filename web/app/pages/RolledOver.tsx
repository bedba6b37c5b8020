import { formatDateTime, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import { countsWording, leftOutWording } from '../lib/rollover';
import type { LeftOutClass, YearRollover } from '../lib/rollover';

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
      <LeftOutNote classesLeftOut={rollover.classesLeftOut} />
      <p class="help">{t('rolledOverOnce')}</p>
    </section>
  );
}

/**
 * The old year's classes a rollover left out (still open, their students not moved), as its
 * standing rollover and its finished job both say them; nothing when it left none out.
 */
export function LeftOutNote({ classesLeftOut }: { classesLeftOut?: LeftOutClass[] }) {
  const wording = leftOutWording({ classesLeftOut });
  return wording ? <p class="rolled-over-left-out">{t('rolledOverLeftOut', wording)}</p> : null;
}
