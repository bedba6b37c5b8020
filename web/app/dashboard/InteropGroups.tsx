import { groupFiguresValues } from '../lib/dashboards';
import type { Guarded, InteropGroup } from '../lib/dashboards';
import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';

/** An authority's liên thông groups: their schools, what they share and the year's figures; a note when there are none. */
export function InteropGroups({ groups }: { groups: Guarded<InteropGroup[]> }) {
  if (groups.state === 'loading') return <p aria-busy="true">{t('loading')}</p>;
  if (groups.state === 'unavailable') return <p class="muted unavailable-note interop-note">{t('interopUnavailable')}</p>;
  if (groups.state === 'refused') return <p class="problem" role="alert">{groups.message}</p>;
  if (groups.body.length === 0) return <p class="muted interop-note">{t('noInteropGroups')}</p>;
  return (
    <ul class="interop-groups">
      {groups.body.map((group) => (
        <li key={group.groupId} data-group={group.groupId}>
          <strong>{group.name}</strong> <span class="muted">({t(('sharing_' + group.sharing) as Key)})</span>
          <div>{group.schools.map((school) => school.name).join(', ')}</div>
          {group.figures && <div class="interop-figures">{t('groupFigures', ...groupFiguresValues(group.figures))}</div>}
        </li>
      ))}
    </ul>
  );
}
