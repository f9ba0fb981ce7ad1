import {useEffect, useId, useRef, useState, type FormEvent, type ReactNode} from 'react';
import {normalizePortalUrl, parseExpires} from '../../docspace';
import {getReaderPortal, setReaderPortal} from '../../readerPortal';
import {currentToken, useTryIt, type Route} from '../TryIt/useTryIt';
import TryItExchange from '../TryItExchange';
import TryItFailure from '../TryItFailure';
import TryItProfile from '../TryItProfile';
import TryItSecondFactor from '../TryItSecondFactor';
import TryItToken from '../TryItToken';
import {useWidgetConfig} from './config';
import styles from './styles.module.css';

/** The sandbox's demo account (servers/sandbox/accounts.ts); src may not import servers. */
const SANDBOX_DEMO = {userName: 'demo', password: 'demo-password'};
/** sessionStorage, only when the reader ticks "Remember for this tab". */
const TAB_TOKEN_KEY = 'docspace-guide:token';

interface RememberedToken {
  portal: string;
  route: Route;
  token: string;
  expiresRaw: string;
}

function readRememberedToken(): RememberedToken | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TAB_TOKEN_KEY) ?? 'null') as RememberedToken | null;
    return saved && typeof saved.token === 'string' && typeof saved.portal === 'string' ? saved : null;
  } catch {
    return null;
  }
}

const WAITING = {
  password: 'Asking the portal for a token…',
  code: 'Sending the code…',
  profile: 'Token received. Reading your profile…',
  'sign-out': 'Signing out…',
};

