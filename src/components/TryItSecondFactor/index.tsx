import {useId, useState, type FormEvent, type ReactNode} from 'react';
import {resolvePortalAsset, type SecondFactorStep} from '../../docspace';
import styles from './styles.module.css';

export interface TryItSecondFactorProps {
  step: SecondFactorStep;
  portalOrigin: string;
  busy: boolean;
  onConfirm(code: string): void;
}

/** The portal wants a second factor: ask for the code, or explain what to set up first. */
export default function TryItSecondFactor({step, portalOrigin, busy, onConfirm}: TryItSecondFactorProps): ReactNode {
  const id = useId();
  const [code, setCode] = useState('');
  // A link only to the portal itself, over http(s); otherwise the address is not offered at all.
  const setupLink = resolvePortalAsset(portalOrigin, step.confirmUrl);
  const what = step.method === 'app' ? 'the authenticator app' : 'a phone for SMS codes';

  if (step.setupRequired) {
    return (
      <div className={styles.step}>
        <p className={styles.line}>
          <strong>This portal asks this user for a second factor, but {what} is not set up yet.</strong> Set it up in
          the portal first, then get a token again.
        </p>
        {setupLink && (
          <p className={styles.line}>
            <a href={setupLink} target="_blank" rel="noopener noreferrer">
              Open the set-up page in the portal
            </a>
          </p>
        )}
        {step.tfaKey && (
          <p className={styles.line}>
            Key to enter in the authenticator app by hand: <code className={styles.key}>{step.tfaKey}</code>
          </p>
        )}
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(code.trim());
    setCode('');
  };
  return (
    <form className={styles.step} onSubmit={submit}>
      <p className={styles.line}>
        {step.method === 'sms'
          ? `The portal sent a code by SMS${step.phoneNoise ? ` to ${step.phoneNoise}` : ''}. Enter it to get the token.`
          : 'The portal asks for a second factor: enter the code your authenticator app shows.'}
      </p>
      <label htmlFor={`${id}-code`}>Authentication code</label>
      <input
        id={`${id}-code`}
        className={styles.input}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
      />
      <div>
        <button type="submit" className="button button--primary" disabled={busy || !code.trim()}>
          Confirm code
        </button>
      </div>
    </form>
  );
}
