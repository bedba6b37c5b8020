import { t } from '../lib/i18n';

/** The head of a table comparing reading metrics, one row per school or per class: the same columns in the same order on every dashboard. */
export function MetricHeads({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('enrolledStudents')}</th>
        <th scope="col">{t('loansLabel')}</th>
        <th scope="col">{t('loansPerStudent')}</th>
        <th scope="col">{t('activeReaderRate')}</th>
        <th scope="col">{t('readingMinutesPerStudent')}</th>
        <th scope="col">{t('libraryPeriodsLabel')}</th>
      </tr>
    </thead>
  );
}
