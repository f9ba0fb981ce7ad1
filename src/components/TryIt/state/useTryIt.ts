/**
 * The state machine in React: dispatches the reader's actions, runs each pending call once
 * (effects.ts) and feeds its answer back. Holds nothing of the flow itself but the call's cancel.
 */
import {useEffect, useReducer, useRef} from 'react';
import type {AuthToken} from '../../../docspace';
import {DOCSPACE, runPending, type TryItClient} from './effects';
import {initialTryItState, isBusy, pendingCall, tryItReducer, type Credentials, type Route, type TryItState} from './machine';

interface TryItOptions {
  /** The site's portal proxy (absolute URL), or undefined when the site has none. */
  proxyUrl?: string;
  client?: TryItClient;
  /** The clock that dates refused passwords (tests move it). */
  now?: () => number;
}

interface TryItControls {
  state: TryItState;
  /** Set while a call is in flight. */
  busy: boolean;
  /** The route the next call takes. */
  route: Route;
  setRoute(route: Route): void;
  /** Present after a direct call failed as network/CORS and the site has a proxy: the reader may resend it. */
  resendThroughProxy?: () => void;
  /** `origin`: the address as normalizePortalUrl read it, where the reader typed it. */
  signIn(origin: string, credentials: Credentials): void;
  confirm(code: string): void;
  restore(origin: string, token: AuthToken, route: Route): void;
  signOut(): void;
  forget(): void;
  cancel(): void;
}

export function useTryIt({proxyUrl, client = DOCSPACE, now = Date.now}: TryItOptions = {}): TryItControls {
  const [state, dispatch] = useReducer(tryItReducer, proxyUrl !== undefined, initialTryItState);
  const inFlight = useRef<AbortController | null>(null);
  const call = pendingCall(state);

  // Each pending value is one call: it runs when it appears and never again.
  useEffect(() => {
    if (!call) return;
    const controller = new AbortController();
    inFlight.current = controller;
    const options = {portal: call.origin, signal: controller.signal, proxyUrl: state.route === 'proxy' ? proxyUrl : undefined};
    void runPending(call.pending, {client, options, now}).then(dispatch);
  }, [call?.pending]);
  useEffect(() => () => inFlight.current?.abort(), []);
  // fetch says only "network error" when this page's Content-Security-Policy blocks a call; the browser tells the document.
  useEffect(() => {
    const onViolation = ({effectiveDirective, blockedURI}: SecurityPolicyViolationEvent) => {
      if (effectiveDirective === 'connect-src') dispatch({type: 'blocked-by-csp', blockedUri: blockedURI});
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, []);

  return {
    state,
    busy: isBusy(state),
    route: state.route,
    setRoute: (route) => dispatch({type: 'set-route', route}),
    resendThroughProxy: 'resend' in state && state.resend ? () => dispatch({type: 'resend-through-proxy'}) : undefined,
    signIn: (origin, credentials) => dispatch({type: 'sign-in', origin, credentials}),
    confirm: (code) => dispatch({type: 'confirm', code}),
    restore: (origin, token, route) => dispatch({type: 'restore', origin, token, route}),
    signOut: () => dispatch({type: 'sign-out'}),
    forget() {
      inFlight.current?.abort();
      dispatch({type: 'forget'});
    },
    cancel: () => inFlight.current?.abort(),
  };
}
