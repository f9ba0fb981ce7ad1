import {useId, useRef, useState, type ReactNode} from 'react';
import {EARLY_FORM_ATTRIBUTE, readEarlyForm, useFocusTakenOver} from '../state/earlyForm';
import {SHELL} from '../wording/shell';
import styles from './styles.module.css';

interface Props {
  /** Shown after hydration, in place of the server's early form: take over what was typed into that one. */
  takeOver?: boolean;
}

/**
 * The sign-in fields, rendered on the server and shown until the widget's code has loaded, so a
 * reader can type at once. Plain fields with no handler: the widget reads them when it mounts
 * (state/earlyForm.ts). No submit button, so Enter cannot send the form natively before then.
 */
export default function EarlyForm({takeOver = false}: Props): ReactNode {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Hydration must see the server's empty fields; the fallback shown after it takes their text.
  const [early] = useState(() => (takeOver ? readEarlyForm() : {values: {}}));
  useFocusTakenOver(form, early.focus);
  const {fields} = SHELL;
  return (
    <form ref={form} className={styles.form} {...{[EARLY_FORM_ATTRIBUTE]: ''}} aria-describedby={`${id}-loading`}>
      <p id={`${id}-loading`} className={styles.loading}>
        {SHELL.loading}
      </p>
      <div className={styles.fields}>
        <label htmlFor={`${id}-portal`}>{fields.portal}</label>
        <input
          id={`${id}-portal`}
          name="portal"
          className={styles.input}
          defaultValue={early.values.portal}
          placeholder={fields.portalPlaceholder}
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          autoCapitalize="none"
        />
        <label htmlFor={`${id}-userName`}>{fields.userName}</label>
        <input id={`${id}-userName`} name="userName" className={styles.input} defaultValue={early.values.userName} autoComplete="username" spellCheck={false} autoCapitalize="none" />
        <label htmlFor={`${id}-password`}>{fields.password}</label>
        <input id={`${id}-password`} name="password" className={styles.input} defaultValue={early.values.password} type="password" autoComplete="current-password" />
      </div>
    </form>
  );
}
