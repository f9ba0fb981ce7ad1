import {useEffect, useId, useRef, useState, type FormEvent, type ReactNode} from 'react';
// From its module, not the index: the index is the widget's, and a module both chunks import is not hoisted into the widget's.
import {REDACTED} from '../../../docspace/exchange';
import {EXPIRY_CHOICES, useApiKeys, type ApiKeysOptions, type ExpiryChoice} from '../state/useApiKeys';
import {useKeysText} from '../wording/useKeysText';
import styles from './styles.module.css';

/**
 * "Create an API key for a program": after sign-in, a key with a name, scopes and an expiry; its
 * secret shown once (masked until asked for), the reader's keys listed and revocable. Lazy: its own
 * chunk, fetched once a sign-in succeeds. Every portal value is rendered as text.
 */
export default function ApiKeys(props: ApiKeysOptions): ReactNode {
  const {KEYS, STATUS, expiryChoice, expiresOn, revokeLabel, worked, describeFailure} = useKeysText();
  const keys = useApiKeys(props);
  const {state, busy, missing} = keys;
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const secret = state.created?.key;
  useEffect(() => setCopied(''), [secret]);
  // Opened by a button that is gone now: the keyboard continues at the first field, not the page body.
  useEffect(() => nameInput.current?.focus(), []);
  // Each press of Create with the name left empty puts the cursor there.
  useEffect(() => {
    if (missing.name) nameInput.current?.focus();
  }, [keys.attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    keys.create();
  };
  const copy = () => {
    if (!secret) return;
    navigator.clipboard.writeText(secret).then(
      () => setCopied(KEYS.copied),
      () => setCopied(KEYS.copyRefused),
    );
  };

  return (
    <section className={styles.keys} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        {KEYS.title}
      </h3>
      <p className={styles.line}>{KEYS.intro}</p>
      <form className={styles.form} onSubmit={submit} noValidate>
        <label className={styles.field}>
          {KEYS.name}
          <input
            ref={nameInput}
            className={styles.select}
            value={keys.name}
            onChange={(event) => keys.setName(event.target.value)}
            maxLength={100}
            spellCheck={false}
            aria-invalid={missing.name || undefined}
            aria-describedby={missing.name ? `${id}-name-missing` : undefined}
          />
        </label>
        {missing.name && (
          <p id={`${id}-name-missing`} className={styles.missing}>
            {KEYS.missing.name}
          </p>
        )}
        <fieldset className={styles.scopes} aria-describedby={`${id}-scopes-hint`}>
          <legend>{KEYS.scopes}</legend>
          {state.scopes
            ? state.scopes.map((scope) => (
                <label key={scope} className={styles.check}>
                  <input type="checkbox" checked={keys.scopes.includes(scope)} onChange={(event) => keys.toggleScope(scope, event.target.checked)} />
                  <code>{scope}</code>
                </label>
              ))
            : !state.failure && <span>{KEYS.loadingScopes}</span>}
          <p id={`${id}-scopes-hint`} className={styles.hint}>
            {KEYS.scopesHint}
          </p>
        </fieldset>
        {missing.scopes && <p className={styles.missing}>{KEYS.missing.scopes}</p>}
        <label className={styles.field}>
          {KEYS.expiry}
          <select className={styles.select} value={keys.expiry} onChange={(event) => keys.setExpiry(event.target.value as ExpiryChoice)}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {expiryChoice(choice)}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.actions}>
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
          <button type="submit" className="button button--primary" aria-disabled={busy || !state.scopes}>
            {KEYS.create}
          </button>
        </div>
      </form>

      <p role="status" className={styles.line}>
        {state.pending ? STATUS[state.pending.call] : state.triedAs !== undefined ? worked(state.triedAs) : ''}
      </p>
      {state.failure && (
        <p role="alert" className={styles.failure}>
          {describeFailure(state.failure.call, state.failure.error)}
        </p>
      )}

      {state.created && secret && (
        <div className={styles.secret}>
          <p className={styles.line}>
            <strong>{KEYS.newKey}</strong> <code className={styles.value}>{keys.secretShown ? secret : REDACTED}</code>
          </p>
          <p className={styles.line}>
            <strong>{KEYS.warning}</strong>
          </p>
          <div className={styles.actions}>
            <button type="button" className="button button--sm button--secondary" aria-pressed={keys.secretShown} onClick={() => keys.setSecretShown(!keys.secretShown)}>
              {keys.secretShown ? KEYS.hide : KEYS.show}
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={copy}>
              {KEYS.copy}
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={keys.tryKey} aria-disabled={busy}>
              {KEYS.tryKey}
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={keys.dismiss}>
              {KEYS.dismiss}
            </button>
          </div>
          <p role="status" className={styles.line}>
            {copied}
          </p>
          <label className={styles.check}>
            <input type="checkbox" checked={keys.keyInExamples} onChange={(event) => keys.setKeyInExamples(event.target.checked)} />
            {KEYS.inExamples}
          </label>
        </div>
      )}

      <div className={styles.actions}>
        <strong>{KEYS.list}</strong>
        <button type="button" className="button button--sm button--secondary" onClick={keys.refresh} aria-disabled={busy}>
          {KEYS.refresh}
        </button>
      </div>
      {state.keys &&
        (state.keys.length === 0 ? (
          <p className={styles.line}>{KEYS.empty}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{KEYS.columns.name}</th>
                  <th scope="col">{KEYS.columns.postfix}</th>
                  <th scope="col">{KEYS.columns.scopes}</th>
                  <th scope="col">{KEYS.columns.expires}</th>
                  <th scope="col">{KEYS.columns.active}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {state.keys.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td>
                      <code>…{key.keyPostfix}</code>
                    </td>
                    <td>
                      <code>{key.permissions.join(' ')}</code>
                    </td>
                    <td>{expiresOn(key.expiresAt)}</td>
                    <td>{key.isActive ? KEYS.yes : KEYS.no}</td>
                    <td>
                      <button type="button" className="button button--sm button--secondary" onClick={() => keys.revoke(key.id)} aria-disabled={busy} aria-label={revokeLabel(key.name)}>
                        {KEYS.revoke}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

    </section>
  );
}
