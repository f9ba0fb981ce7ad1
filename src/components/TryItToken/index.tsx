import {useEffect, useState, type ReactNode} from 'react';
import {REDACTED, type AuthToken} from '../../docspace';
import {describeExpiry} from '../TryIt/expiry';
import styles from './styles.module.css';

export interface TryItTokenProps {
  token: AuthToken;
  shown: boolean;
  onShownChange(shown: boolean): void;
  canSignOut: boolean;
  tokenInExamples: boolean;
  onTokenInExamples(value: boolean): void;
  rememberInTab: boolean;
  onRememberInTab(value: boolean): void;
  onForget(): void;
  onSignOut(): void;
}

/** The token (masked until asked for), when it expires, and what the reader may do with it. */
export default function TryItToken(props: TryItTokenProps): ReactNode {
  const {token, shown} = props;
  const [copied, setCopied] = useState('');
  useEffect(() => setCopied(''), [token]);

  const copy = () => {
    navigator.clipboard.writeText(token.token).then(
      () => setCopied('Token copied.'),
      () => setCopied('The browser did not allow copying: show the token and copy it by hand.'),
    );
  };

  return (
    <div className={styles.token}>
      <p className={styles.line}>
        <strong>Token:</strong> <code className={styles.value}>{shown ? token.token : REDACTED}</code>
      </p>
      <p className={styles.line}>It {describeExpiry(token, new Date())}.</p>
      <div className={styles.actions}>
        <button type="button" className="button button--sm button--secondary" aria-pressed={shown} onClick={() => props.onShownChange(!shown)}>
          {shown ? 'Hide token' : 'Show token'}
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={props.onForget}>
          Forget token
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={props.onSignOut} disabled={!props.canSignOut}>
          Sign out
        </button>
      </div>
      <p role="status" className={styles.line}>
        {copied}
      </p>
      <label className={styles.check}>
        <input type="checkbox" checked={props.tokenInExamples} onChange={(event) => props.onTokenInExamples(event.target.checked)} />
        Put my token in the examples
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={props.rememberInTab} onChange={(event) => props.onRememberInTab(event.target.checked)} />
        Remember for this tab (kept in this tab’s session storage until you close it)
      </label>
    </div>
  );
}
