import { useState } from 'preact/hooks';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { follow } from '../lib/router';
import { query } from '../lib/schoolApi';
import { byClass } from '../lib/lists';
import type { Paged } from '../lib/schoolApi';
import { ProblemNote, useLoaded, useSchoolApi } from '../lib/ui';

interface OverdueLoan {
  loanId: string;
  barcode: string;
  title: string;
  patronId: string;
  fullName: string | null;
  classId: string | null;
  dueOn: string;
}

export interface ClassSummary {
  classId: string;
  name: string;
  grade: number;
  schoolYear: string;
  enrolled: number;
  closedOn: string | null;
}

export default function Overdue({ schoolId }: { schoolId: string }) {
  const api = useSchoolApi(schoolId);
  const [classId, setClassId] = useState('');
  const classes = useLoaded(() => api.get<{ items: ClassSummary[] }>('/classes'), [api]);
  const loans = useLoaded(() => api.get<Paged<OverdueLoan>>('/loans' + query({ overdue: true, classId, size: 200 })), [api, classId]);
  const names = new Map((classes.value?.items ?? []).map((c) => [c.classId, c.name]));

  return (
    <section class="overdue">
      <p><a href="/desk" onClick={follow}>← {t('desk')}</a></p>
      <h1>{t('overdueByClass')}</h1>
      <label for="overdue-class">{t('klassLabel')}</label>
      <select id="overdue-class" value={classId} onChange={(e) => setClassId((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('allClasses')}</option>
        {(classes.value?.items ?? []).filter((c) => !c.closedOn).map((c) => <option key={c.classId} value={c.classId}>{c.name}</option>)}
      </select>
      <ProblemNote problem={loans.problem} />
      {loans.value && <p class="count" aria-live="polite">{t('overdueCount', loans.value.totalItems)}</p>}
      {loans.value && byClass(loans.value.items).map(([group, items]) => (
        <section key={group} class="overdue-class" data-class={group}>
          <h2>{group ? names.get(group) ?? group : t('noClass')}</h2>
          <table>
            <thead><tr><th>{t('reader')}</th><th>{t('titleField')}</th><th>{t('barcode')}</th><th>{t('dueOn')}</th></tr></thead>
            <tbody>
              {items.map((loan) => (
                <tr key={loan.loanId}>
                  <td>{loan.fullName ?? loan.patronId} <span class="id">({loan.patronId})</span></td>
                  <td>{loan.title}</td>
                  <td>{loan.barcode}</td>
                  <td>{formatDate(loan.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
