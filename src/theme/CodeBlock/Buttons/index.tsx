/**
 * Swizzled (ejected from theme-classic 3.10: the BrowserOnly is inside the component, a wrapper
 * cannot remove it) only to server-render the buttons. theme-classic renders them in the browser
 * only, in a second pass right after hydration (every code block re-renders to add them); here
 * they are in the server's HTML, hydrate with the block, and a copy clicked before hydration is
 * replayed once it is done (plugins/paint-first/earlyInput.ts). The word-wrap button still shows
 * only once the browser has measured that the code scrolls. Otherwise as in theme-classic.
 */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import type {Props} from '@theme/CodeBlock/Buttons';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

export default function CodeBlockButtons({className}: Props): ReactNode {
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
