import { useEffect, useRef, useState } from 'preact/hooks';
import { availability, PAGE_SIZE, publicPath } from '../lib/catalogue';
import type { Paged, PublicSchool, PublicTitle } from '../lib/catalogue';
import { formatNumber } from '../lib/format';
import { language, t } from '../lib/i18n';
import { follow } from '../lib/router';
import { api } from '../lib/session';
import { useSignal } from '../lib/signal';

declare global {
  interface Window {
    motsachResultsShownAt?: number;
  }
}

/** Search as you type: a pause of this long after the last key sends the query. */
const TYPING_PAUSE_MS = 200;

export function Availability({ title }: { title: PublicTitle }) {
  const { available, text } = availability(title);
  return <span class={available ? 'available' : 'unavailable'}>{text}</span>;
}

export default function Opac({ schoolId }: { schoolId: string }) {
  const lang = useSignal(language);
  const params = new URLSearchParams(location.search);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(0);
  const [school, setSchool] = useState<PublicSchool | null>(null);
  const [found, setFound] = useState<Paged<PublicTitle> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    api(publicPath(schoolId), { language: lang, anonymous: true }).then(async (response) => {
      if (response.ok) setSchool((await response.json()) as PublicSchool);
      else setProblem(((await response.json()) as { detail?: string }).detail ?? t('schoolNotFound'));
    }).catch(() => setProblem(t('network')));
  }, [schoolId, lang]);

  useEffect(() => {
    const ask = ++asked.current;
    const timer = window.setTimeout(async () => {
      const search = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
      if (query.trim()) search.set('q', query.trim());
      try {
        const response = await api(publicPath(schoolId, '/titles?' + search), { language: lang, anonymous: true });
        if (ask !== asked.current) return; // a later key was pressed
        if (response.ok) {
          setFound((await response.json()) as Paged<PublicTitle>);
          // the query is kept in the address, so that back from a title returns to the same list
          history.replaceState(null, '', location.pathname + (query.trim() ? '?q=' + encodeURIComponent(query.trim()) : ''));
        }
      } catch {
        setProblem(t('network'));
      }
    }, query ? TYPING_PAUSE_MS : 0);
    return () => window.clearTimeout(timer);
  }, [schoolId, query, page, lang]);

  useEffect(() => {
    // when the first results were shown, in milliseconds since the page was opened: read by the browser tests
    if (found) window.motsachResultsShownAt ??= performance.now();
  }, [found]);

  const pages = found ? Math.max(1, Math.ceil(found.totalItems / PAGE_SIZE)) : 1;
  const back = query.trim() ? '?q=' + encodeURIComponent(query.trim()) : '';
  return (
    <section class="opac">
      <h1>{school ? school.name : t('catalogue')}</h1>
      {problem && <p class="problem" role="alert">{problem}</p>}
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="opac-q">{t('searchLabel')}</label>
        <input id="opac-q" type="search" autoFocus autocomplete="off" placeholder={t('searchPlaceholder')} value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setPage(0);
          }} />
      </form>
      <p class="count" role="status" aria-live="polite">{found ? t('results', formatNumber(found.totalItems)) : ''}</p>
      {found && found.items.length === 0 && <p>{t('noResults')}</p>}
      <ol class="titles">
        {found?.items.map((title) => (
          <li key={title.titleId}>
            <h2><a href={`/opac/${schoolId}/titles/${title.titleId}${back}`} onClick={follow}>{title.title}</a></h2>
            {title.authors.length > 0 && <p class="authors">{title.authors.join(', ')}</p>}
            <p class="meta">
              <Availability title={title} />
              {title.classification && <span class="shelf">{t('shelf')}: <strong>{title.classification}</strong></span>}
            </p>
          </li>
        ))}
      </ol>
      {found && pages > 1 && (
        <nav class="pager" aria-label={t('page', page + 1, pages)}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('previous')}</button>
          <span>{t('page', formatNumber(page + 1), formatNumber(pages))}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('next')}</button>
        </nav>
      )}
    </section>
  );
}
