/**
 * Copyright (c) Facebook, Inc. and its affiliates.
 *
 * This source code is licensed under the MIT license found in the
 * LICENSE file in the root directory of this source tree.
 */

// Start-up patch (plugins/startup/UPGRADE.md), a rewrite: Prism is imported at the top of the
// original, so a wrapper would still load it. Here a code block costs no Prism in the browser when
// the server already rendered it:
// - hydration keeps the server's token spans as they are (React does not hydrate inside them);
// - Prism (./HighlightedLines) is a lazy chunk, loaded only for a block whose code the server did
//   not render: the reader's portal filled into an example, a tab first opened in the browser.
// Markup and class names are theme-classic's, so its CSS and the copy and wrap buttons still apply.

import React, {type ComponentProps, type ReactNode, useEffect, useState} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import serverLines from '@lazy-prism/server-lines';
import {KEEP_SERVER_HTML, useKeptServerHtml} from '../../../keepServerHtml';
import type HighlightedLinesType from './HighlightedLines';
import type {HighlightedLinesProps} from './HighlightedLines';
import {codeBlockContentStyles as styles} from '../../../deep-imports';

type HighlightedLines = typeof HighlightedLinesType;

let browserLines: HighlightedLines | undefined;
function loadBrowserLines(): Promise<HighlightedLines> {
  return import(/* webpackChunkName: "prism" */ './HighlightedLines').then((module) => (browserLines = module.default));
}

/** The lines as text, with the same line boxes, while Prism loads (no layout shift). */
function PlainLines({code}: {code: string}): ReactNode {
  return code.split('\n').map((line, i) => (
    <div key={i} className="token-line">
      {line}
      <br />
    </div>
  ));
}

function BrowserLines(props: HighlightedLinesProps): ReactNode {
  const [Lines, setLines] = useState(() => browserLines);
  useEffect(() => {
    if (!Lines) void loadBrowserLines().then((loaded) => setLines(() => loaded));
  }, [Lines]);
  return Lines ? <Lines {...props} /> : <PlainLines code={props.code} />;
}

export default function CodeBlockContent({className}: {className?: string}): ReactNode {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {code, language, lineNumbersStart, lineClassNames} = metadata;
  const [serverCode] = useState(code);
  const [hydrating, checkKept] = useKeptServerHtml();
  const [keepServerTokens, setKeepServerTokens] = useState(hydrating);
  // Once the code differs from the server's, the kept tokens are stale for good.
  if (keepServerTokens && (code !== serverCode || !hydrating)) setKeepServerTokens(false);

  const linesProps: HighlightedLinesProps = {
    code,
    language,
    lineClassNames,
    showLineNumbers: lineNumbersStart !== undefined,
  };
  const ServerLines = serverLines;
  let lines: Pick<ComponentProps<'code'>, 'children' | 'dangerouslySetInnerHTML' | 'suppressHydrationWarning'>;
  if (ServerLines) lines = {children: <ServerLines {...linesProps} />};
  else if (keepServerTokens) lines = KEEP_SERVER_HTML;
  else lines = {children: <BrowserLines {...linesProps} />};

  return (
    <pre
      ref={wordWrap.codeBlockRef}
      /* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */
      tabIndex={0}
      className={clsx(className, 'prism-code', `language-${language}`, styles.codeBlock, 'thin-scrollbar')}>
      <code
        {...lines}
        ref={keepServerTokens ? checkKept : undefined}
        className={clsx(styles.codeBlockLines, lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering)}
        style={lineNumbersStart === undefined ? undefined : {counterReset: `line-count ${lineNumbersStart - 1}`}}
      />
    </pre>
  );
}