/** The try-it form and what it got back; loaded lazily by <TryIt />. */
export default function TryItWidget(): ReactNode {
  const {sandboxUrl, proxyUrl} = useWidgetConfig();
  const remembered = useRef(readRememberedToken());
  const [portal, setPortal] = useState(() => remembered.current?.portal ?? getReaderPortal().portalOrigin ?? '');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [session, setSession] = useState(false);
  const [route, setRoute] = useState<Route>(remembered.current?.route ?? 'direct');
  const [rememberInTab, setRememberInTab] = useState(remembered.current !== null);
  const [tokenInExamples, setTokenInExamples] = useState(false);
  const [tokenShown, setTokenShown] = useState(false);
  // The portal of the current flow: the address field may be edited meanwhile.
  const [flowOrigin, setFlowOrigin] = useState(remembered.current?.portal);
  const tryIt = useTryIt(proxyUrl);
  const {state} = tryIt;
  const token = currentToken(state);
  const origin = normalizePortalUrl(portal);
  const portalOrigin = origin.ok ? origin.origin : undefined;
  const id = useId();

  // Every Example on the page follows the address as soon as it is a valid one.
  useEffect(() => setReaderPortal({portalOrigin}), [portalOrigin]);
  useEffect(() => setReaderPortal({token: tokenInExamples ? token?.token : undefined}), [tokenInExamples, token]);
  useEffect(() => () => setReaderPortal({token: undefined}), []);

  // Once, on mount: a token the reader kept for this tab shows its profile again.
  useEffect(() => {
    const saved = remembered.current;
    const expires = saved && parseExpires(saved.expiresRaw);
    if (saved) tryIt.restore(saved.portal, {token: saved.token, expires: expires ?? null, expiresRaw: saved.expiresRaw}, saved.route);
  }, []);

  useEffect(() => {
    try {
      if (rememberInTab && token && flowOrigin) {
        const saved: RememberedToken = {portal: flowOrigin, route, token: token.token, expiresRaw: token.expiresRaw};
        sessionStorage.setItem(TAB_TOKEN_KEY, JSON.stringify(saved));
      } else if (!token || !rememberInTab) {
        sessionStorage.removeItem(TAB_TOKEN_KEY);
      }
    } catch {
      // storage disabled: the token stays in memory only
    }
  }, [rememberInTab, token, flowOrigin, route]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tryIt.busy) return;
    setTokenInExamples(false);
    setTokenShown(false);
    setFlowOrigin(portalOrigin);
    tryIt.signIn({portal, userName, password, session}, route);
    setPassword(''); // the hook keeps it only as long as the flow needs it
  };

  const useSandbox = () => {
    if (!sandboxUrl) return;
    setPortal(sandboxUrl);
    setUserName(SANDBOX_DEMO.userName);
    setPassword(SANDBOX_DEMO.password);
  };

  const waiting =
    state.name === 'signing-in'
      ? WAITING[state.using]
      : state.name === 'loading-profile'
        ? WAITING.profile
        : state.name === 'signed-in' && state.signingOut
          ? WAITING['sign-out']
          : '';
  const lastExchange = state.exchanges.at(-1);

  return (
    <div className={styles.widget}>
      <form className={styles.form} onSubmit={submit} aria-describedby={`${id}-route`}>
        {proxyUrl && (
          <label className={styles.check}>
            <input
              type="checkbox"
              role="switch"
              checked={route === 'proxy'}
              disabled={tryIt.busy}
              onChange={(event) => setRoute(event.target.checked ? 'proxy' : 'direct')}
            />
            Send through this site’s proxy
          </label>
        )}
        <p id={`${id}-route`} className={styles.route}>
          Route: <strong>{route === 'proxy' ? 'browser → this site → portal' : 'browser → portal'}</strong>
          {route === 'proxy' && '. Your user name, password and token pass through this site’s server.'}
        </p>
        <div className={styles.fields}>
          <label htmlFor={`${id}-portal`}>Portal address</label>
          <input
            id={`${id}-portal`}
            className={styles.input}
            value={portal}
            onChange={(event) => setPortal(event.target.value)}
            placeholder="yourportal.onlyoffice.com"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            autoCapitalize="none"
          />
          <label htmlFor={`${id}-user`}>User name</label>
          <input
            id={`${id}-user`}
            className={styles.input}
            value={userName}
            onChange={(event) => setUserName(event.target.value)}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
          />
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            className={styles.input}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
          />
        </div>
        <label className={styles.check}>
          <input type="checkbox" checked={session} onChange={(event) => setSession(event.target.checked)} />
          Session token (ends when you sign out)
        </label>
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={tryIt.busy}>
            Get token
          </button>
          {sandboxUrl && (
            <button type="button" className="button button--secondary" onClick={useSandbox} disabled={tryIt.busy}>
              Use the sandbox portal
            </button>
          )}
          {tryIt.busy && (
            <button type="button" className="button button--danger" onClick={tryIt.cancel}>
              Cancel
            </button>
          )}
        </div>
      </form>

      <p role="status" className={styles.status}>
        {waiting}
        {state.name === 'idle' && state.notice === 'signed-out' && 'Signed out: the portal no longer accepts that token.'}
        {state.name === 'idle' && state.notice === 'forgotten' && 'Token removed from this page. It still works until it expires, unless you sign out.'}
      </p>

      {state.name === 'failed' && (
        <TryItFailure
          failure={state.error}
          call={state.call}
          route={lastExchange?.via ?? route}
          hasProxy={proxyUrl !== undefined}
          exchange={lastExchange}
          onResendThroughProxy={
            tryIt.resendThroughProxy &&
            (() => {
              setRoute('proxy');
              tryIt.resendThroughProxy?.();
            })
          }
        />
      )}

      {state.name === 'second-factor' && flowOrigin && (
        <TryItSecondFactor step={state.step} portalOrigin={flowOrigin} busy={tryIt.busy} onConfirm={tryIt.confirm} />
      )}

      {token && (
        <TryItToken
          token={token}
          shown={tokenShown}
          onShownChange={setTokenShown}
          canSignOut={state.name === 'signed-in' && !state.signingOut}
          tokenInExamples={tokenInExamples}
          onTokenInExamples={setTokenInExamples}
          rememberInTab={rememberInTab}
          onRememberInTab={setRememberInTab}
          onForget={tryIt.forget}
          onSignOut={tryIt.signOut}
        />
      )}

      {state.name === 'signed-in' && flowOrigin && <TryItProfile profile={state.profile} portalOrigin={flowOrigin} />}

      {state.exchanges.length > 0 && <TryItExchange exchanges={state.exchanges} revealToken={tokenShown ? token?.token : undefined} />}
    </div>
  );
}
