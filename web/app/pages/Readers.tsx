import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../lib/format';
import { classNameOf } from '../lib/lists';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { canOpen } from '../lib/roles';
import { follow } from '../lib/router';
import { query } from '../lib/schoolApi';
import type { Paged } from '../lib/schoolApi';
import type { Caller } from '../lib/session';
import { ProblemNote, useLoaded, useSchoolApi } from '../lib/ui';

interface PatronLine {
  patronId: string;
  fullName: string;
  category: string;
  classId: string | null;
  active: boolean;
}

export interface ClassLine {
  classId: string;
  name: string;
  grade: number;
  schoolYear: string;
  enrolled: number;
  closedOn: string | null;
}

/** Readers and classes: a reader found by name or id (without diacritics too), the classes with their rosters. */
export default function Readers({ schoolId, caller }: { schoolId: string; caller: Caller }) {
  const api = useSchoolApi(schoolId);
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(q), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const patrons = useLoaded(() => api.get<Paged<PatronLine>>('/patrons' + query({ q: asked, size: 50 })), [api, asked]);
  const classes = useLoaded(() => api.get<{ items: ClassLine[] }>('/classes'), [api]);

  return (
    <section class="readers">
      <h1>{t('readers')}</h1>
      {canOpen(caller, 'rollover') && (
        <nav class="subnav" aria-label={t('readersTasks')}>
          <a href="/readers/rollover" onClick={follow}>{t('rollover')}</a>
        </nav>
      )}
      <h2>{t('classes')}</h2>
      <ProblemNote problem={classes.problem} />
      {classes.value && (
        <ul class="class-cards">
          {classes.value.items.filter((c) => !c.closedOn).map((c) => (
            <li key={c.classId}>
              <a href={`/readers/classes/${encodeURIComponent(c.classId)}`} onClick={follow}>{c.name}</a>
              <span class="meta">{c.schoolYear} · {t('enrolled', formatNumber(c.enrolled))}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('patrons')}</h2>
      <label for="patron-q">{t('patronSearch')}</label>
      <input id="patron-q" type="search" autocomplete="off" onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      <ProblemNote problem={patrons.problem} />
      {patrons.value && <p class="count" aria-live="polite">{t('results', patrons.value.totalItems)}</p>}
      {patrons.value && patrons.value.items.length > 0 && (
        <table class="patrons">
          <thead><tr><th>{t('reader')}</th><th>{t('patronId')}</th><th>{t('category')}</th><th>{t('klassLabel')}</th></tr></thead>
          <tbody>
            {patrons.value.items.map((p) => (
              <tr key={p.patronId}>
                <td>{p.fullName}{!p.active && <span class="unavailable"> · {t('left')}</span>}</td>
                <td>{p.patronId}</td>
                <td>{t(('category_' + p.category) as Key)}</td>
                <td>{p.classId && <a href={`/readers/classes/${encodeURIComponent(p.classId)}`} onClick={follow}>{classNameOf(p.classId, classes.value?.items)}</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
