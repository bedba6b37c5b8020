import { useEffect, useState } from 'preact/hooks';
import { publicPath } from '../lib/catalogue';
import type { PublicTitleDetail } from '../lib/catalogue';
import { language, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { follow } from '../lib/router';
import { api } from '../lib/session';
import { useSignal } from '../lib/signal';
import { Availability } from './Opac';

/** A title's page, the one a label's QR code opens on a phone: where it stands, whether a copy is in. */
export default function OpacTitle({ schoolId, titleId }: { schoolId: string; titleId: string }) {
  const lang = useSignal(language);
  const [title, setTitle] = useState<PublicTitleDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api(publicPath(schoolId, '/titles/' + encodeURIComponent(titleId)), { language: lang, anonymous: true })
      .then(async (response) => {
        const body = await response.json();
        if (response.ok) setTitle(body as PublicTitleDetail);
        else setProblem((body as { detail?: string }).detail ?? t('notFound'));
      })
      .catch(() => setProblem(t('network')));
  }, [schoolId, titleId, lang]);

  return (
    <section class="opac-title">
      <p><a href={`/opac/${schoolId}${location.search}`} onClick={follow}>← {t('back')}</a></p>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {!title && !problem && <p aria-busy="true">{t('loading')}</p>}
      {title && (
        <article>
          <h1>{title.title}</h1>
          <p class="meta"><Availability title={title} /></p>
          <dl class="facts">
            {title.classification && <><dt>{t('shelf')}</dt><dd class="shelf-mark">{title.classification}</dd></>}
            {title.authors.length > 0 && <><dt>{t('authors')}</dt><dd>{title.authors.join(', ')}</dd></>}
            {title.publisher && <><dt>{t('publisher')}</dt><dd>{title.publisher}</dd></>}
            {title.publishedYear && <><dt>{t('year')}</dt><dd>{title.publishedYear}</dd></>}
            {title.isbn && <><dt>ISBN</dt><dd>{title.isbn}</dd></>}
            {title.subjects.length > 0 && <><dt>{t('subjects')}</dt><dd>{title.subjects.join(', ')}</dd></>}
          </dl>
          <h2>{t('copies')}</h2>
          <table class="copies">
            <thead><tr><th scope="col">{t('barcode')}</th><th scope="col">{t('status')}</th></tr></thead>
            <tbody>
              {title.copies.map((copy) => (
                <tr key={copy.barcode}>
                  <td>{copy.barcode}</td>
                  <td>{t(copy.status as Key)}{copy.loanable ? '' : ' · ' + t('inLibraryOnly')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      )}
    </section>
  );
}
