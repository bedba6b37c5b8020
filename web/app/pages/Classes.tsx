import '../dashboard/dashboard.css';
import { useEffect, useState } from 'preact/hooks';
import { read, schoolPath } from '../lib/dashboards';
import { formatNumber } from '../lib/format';
import { bareClassName, language, t } from '../lib/i18n';
import { follow } from '../lib/router';
import { useSignal } from '../lib/signal';

interface ClassSummary {
  classId: string;
  name: string;
  grade: number;
  schoolYear: string;
  enrolled: number;
  closedOn: string | null;
}

/** The classes whose dashboards the caller may open: a teacher's own (the API lists no other), or the school's. */
export default function Classes({ schoolId, mine }: { schoolId: string; mine: boolean }) {
  const lang = useSignal(language);
  const [classes, setClasses] = useState<ClassSummary[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    read<{ items: ClassSummary[] }>(schoolPath(schoolId, '/classes'), lang).then((answer) => {
      if (answer.ok) setClasses(answer.body.items.filter((c) => !c.closedOn));
      else setRefusal(answer.problem.detail ?? t('network'));
    });
  }, [schoolId, lang]);

  return (
    <section class="dashboard">
      <h1>{t(mine ? 'myClasses' : 'schoolClasses')}</h1>
      {refusal && <p class="problem" role="alert">{refusal}</p>}
      {!classes && !refusal && <p aria-busy="true">{t('loading')}</p>}
      {classes && classes.length === 0 && <p class="muted">{t('noClasses')}</p>}
      {classes && classes.length > 0 && (
        <ul class="cards classes">
          {classes.map((c) => (
            <li key={c.classId}>
              <a href={`/dashboard/classes/${encodeURIComponent(c.classId)}`} onClick={follow}>{t('classLink', bareClassName(c.name))}</a>
              <span class="muted">{t('classFacts', formatNumber(c.grade), c.schoolYear, formatNumber(c.enrolled))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
