import {lazy, Suspense, useEffect, useId, useRef, type FormEvent, type ReactNode} from 'react';
import {resolvePortalAsset, type SecondFactorStep} from '../../../docspace';
import {takesCode} from '../state/machine';
import {usePanelText} from '../wording/usePanelText';
import styles from './styles.module.css';

// Its own chunk, with its words and the QR encoder: fetched only for an app still to be set up.
const SetupKey = lazy(() => import('../SetupKey'));

export interface SecondFactorProps {
  step: SecondFactorStep;
  portalOrigin: string;
  /** The user name that was sent: an app's set-up key is listed under it. */
  userName?: string;
  busy: boolean;
  code: string;
  onCodeChange(code: string): void;
  onConfirm(): void;
  /** The look of the form's text fields, so the code field matches them. */
  fieldClassName: string;
  /** What went wrong with the last code, shown above the field. */
  children?: ReactNode;
}

/**
 * The portal wants a second factor: the code field (which also activates an authenticator app still
 * to be set up, with its key as text, its copy button and QR code), or, for a phone still to be set
 * up, the way to the portal.
 */
export default function SecondFactor({step, portalOrigin, userName, busy, code, onCodeChange, onConfirm, fieldClassName, children}: SecondFactorProps): ReactNode {
  const {SECOND_FACTOR, describeSecondFactor} = usePanelText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // A link only to the portal itself, over http(s); otherwise the address is not offered at all.
  const setupLink = resolvePortalAsset(portalOrigin, step.confirmUrl);
  // An app still to be set up is activated here, by its first right code; a phone in the portal itself.
  const codeField = takesCode(step);
  // Nothing for an app still to be set up: SetupKey words that step.
  const said = describeSecondFactor(step);
  // The field is ready whenever no code is on its way: at first, and again after a code that did not work.
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <div className={styles.step}>
      {said ? (
        <p className={styles.line}>
          {said.lead && <strong>{said.lead}</strong>} {said.text}
        </p>
      ) : (
        <Suspense>
          <SetupKey tfaKey={step.tfaKey} issuer={new URL(portalOrigin).host} account={userName} />
        </Suspense>
      )}
      {setupLink && step.setupRequired && (
        <p className={styles.line}>
          <a href={setupLink} target="_blank" rel="noopener noreferrer">
            {SECOND_FACTOR.setupLink}
          </a>
        </p>
      )}
      {children}
      {codeField && (
        <form className={styles.form} onSubmit={submit}>
          <label htmlFor={`${id}-code`}>{SECOND_FACTOR.code}</label>
          <input
            id={`${id}-code`}
            ref={input}
            className={`${fieldClassName} ${styles.code}`}
            value={code}
            onChange={(event) => onCodeChange(event.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
          />
          <div>
            {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
            <button type="submit" className="button button--primary" aria-disabled={busy || !code.trim()}>
              {SECOND_FACTOR.confirm}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
