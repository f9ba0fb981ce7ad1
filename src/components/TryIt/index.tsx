import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import styles from './styles.module.css';

// Its own chunk, fetched only by pages that render <TryIt />, and only in the browser.
const TryItWidget = lazy(() => import('../TryItWidget'));

/**
 * The try-it widget. The server renders a box of the same height as the form, so the page does not
 * move when the widget's code arrives.
 */
export default function TryIt(): ReactNode {
  const fallback = <p className={styles.loading}>Loading the try-it form…</p>;
  return (
    <section className={styles.box} aria-label="Try it: get a token from your portal">
      <BrowserOnly fallback={fallback}>
        {() => (
          <Suspense fallback={fallback}>
            <TryItWidget />
          </Suspense>
        )}
      </BrowserOnly>
    </section>
  );
}
