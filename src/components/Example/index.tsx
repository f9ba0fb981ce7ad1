import type {ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import {fillPlaceholders, type PlaceholderValues} from '@site/src/docspace/placeholders';
import {useReaderPortal} from '@site/src/readerPortal';

export interface ExampleProps {
  /** The example file's text, imported with `?raw`. */
  code: string;
  /** Prism language key, e.g. `python`. */
  language: string;
  /** File name shown above the block. */
  title?: string;
}

/** The example with what the reader entered; a value unsafe in a string literal leaves its placeholder. */
function personalise(code: string, values: PlaceholderValues): string {
  try {
    return fillPlaceholders(code, values);
  } catch {
    if (values.apiKey !== undefined) return personalise(code, {...values, apiKey: undefined});
    return values.token === undefined ? code : personalise(code, {...values, token: undefined});
  }
}

/**
 * An example file rendered as the reader copies it, with the reader's portal (and, when asked
 * for, their token or new API key) in place of the placeholders. Never the password.
 */
export default function Example({code, language, title}: ExampleProps): ReactNode {
  const {portalOrigin, token, apiKey} = useReaderPortal();
  return (
    <CodeBlock language={language} title={title}>
      {personalise(code, {portalOrigin, token, apiKey})}
    </CodeBlock>
  );
}
