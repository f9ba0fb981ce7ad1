import type {ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';

export interface ExampleProps {
  /** The example file's text, imported with `?raw`. */
  code: string;
  /** Prism language key, e.g. `python`. */
  language: string;
  /** File name shown above the block. */
  title?: string;
}

/** An example file rendered as the reader copies it. */
export default function Example({code, language, title}: ExampleProps): ReactNode {
  return (
    <CodeBlock language={language} title={title}>
      {code}
    </CodeBlock>
  );
}
