import type {ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import styles from './styles.module.css';

/** The heading of the try-it section (its id in both locales), which the phone's link jumps to. */
const PANEL_ANCHOR = 'try-it';

/**
 * The guide in two columns from 1200 px: the steps (`<Steps>`), and beside them the try-it section
 * (`<Panel>`), which stays in view while the reader scrolls, as an API reference's request pane does.
 * Narrower, one column: the section stays where it is in the text, after the steps, and a link at
 * the top jumps to it. Only CSS changes with the width, so the server's HTML is the same for all.
 */
export default function StepsWithPanel({children}: {children: ReactNode}): ReactNode {
  return (
    <div className={styles.layout}>
      <p className={styles.jump}>
        <a href={`#${PANEL_ANCHOR}`}>
          <Translate id="stepsWithPanel.jump" description="The guide, phones and narrow screens: link near the top that jumps to the try-it panel at the end of the page">
            Try it: sign in to your portal from this page ↓
          </Translate>
        </a>
      </p>
      {children}
    </div>
  );
}

/** The guide's steps: the first column. */
export function Steps({children}: {children: ReactNode}): ReactNode {
  return <div className={styles.steps}>{children}</div>;
}

/** The try-it section: the second column, in view while the steps scroll by. */
export function Panel({children}: {children: ReactNode}): ReactNode {
  // data-guide-panel: a name for the column that its hashed class is not (the axe runs include it).
  return (
    <div className={styles.panel} data-guide-panel="">
      {children}
    </div>
  );
}
