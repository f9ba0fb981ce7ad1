import {useMemo, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import TabItem from '@theme/TabItem';
import Tabs from '@theme/Tabs';
import {personalise} from '@site/src/docspace/placeholders';
import {ENVIRONMENT} from '@site/src/exampleCommands';
import {useReaderPortal} from '@site/src/readerPortal';

export interface EnvironmentProps {
  /** The credentials the programs sign in with, the token they call the API with, or the API key. */
  part: 'credentials' | 'token' | 'apiKey';
}

/**
 * The lines that set what the example programs read, for bash/zsh and for PowerShell, with the
 * reader's portal and user name from the try-it panel (and their token or API key, once they put
 * it in the examples). The password is asked for by the shell, never written here.
 */
export default function Environment({part}: EnvironmentProps): ReactNode {
  const portal = useReaderPortal();
  // The same element until the reader's portal changes (see Example).
  return useMemo(
    () => (
      <Tabs groupId="shell" queryString="shell">
        <TabItem value="bash" label="bash / zsh">
          <CodeBlock language="bash">{personalise(ENVIRONMENT.bash[part], portal)}</CodeBlock>
        </TabItem>
        <TabItem value="powershell" label="PowerShell">
          <CodeBlock language="powershell">{personalise(ENVIRONMENT.powershell[part], portal)}</CodeBlock>
        </TabItem>
      </Tabs>
    ),
    [part, portal],
  );
}
