import {lazy, Suspense, useEffect, useId, useRef, type ChangeEvent, type FormEvent, type ReactNode} from 'react';
import Exchange from '../Exchange';
import Profile from '../Profile';
import SecondFactor from '../SecondFactor';
import Token from '../Token';
import Waiting from '../Waiting';
import {useWidgetConfig} from '../state/config';
import {useFocusTakenOver} from '../state/earlyForm';
import {pendingCall} from '../state/machine';
import {useFocusKept} from '../state/useFocusKept';
import {useWidget, type RequiredField} from '../state/useWidget';
import {gapAfter} from '../wording/cjk';
import {usePanelText} from '../wording/usePanelText';
import {SHELL} from '../wording/shell';
import styles from './styles.module.css';

// Its own chunk, with all the failure wording: fetched at the first failure, never on the happy path.
const Failure = lazy(() => import('../Failure'));
// Its own chunk too, with the key calls and their words: fetched once a sign-in succeeds.
const ApiKeys = lazy(() => import('../ApiKeys'));

/** The try-it form and what it got back; loaded lazily by <TryIt />. */
export default function Widget(): ReactNode {
  const {FORM, TOKEN, describeStatus} = usePanelText();
  const config = useWidgetConfig();
  const widget = useWidget(config);
  const {tryIt, fields, setField, missing, token} = widget;
  const {state, busy, route} = tryIt;
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const inputs = {userName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null)} satisfies Record<RequiredField, unknown>;
  useFocusKept(root, status, state);
  useFocusTakenOver(root, widget.earlyFocus);
  // Each press of Get token with a field left empty puts the cursor in the first such field.
  useEffect(() => {
    if (missing.length > 0) inputs[missing[0]].current?.focus();
  }, [widget.attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    widget.submit();
  };
  const fieldProps = (name: RequiredField) => ({
    id: `${id}-${name}`,
    name,
    ref: inputs[name],
    className: styles.input,
    value: fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setField(name, event.target.value),
    'aria-invalid': missing.includes(name) || undefined,
    'aria-describedby': missing.includes(name) ? `${id}-${name}-missing` : undefined,
  });
  const missingNote = (name: RequiredField) =>
    missing.includes(name) && (
      <p id={`${id}-${name}-missing`} className={styles.missing}>
        {FORM.missing[name]}
      </p>
    );
  const lastExchange = state.exchanges.at(-1);
  const pending = pendingCall(state)?.pending;

  return (
    <div className={styles.widget} ref={root}>
      <form className={styles.form} onSubmit={submit} aria-describedby={`${id}-route`} noValidate>
        {config.proxyUrl && (
          <label className={styles.check}>
            <input
              type="checkbox"
              role="switch"
              checked={route === 'proxy'}
              disabled={busy}
              onChange={(event) => tryIt.setRoute(event.target.checked ? 'proxy' : 'direct')}
            />
            {FORM.proxySwitch}
          </label>
        )}
        <p id={`${id}-route`} className={styles.route}>
          {FORM.routeLabel}
          {gapAfter(FORM.routeLabel)}
          <strong>{FORM.route[route]}</strong>
          {route === 'proxy' && FORM.proxyNote}
        </p>
        <div className={styles.fields}>
          <label htmlFor={`${id}-portal`}>{SHELL.fields.portal}</label>
          <input
            id={`${id}-portal`}
            name="portal"
            className={styles.input}
            value={fields.portal}
            onChange={(event) => setField('portal', event.target.value)}
            placeholder={SHELL.fields.portalPlaceholder}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            autoCapitalize="none"
          />
          <label htmlFor={`${id}-userName`}>{SHELL.fields.userName}</label>
          <input {...fieldProps('userName')} autoComplete="username" spellCheck={false} autoCapitalize="none" />
          {missingNote('userName')}
          <label htmlFor={`${id}-password`}>{SHELL.fields.password}</label>
          <input {...fieldProps('password')} type="password" autoComplete="current-password" />
          {missingNote('password')}
        </div>
        <label className={styles.check}>
          <input type="checkbox" checked={fields.session} onChange={(event) => setField('session', event.target.checked)} />
          {FORM.session}
        </label>
        <div className={styles.actions}>
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {FORM.submit}
          </button>
          {widget.fillSandbox && (
            <button type="button" className="button button--secondary" onClick={widget.fillSandbox} aria-disabled={busy}>
              {FORM.sandbox}
            </button>
          )}
          {pending && <Waiting call={pending} onCancel={tryIt.cancel} />}
        </div>
      </form>

      <p role="status" className={styles.status} ref={status} tabIndex={-1}>
        {describeStatus(state)}
      </p>

      {state.name === 'failed' && (
        <Suspense>
          <Failure
            failure={state.error}
            context={{call: state.call, route: lastExchange?.via ?? route, hasProxy: config.proxyUrl !== undefined, exchange: lastExchange, loginFailures: state.loginFailures}}
            onResendThroughProxy={tryIt.resendThroughProxy}
          />
        </Suspense>
      )}

      {state.name === 'second-factor' && state.origin && (
        <SecondFactor
          step={state.step}
          portalOrigin={state.origin}
          userName={state.credentials?.userName}
          busy={busy}
          code={fields.code}
          onCodeChange={(code) => setField('code', code)}
          onConfirm={widget.confirm}
          fieldClassName={styles.input}>
          {/* Not focused: the code field keeps the focus for the next code; role="alert" still reads it out. */}
          {state.failure && (
            <Suspense>
              <Failure
                failure={state.failure}
                context={{call: 'confirm', route: lastExchange?.via ?? route, hasProxy: config.proxyUrl !== undefined, exchange: lastExchange}}
                onResendThroughProxy={tryIt.resendThroughProxy}
                takeFocus={false}
              />
            </Suspense>
          )}
        </SecondFactor>
      )}

      {token && (
        <Token
          token={token}
          shown={widget.tokenShown}
          onShownChange={widget.setTokenShown}
          canSignOut={state.name === 'signed-in' && !busy}
          tokenInExamples={widget.tokenInExamples}
          onTokenInExamples={widget.setTokenInExamples}
          rememberInTab={widget.rememberInTab}
          onRememberInTab={widget.setRememberInTab}
          onForget={tryIt.forget}
          onSignOut={tryIt.signOut}
        />
      )}

      {state.name === 'signed-in' && state.origin && <Profile profile={state.profile} portalOrigin={state.origin} />}

      {state.name === 'signed-in' &&
        (widget.keysOpen ? (
          <Suspense>
            <ApiKeys origin={state.origin} token={state.token.token} proxyUrl={route === 'proxy' ? config.proxyUrl : undefined} />
          </Suspense>
        ) : (
          <div className={styles.actions}>
            <button type="button" className="button button--secondary" onClick={widget.openKeys}>
              {TOKEN.apiKeys}
            </button>
          </div>
        ))}

      {state.exchanges.length > 0 && <Exchange exchanges={state.exchanges} revealToken={widget.tokenShown ? token?.token : undefined} />}
    </div>
  );
}
