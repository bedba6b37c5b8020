import { render } from 'preact';
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { language, setLanguage, t } from './lib/i18n';
import type { Language } from './lib/i18n';
import { canOpen } from './lib/roles';
import type { Page } from './lib/roles';
import { follow, navigate, path, route } from './lib/router';
import { currentCaller, onCallerChange, refresh, signOut } from './lib/session';
import type { Caller } from './lib/session';
import { useSignal } from './lib/signal';

// Each page is its own bundle, fetched when opened: the desk carries nothing of the catalogue's.
const pages = {
  signin: () => import('./pages/SignIn'),
  desk: () => import('./pages/Desk'),
  opac: () => import('./pages/Opac'),
  opacTitle: () => import('./pages/OpacTitle'),
  classes: () => import('./pages/Classes'),
  classDashboard: () => import('./pages/ClassDashboard'),
  schoolDashboard: () => import('./pages/SchoolDashboard'),
  authorityDashboard: () => import('./pages/AuthorityDashboard'),
  holdShelf: () => import('./pages/HoldShelf'),
  overdue: () => import('./pages/Overdue'),
  catalogue: () => import('./pages/Catalogue'),
  title: () => import('./pages/CatalogueTitle'),
  imports: () => import('./pages/Imports'),
  stocktakes: () => import('./pages/Stocktakes').then((module) => ({ default: module.StocktakeList })),
  stocktake: () => import('./pages/Stocktakes'),
  readers: () => import('./pages/Readers'),
  klass: () => import('./pages/ClassPage'),
  rollover: () => import('./pages/Rollover'),
};

function Lazy<P extends object>({ load, props }: { load: () => Promise<{ default: ComponentType<P> }>; props: P }) {
  const [page, setPage] = useState<{ component: ComponentType<P> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then((module) => current && setPage({ component: module.default }));
    return () => {
      current = false;
    };
  }, [load]);
  if (!page) return <p aria-busy="true">{t('loading')}</p>;
  const Page = page.component;
  return <Page {...props} />;
}

function useCaller(): [Caller | null, boolean] {
  const [caller, setCaller] = useState(currentCaller());
  const [known, setKnown] = useState(false);
  useEffect(() => {
    const stop = onCallerChange(setCaller);
    refresh().finally(() => setKnown(true));
    return stop;
  }, []);
  return [caller, known];
}

function Header({ caller }: { caller: Caller | null }) {
  const lang = useSignal(language);
  return (
    <header class="top">
      <a class="skip" href="#main">{t('skip')}</a>
      <a class="brand" href="/" onClick={follow}>{t('appName')}</a>
      <nav aria-label={t('home')}>
        <ul>
          {caller?.schoolId && <li><a href={`/opac/${caller.schoolId}`} onClick={follow}>{t('catalogue')}</a></li>}
          {canOpen(caller, 'desk') && <li><a href="/desk" onClick={follow}>{t('desk')}</a></li>}
          <DashboardLinks caller={caller} />
          {canOpen(caller, 'catalogue') && <li><a href="/catalogue" onClick={follow}>{t('catalogueStaff')}</a></li>}
          {canOpen(caller, 'readers') && <li><a href="/readers" onClick={follow}>{t('readers')}</a></li>}
        </ul>
      </nav>
      <div class="tools">
        <label class="language">
          <span class="visually-hidden">{t('language')}</span>
          <select value={lang} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        {caller ? (
          <>
            <span class="who">{t('signedInAs', caller.username)}</span>
            <button type="button" onClick={() => signOut().then(() => navigate('/'))}>{t('signOut')}</button>
          </>
        ) : (
          <a class="button" href="/signin" onClick={follow}>{t('signIn')}</a>
        )}
      </div>
    </header>
  );
}

/** The dashboards the caller's roles open: a teacher's classes, the school's overview, the authority's. */
function DashboardLinks({ caller }: { caller: Caller | null }) {
  return (
    <>
      {canOpen(caller, 'classDashboard') && <li><a href="/dashboard/classes" onClick={follow}>{t(teaches(caller) ? 'myClasses' : 'schoolClasses')}</a></li>}
      {canOpen(caller, 'schoolDashboard') && <li><a href="/dashboard/school" onClick={follow}>{t('schoolDashboardNav')}</a></li>}
      {canOpen(caller, 'authorityDashboard') && <li><a href="/dashboard/authority" onClick={follow}>{t('authorityDashboardNav')}</a></li>}
    </>
  );
}

function teaches(caller: Caller | null): boolean {
  return !!caller?.roles.includes('TEACHER');
}

/** A page for signed-in callers whose roles open it: the sign-in first, a refusal for the wrong role. */
function SignedInPage({ caller, known, page, next, children }: {
  caller: Caller | null; known: boolean; page: Page; next: string; children: () => ComponentChildren;
}) {
  if (!known) return <p aria-busy="true">{t('loading')}</p>;
  if (!caller) {
    navigate('/signin?next=' + encodeURIComponent(next));
    return null;
  }
  if (!canOpen(caller, page)) return <p role="alert">{t('forbidden')}</p>;
  return <>{children()}</>;
}

