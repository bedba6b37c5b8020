import { levelCounts, missingForNextLevel } from '../lib/dashboards';
import type { AuthorityCircular16, Circular16, Guarded, Level } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { language, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { useSignal } from '../lib/signal';

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
  const lang = useSignal(language);
  if (evaluation.state !== 'shown') return <Unavailable evaluation={evaluation} />;
  const body = evaluation.body;
  const nextLevel = body.missingForNextLevel.nextLevel;
  const missing = missingForNextLevel(body);
  return (
    <div class="circular-16">
      <p class="level-line">
        {t('overallLevel')} <strong class={'level ' + body.level}>{levelName(body.level)}</strong>
        <span class="muted"> {t('computedAt', formatDate(body.computedAt))}</span>
      </p>
      <ul class="standards">
        {body.standards.map((standard) => (
          <li key={standard.standard} data-standard={standard.standard}>
            {t('standardLine', standard.standard, lang === 'en' ? standard.nameEn : standard.name)}:{' '}
            <strong class={'level ' + standard.level}>{levelName(standard.level)}</strong>
          </li>
        ))}
      </ul>
      <h3>{nextLevel ? t('missingForLevel', levelName(nextLevel)) : t('missingHeading')}</h3>
      {missing.length === 0 ? <p class="muted">{t('nothingMissing')}</p> : (
        <ul class="missing">
          {missing.map(({ item, criterion }) => (
            <li key={item.criterionId} data-criterion={item.criterionId}>
              <span>{t('standardLine', item.standard, item.text)}</span>
              {criterion && <span class="muted"> — {t(criterion.source === 'DECLARED' ? 'declared' : 'computed')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An authority's schools by their Circular 16 level: how many and what share at each, per education level, and each school's. */
export function AuthorityCircular16Panel({ evaluation }: { evaluation: Guarded<AuthorityCircular16> }) {
  if (evaluation.state !== 'shown') return <Unavailable evaluation={evaluation} />;
  const report = evaluation.body;
  const counts = levelCounts(report);
  const standards = Math.max(0, ...report.schools.map((school) => school.standards.length));
  return (
    <div class="circular-16">
      <ul class="figures">
        {(['LEVEL_2', 'LEVEL_1', 'NOT_MET'] as Level[]).map((level) => (
          <li key={level} data-level={level}>
            <span class="figure-value">{formatNumber(counts[level].schools)}</span>
            <span class="figure-label">{levelName(level)} · {formatNumber(counts[level].share)}%</span>
          </li>
        ))}
      </ul>
      <ul class="level-summaries">
        {report.levels.map((summary) => <li key={summary.educationLevel} data-education-level={summary.educationLevel}>{summary.summary}</li>)}
      </ul>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('circular16Schools')}>
        <table class="circular-16-schools">
          <thead>
            <tr>
              <th scope="col">{t('school')}</th>
              <th scope="col">{t('level')}</th>
              {Array.from({ length: standards }, (_, i) => <th key={i} scope="col">{t('standardShort', i + 1)}</th>)}
            </tr>
          </thead>
          <tbody>
            {report.schools.map((school) => (
              <tr key={school.schoolId} data-school={school.schoolId}>
                <th scope="row">{school.name}</th>
                <td class={'level ' + school.level}>{levelName(school.level)}</td>
                {school.standards.map((level, i) => <td key={i} class={'level ' + level}>{levelName(level)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
