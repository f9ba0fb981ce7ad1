/**
 * The Prism part of a code block: on the server it renders every block's tokens; in the browser
 * it is a lazy chunk, loaded only for a block whose code the server did not render (see index.tsx).
 */
import type {ReactNode} from 'react';
import {Highlight, Prism, type PrismTheme} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import Line from '@theme/CodeBlock/Line';

// What theme-classic's client module did at start-up (plugins/startup/lazy-prism.ts removes that module).
prismIncludeLanguages(Prism);

// Token colours come from CSS per token type and colour mode (plugins/startup/lazy-prism.ts), so switching
// to dark mode restyles the existing tokens instead of re-rendering them with other inline colours.
const NO_INLINE_COLOURS: PrismTheme = {plain: {}, styles: []};

export interface HighlightedLinesProps {
  code: string;
  language: string;
  lineClassNames: {[lineIndex: number]: string[]};
  showLineNumbers: boolean;
}

export default function HighlightedLines({code, language, lineClassNames, showLineNumbers}: HighlightedLinesProps): ReactNode {
  return (
    <Highlight theme={NO_INLINE_COLOURS} code={code} language={language}>
      {({tokens, getLineProps, getTokenProps}) =>
        tokens.map((line, i) => (
          <Line
            key={i}
            line={line}
            getLineProps={getLineProps}
            getTokenProps={getTokenProps}
            classNames={lineClassNames[i]}
            showLineNumbers={showLineNumbers}
          />
        ))
      }
    </Highlight>
  );
}