function Home({ caller }: { caller: Caller | null }) {
  return (
    <section class="home">
      <h1>{t('welcome')}</h1>
      <p>{t('welcomeText')}</p>
      <ul class="cards">
        {canOpen(caller, 'desk') && <li><a href="/desk" onClick={follow}>{t('desk')}</a></li>}
        {canOpen(caller, 'catalogue') && <li><a href="/catalogue" onClick={follow}>{t('catalogueStaff')}</a></li>}
        {canOpen(caller, 'readers') && <li><a href="/readers" onClick={follow}>{t('readers')}</a></li>}
        {caller?.schoolId && <li><a href={`/opac/${caller.schoolId}`} onClick={follow}>{t('catalogue')}</a></li>}
        <DashboardLinks caller={caller} />
        {!caller && <li><a href="/signin" onClick={follow}>{t('signIn')}</a></li>}
      </ul>
    </section>
  );
}

/**
 * A staff page: signed in (else to the sign-in, back here after), with a role that opens it
 * (else a refusal; the API would refuse its calls anyway).
 */
function staffPage(known: boolean, caller: Caller | null, page: Page, show: (caller: Caller & { schoolId: string }) => preact.JSX.Element) {
  return <SignedInPage caller={caller} known={known} page={page} next={location.pathname}>
    {() => show(caller as Caller & { schoolId: string })}
  </SignedInPage>;
}

function App() {
  useSignal(language);
  const pathname = useSignal(path);
  const [caller, known] = useCaller();
  const current = route(pathname, location.search);
  useEffect(() => {
    document.title = t('appName');
  }, [pathname]);

  let body;
  switch (current.page) {
    case 'home':
      body = <Home caller={caller} />;
      break;
    case 'signin':
      body = <Lazy load={pages.signin} props={{ next: current.next }} />;
      break;
    case 'desk':
      if (!known) body = <p aria-busy="true">{t('loading')}</p>;
      else if (!caller) {
        navigate('/signin?next=/desk');
        body = null;
      } else if (!canOpen(caller, 'desk')) body = <p role="alert">{t('forbidden')}</p>;
      else body = <Lazy load={pages.desk} props={{ schoolId: caller.schoolId as string }} />;
      break;
    case 'opac':
      body = <Lazy load={pages.opac} props={{ schoolId: current.schoolId }} />;
      break;
    case 'opacTitle':
      body = <Lazy load={pages.opacTitle} props={{ schoolId: current.schoolId, titleId: current.titleId }} />;
      break;
    case 'classes':
      body = <SignedInPage caller={caller} known={known} page="classDashboard" next={pathname}>
        {() => <Lazy load={pages.classes} props={{ schoolId: caller?.schoolId as string, mine: teaches(caller) }} />}
      </SignedInPage>;
      break;
    case 'classDashboard':
      body = <SignedInPage caller={caller} known={known} page="classDashboard" next={pathname}>
        {() => <Lazy load={pages.classDashboard} props={{ schoolId: caller?.schoolId as string, classId: current.classId }} />}
      </SignedInPage>;
      break;
    case 'schoolDashboard':
      body = <SignedInPage caller={caller} known={known} page="schoolDashboard" next={pathname}>
        {() => <Lazy load={pages.schoolDashboard} props={{ schoolId: caller?.schoolId as string }} />}
      </SignedInPage>;
      break;
    case 'authorityDashboard':
      body = <SignedInPage caller={caller} known={known} page="authorityDashboard" next={pathname}>
        {() => <Lazy load={pages.authorityDashboard} props={{ authorityId: caller?.authorityId as string }} />}
      </SignedInPage>;
      break;
    case 'holdShelf':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.holdShelf} props={{ schoolId: c.schoolId }} />);
      break;
    case 'overdue':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.overdue} props={{ schoolId: c.schoolId }} />);
      break;
    case 'catalogue':
      body = staffPage(known, caller, 'catalogue', (c) => <Lazy load={pages.catalogue} props={{ schoolId: c.schoolId, caller: c }} />);
      break;
    case 'titleNew':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.title} props={{ schoolId: c.schoolId, titleId: null, caller: c }} />);
      break;
    case 'title':
      body = staffPage(known, caller, 'catalogue', (c) => <Lazy load={pages.title} props={{ schoolId: c.schoolId, titleId: current.titleId, caller: c }} />);
      break;
    case 'imports':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.imports} props={{ schoolId: c.schoolId }} />);
      break;
    case 'stocktakes':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.stocktakes} props={{ schoolId: c.schoolId }} />);
      break;
    case 'stocktake':
      body = staffPage(known, caller, 'desk', (c) => <Lazy load={pages.stocktake} props={{ schoolId: c.schoolId, stocktakeId: current.stocktakeId }} />);
      break;
    case 'readers':
      body = staffPage(known, caller, 'readers', (c) => <Lazy load={pages.readers} props={{ schoolId: c.schoolId, caller: c }} />);
      break;
    case 'class':
      body = staffPage(known, caller, 'readers', (c) => <Lazy load={pages.klass} props={{ schoolId: c.schoolId, classId: current.classId }} />);
      break;
    case 'rollover':
      body = staffPage(known, caller, 'rollover', (c) => <Lazy load={pages.rollover} props={{ schoolId: c.schoolId }} />);
      break;
    default:
      body = <><h1>{t('notFound')}</h1><p><a href="/" onClick={follow}>{t('home')}</a></p></>;
  }
  return (
    <>
      <Header caller={caller} />
      <main id="main" tabIndex={-1}>{body}</main>
    </>
  );
}

document.documentElement.lang = language.get();
render(<App />, document.getElementById('app') as HTMLElement);
