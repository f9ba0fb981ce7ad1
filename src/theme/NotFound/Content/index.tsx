/**
 * The 404 page's content (swizzle: eject; theme-classic's has a title and two sentences and no way
 * on): the title and first sentence as the theme words them, then where to go from here: the
 * guide, the overview, and a search box that works before any script runs (a plain GET form to the
 * search page).
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useLocation} from '@docusaurus/router';
import Heading from '@theme/Heading';
import type {Props} from '@theme/NotFound/Content';
import styles from './styles.module.css';

const GUIDE = '/docs/get-started/authentication/personal-access-tokens';

/** In `npm start`, which serves one locale, a path of the other one is a 404: say how to start it. */
function useOtherLocaleInDevelopment(): string | undefined {
  const {i18n} = useDocusaurusContext();
  const {pathname} = useLocation();
  if (process.env.NODE_ENV !== 'development') return undefined;
  return i18n.locales.find((locale) => locale !== i18n.currentLocale && locale !== i18n.defaultLocale && pathname.startsWith(`/${locale}/`));
}

export default function NotFoundContent({className}: Props): ReactNode {
  const searchPage = useBaseUrl('/search');
  const otherLocale = useOtherLocaleInDevelopment();
  const searchLabel = translate({id: 'notFound.searchLabel', message: 'Search the guide', description: 'The 404 page: label of its search box'});
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1" className="hero__title">
            <Translate id="theme.NotFound.title" description="The title of the 404 page">
              Page Not Found
            </Translate>
          </Heading>
          <p>
            <Translate id="theme.NotFound.p1" description="The first paragraph of the 404 page">
              We could not find what you were looking for.
            </Translate>
          </p>
          {otherLocale && (
            <p className={styles.note}>
              {/* Development only, for the people running the repository: no translation. */}
              The development server runs one locale at a time. To see this page in {otherLocale}, run{' '}
              <code>npm start -- --locale {otherLocale}</code>, or both at once with <code>npm run build && npm run serve</code>.
            </p>
          )}
          <ul className={styles.ways}>
            <li>
              <Link to={GUIDE}>
                <Translate id="notFound.guide" description="The 404 page: link to the guide">
                  Personal access tokens: the sign-in guide
                </Translate>
              </Link>
            </li>
            <li>
              <Link to="/docs/intro">
                <Translate id="notFound.overview" description="The 404 page: link to the overview page">
                  Overview and the sandbox portal
                </Translate>
              </Link>
            </li>
          </ul>
          <form action={searchPage} method="get" role="search" className={styles.search}>
            <label htmlFor="not-found-search">{searchLabel}</label>
            <div className={styles.searchRow}>
              <input id="not-found-search" name="q" type="search" className={styles.input} />
              <button type="submit" className="button button--primary">
                <Translate id="notFound.searchButton" description="The 404 page: button that searches the site">
                  Search
                </Translate>
              </button>
            </div>
          </form>
        </div>
      </div>
    </main>
  );
}
