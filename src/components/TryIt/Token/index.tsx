import type {ReactNode} from 'react';
import {REDACTED, type AuthToken} from '../../../docspace';
import {useCopy} from '../state/useCopy';
import {gapAfter} from '../wording/cjk';
import {usePanelText} from '../wording/usePanelText';
import styles from './styles.module.css';

export interface TokenProps {
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
export default function Token(props: TokenProps): ReactNode {
  const {token, shown} = props;
  const {TOKEN, describeTokenLife} = usePanelText();
  const {said, copy} = useCopy(token);

  return (
    <div className={styles.token}>
      <p className={styles.line}>
        <strong>{TOKEN.label}</strong>
        {gapAfter(TOKEN.label)}
        <code className={styles.value}>{shown ? token.token : REDACTED}</code>
      </p>
      <p className={styles.line}>{describeTokenLife(token, new Date())}</p>
      <div className={styles.actions}>
        <button type="button" className="button button--sm button--secondary" aria-pressed={shown} onClick={() => props.onShownChange(!shown)}>
          {shown ? TOKEN.hide : TOKEN.show}
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={() => copy(token.token, {done: TOKEN.copied, refused: TOKEN.copyRefused})}>
          {TOKEN.copy}
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={props.onForget}>
          {TOKEN.forget}
        </button>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
        <button type="button" className="button button--sm button--secondary" onClick={props.onSignOut} aria-disabled={!props.canSignOut}>
          {TOKEN.signOut}
        </button>
      </div>
      <p role="status" className={styles.line}>
        {said}
      </p>
      <label className={styles.check}>
        <input type="checkbox" checked={props.tokenInExamples} onChange={(event) => props.onTokenInExamples(event.target.checked)} />
        {TOKEN.inExamples}
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={props.rememberInTab} onChange={(event) => props.onRememberInTab(event.target.checked)} />
        {TOKEN.rememberInTab}
      </label>
    </div>
  );
}
