import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import {SHELL} from './wording/shell';
import styles from './styles.module.css';

// Its own chunk, fetched only by pages that render <TryIt />, and only in the browser.
const Widget = lazy(() => import('./Widget'));

/**
 * The try-it widget. The server renders a box of the same height as the form, so the page does not
 * move when the widget's code arrives.
 */
export default function TryIt(): ReactNode {
  const fallback = <p className={styles.loading}>{SHELL.loading}</p>;
  return (
    <section className={styles.box} aria-label={SHELL.region}>
      <BrowserOnly fallback={fallback}>
        {() => (
          <Suspense fallback={fallback}>
            <Widget />
          </Suspense>
        )}
      </BrowserOnly>
    </section>
  );
}
