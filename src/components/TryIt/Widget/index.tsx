import {lazy, Suspense, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode} from 'react';
import Waiting from '../Waiting';
import {useWidgetConfig} from '../state/config';
import {useFocusTakenOver} from '../state/earlyForm';
import {pendingCall} from '../state/machine';
import {useFocusKept} from '../state/useFocusKept';
import {guideStepOf, useGuideStepMark} from '../state/guideStep';
import {useWidget, type CheckedField, type RequiredField} from '../state/useWidget';
import {gapAfter} from '../wording/cjk';
import {usePanelText} from '../wording/usePanelText';
import {SHELL} from '../wording/shell';
import styles from './styles.module.css';

// Its own chunk, with all the failure wording: fetched at the first failure, never on the happy path.
const Failure = lazy(() => import('../Failure'));
// Its own chunk too, with the address rules' words: fetched at the first unusable address.
const AddressProblem = lazy(() => import('../AddressProblem'));
// Its own chunk too, with the key calls and their words: fetched once a sign-in succeeds.
const ApiKeys = lazy(() => import('../ApiKeys'));
// Its own chunk too: only a sign-in that asks for a second factor needs it.
const SecondFactor = lazy(() => import('../SecondFactor'));
// Its own chunk too, fetched as the first call is sent (or a remembered token is shown): token, profile, exchanges.
const loadResults = () => import('../results');
const Token = lazy(() => loadResults().then(({Token}) => ({default: Token})));
const Profile = lazy(() => loadResults().then(({Profile}) => ({default: Profile})));
const Exchange = lazy(() => loadResults().then(({Exchange}) => ({default: Exchange})));
// The sandbox's accounts and what each shows, in both languages: only where the site has a sandbox.
const SandboxAccounts = lazy(() => import('../SandboxAccounts'));

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
  const inputs = {portal: useRef<HTMLInputElement>(null), userName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null)} satisfies Record<CheckedField, unknown>;
  // Change opens the form again; the next answer (a new flow's state) closes it.
  const [reopened, setReopened] = useState(false);
  useEffect(() => setReopened(false), [state.name, token]);
  useEffect(() => {
    if (reopened) inputs.portal.current?.focus();
  }, [reopened]);
  // A token or a second-factor step: the form has done its part and folds to one line.
  const collapsed = !reopened && (state.name === 'second-factor' || state.name === 'loading-profile' || state.name === 'signed-in');
  const host = state.origin ? new URL(state.origin).host : '';
  const userName = fields.userName.trim();
  useFocusKept(root, status, state);
  useFocusTakenOver(root, widget.earlyFocus);
  // Each press of Get token with a field to fix (an unusable address, an empty field) puts the cursor in the first one.
  useEffect(() => {
    if (widget.toFix.length > 0) inputs[widget.toFix[0]].current?.focus();
  }, [widget.attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Fetched while the portal answers, so the answer does not wait for the code that shows it.
    void loadResults();
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
  useGuideStepMark(guideStepOf(state), FORM.currentCall);

  const routeSwitch = (
    <>
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
    </>
  );

  return (
    <div className={styles.widget} ref={root}>
      {collapsed ? (
        // One line once the portal has answered with a token or a second-factor step, so the step's button is the one primary button.
        <p className={styles.summary}>
          <strong>{userName ? FORM.login(userName, host) : host}</strong>
          <button type="button" className="button button--sm button--secondary" onClick={() => setReopened(true)}>
            {FORM.change}
          </button>
          {pending && <Waiting call={pending} onCancel={tryIt.cancel} />}
        </p>
      ) : (
        <form className={styles.form} onSubmit={submit} aria-describedby={`${id}-route`} noValidate>
          <div className={styles.fields}>
            <label htmlFor={`${id}-portal`}>{SHELL.fields.portal}</label>
            <input
              id={`${id}-portal`}
              name="portal"
              ref={inputs.portal}
              className={styles.input}
              value={fields.portal}
              onChange={(event) => setField('portal', event.target.value)}
              placeholder={SHELL.fields.portalPlaceholder}
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={widget.addressProblem !== undefined || undefined}
              aria-describedby={widget.addressProblem ? `${id}-portal-problem` : undefined}
            />
            {widget.addressProblem && (
              <Suspense>
                <AddressProblem id={`${id}-portal-problem`} problem={widget.addressProblem} className={styles.missing} />
              </Suspense>
            )}
          </div>
          {routeSwitch}
          <div className={styles.fields}>
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
            {pending && <Waiting call={pending} onCancel={tryIt.cancel} />}
          </div>
          {widget.fillSandbox && (
            <Suspense>
              <SandboxAccounts onUse={widget.fillSandbox} busy={busy} useLabel={FORM.sandbox} />
            </Suspense>
          )}
        </form>
      )}
      {/* The route still applies to the step's next calls, so it stays at hand under the line. */}
      {collapsed && routeSwitch}

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

      {state.name === 'second-factor' && state.origin && !reopened && (
        <Suspense>
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
        </Suspense>
      )}

      {token && (
        <Suspense>
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
        </Suspense>
      )}

      {state.name === 'signed-in' && state.origin && (
        <Suspense>
          <Profile profile={state.profile} portalOrigin={state.origin} />
        </Suspense>
      )}

      {state.name === 'signed-in' &&
        (widget.keysOpen ? (
          <Suspense>
            <ApiKeys origin={state.origin} token={state.token.token} proxyUrl={route === 'proxy' ? config.proxyUrl : undefined} />
          </Suspense>
        ) : (
          <div className={styles.actions}>
            <button type="button" className={`button ${reopened ? 'button--secondary' : 'button--primary'}`} onClick={widget.openKeys}>
              {TOKEN.apiKeys}
            </button>
          </div>
        ))}

      {state.exchanges.length > 0 && (
        <Suspense>
          <Exchange exchanges={state.exchanges} revealToken={widget.tokenShown ? token?.token : undefined} />
        </Suspense>
      )}
    </div>
  );
}
