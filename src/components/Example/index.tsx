import {useMemo, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import {personalise} from '@site/src/docspace/placeholders';
import {useReaderPortal} from '@site/src/readerPortal';

export interface ExampleProps {
  /** The example file's text, imported with `?raw`. */
  code: string;
  /** Prism language key, e.g. `python`. */
  language: string;
  /** File name shown above the block. */
  title?: string;
}

/**
 * An example file rendered as the reader copies it, with the reader's portal and user name (and,
 * when asked for, their token or new API key) in place of the placeholders. Never the password.
 */
export default function Example({code, language, title}: ExampleProps): ReactNode {
  const portal = useReaderPortal();
  // The same element until the reader's portal changes: the store's synchronous re-render is a no-op.
  return useMemo(
    () => (
      <CodeBlock language={language} title={title}>
        {personalise(code, portal)}
      </CodeBlock>
    ),
    [code, language, title, portal],
  );
}
