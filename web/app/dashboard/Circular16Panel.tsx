import { levelCounts, missingCriteria } from '../lib/dashboards';
import type { AuthorityCircular16, Circular16, Guarded, Level } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';

export function levelName(level: Level): string {
  return t(('level_' + level) as Key);
}

function Unavailable<T>({ evaluation }: { evaluation: Guarded<T> }) {
  if (evaluation.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (evaluation.state === 'unavailable') return <p class="muted unavailable-note circular-16-note">{t('circular16Unavailable')}</p>;
  if (evaluation.state === 'refused') return <p class="problem" role="alert">{evaluation.message}</p>;
  return null;
}

/** A school's Circular 16/2022 evaluation: its level, each standard's, and what is missing to reach the next. */
export function Circular16Panel({ evaluation }: { evaluation: Guarded<Circular16> }) {
  if (evaluation.state !== 'shown') return <Unavailable evaluation={evaluation} />;
  const body = evaluation.body;
  const missing = missingCriteria(body);
  return (
    <div class="circular-16">
      <p class="level-line">
        {t('overallLevel')} <strong class={'level ' + body.level}>{levelName(body.level)}</strong>
        <span class="muted"> {t('computedAt', formatDate(body.computedAt))}</span>
      </p>
      <ul class="standards">
        {body.standards.map((standard) => (
          <li key={standard.standard}>
            {t('standardLine', standard.standard, standard.name)}: <strong class={'level ' + standard.level}>{levelName(standard.level)}</strong>
          </li>
        ))}
      </ul>
      <h3>{t('missingHeading')}</h3>
      {missing.length === 0 ? <p class="muted">{t('nothingMissing')}</p> : (
        <ul class="missing">
          {missing.flatMap((standard) => standard.criteria.map((criterion) => (
            <li key={criterion.criterionId} data-criterion={criterion.criterionId}>
              <span>{criterion.text}</span>
              {criterion.value !== undefined && criterion.value !== null && criterion.threshold !== undefined && criterion.threshold !== null && (
                <span class="muted"> ({t('valueAgainst', formatNumber(criterion.value), formatNumber(criterion.threshold))})</span>
              )}
              <span class="muted"> — {t(criterion.source === 'DECLARED' ? 'declared' : 'computed')}</span>
            </li>
          )))}
        </ul>
      )}
    </div>
  );
}

/** An authority's schools by their Circular 16 level: how many at each, and each school's. */
export function AuthorityCircular16Panel({ evaluation, names }: { evaluation: Guarded<AuthorityCircular16>; names: Record<string, string> }) {
  if (evaluation.state !== 'shown') return <Unavailable evaluation={evaluation} />;
  const counts = levelCounts(evaluation.body);
  return (
    <div class="circular-16">
      <ul class="figures">
        {(['LEVEL_2', 'LEVEL_1', 'NOT_MET'] as Level[]).map((level) => (
          <li key={level}><span class="figure-value">{formatNumber(counts[level])}</span><span class="figure-label">{levelName(level)}</span></li>
        ))}
      </ul>
      <table>
        <thead><tr><th scope="col">{t('school')}</th><th scope="col">{t('level')}</th></tr></thead>
        <tbody>
          {evaluation.body.schools.map((school) => (
            <tr key={school.schoolId}>
              <td>{school.name ?? names[school.schoolId] ?? school.schoolId}</td>
              <td class={'level ' + school.level}>{levelName(school.level)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
