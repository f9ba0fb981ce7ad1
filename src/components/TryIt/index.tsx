import {lazy, Suspense, type ReactNode} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import EarlyForm from './EarlyForm';
import {SHELL} from './wording/shell';
import styles from './styles.module.css';

// Its own chunk, fetched only by pages that render <TryIt />, and only in the browser.
const Widget = lazy(() => import('./Widget'));

/**
 * The try-it widget. Until its code has loaded, the server's sign-in fields stand in for it, in a
 * box of the same height as the form, so the page does not move when the widget appears and what
 * the reader typed meanwhile carries over.
 */
export default function TryIt(): ReactNode {
  return (
    <section className={styles.box} aria-label={SHELL.region}>
      <BrowserOnly fallback={<EarlyForm />}>
        {() => (
          <Suspense fallback={<EarlyForm takeOver />}>
            <Widget />
          </Suspense>
        )}
      </BrowserOnly>
    </section>
  );
}
