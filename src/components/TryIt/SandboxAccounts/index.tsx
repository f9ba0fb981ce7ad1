import {useId, useMemo, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {createSandboxText} from '../wording/sandbox';
import styles from './styles.module.css';

export interface SandboxAccountsProps {
  /** Fills the form with the sandbox's address and this account. */
  onUse(userName: string): void;
  busy: boolean;
  /** The button's words (the panel's own, "Use the sandbox portal"). */
  useLabel: string;
}

/** The sandbox's accounts as one picker: choose one, and the button fills the form with it. */
export default function SandboxAccounts({onUse, busy, useLabel}: SandboxAccountsProps): ReactNode {
  const text = useMemo(() => createSandboxText(translate), []);
  const id = useId();
  const [userName, setUserName] = useState('demo');
  return (
    <div className={styles.sandbox}>
      <label htmlFor={`${id}-account`}>{text.label}</label>
      <div className={styles.row}>
        <select id={`${id}-account`} className={styles.select} value={userName} onChange={(event) => setUserName(event.target.value)} aria-describedby={`${id}-hint`}>
          {Object.entries(text.accounts).map(([name, shows]) => (
            <option key={name} value={name}>
              {name} — {shows}
            </option>
          ))}
        </select>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
        <button type="button" className="button button--secondary" onClick={() => onUse(userName)} aria-disabled={busy}>
          {useLabel}
        </button>
      </div>
      <p id={`${id}-hint`} className={styles.hint}>
        {text.hint}
      </p>
    </div>
  );
}
