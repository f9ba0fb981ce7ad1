/**
 * Runs the client's calls for the widget and feeds their results to the state machine. The calls
 * are injected (`client`), so tests drive the hook with a fake portal and no network.
 */
import {useEffect, useReducer, useRef, useState} from 'react';
import {authenticate, confirmCode, getSelf, normalizePortalUrl, signOut} from '../../../docspace';
import {LOCKOUT} from '../../../docspace/contract';
import type {AuthToken, AuthenticationResult, CallOptions, DocSpaceFailure} from '../../../docspace';
import {initialState, isBusy, tryItReducer, type Route, type TryItEvent, type TryItState} from './machine';

/** The four calls the widget makes. */
export interface TryItClient {
  authenticate: typeof authenticate;
  confirmCode: typeof confirmCode;
  getSelf: typeof getSelf;
  signOut: typeof signOut;
}

const DOCSPACE: TryItClient = {authenticate, confirmCode, getSelf, signOut};

export interface TryItOptions {
  /** The site's portal proxy (absolute URL), or undefined when the site has none. */
  proxyUrl?: string;
  client?: TryItClient;
  /** The clock that dates failed sign-ins (tests move it). */
  now?: () => number;
}

export interface SignInInput {
  portal: string;
  userName: string;
  password: string;
  session: boolean;
}

export interface TryItControls {
  state: TryItState;
  /** Set while a call is in flight. */
  busy: boolean;
  /** The route the next call takes. */
  route: Route;
  setRoute(route: Route): void;
  /** Present after a direct call failed as network/CORS and the site has a proxy: the reader may resend it. */
  resendThroughProxy?: () => void;
  signIn(input: SignInInput): void;
  confirm(code: string): void;
  restore(portal: string, token: AuthToken, route: Route): void;
  signOut(): void;
  forget(): void;
  cancel(): void;
}

interface Flow {
  input: SignInInput;
  route: Route;
}

interface Call<R> {
  /** Enters the waiting state; absent when the previous answer already did. */
  start?: TryItEvent;
  /** Re-enters it when the reader resends the call through the proxy. */
  again: TryItEvent;
  /** Whether a network failure of a direct call may be resent through the proxy. */
  resendable: boolean;
  send: (opts: CallOptions) => Promise<R>;
  done: (result: R) => TryItEvent;
  next?: (result: R) => void;
}

export function useTryIt({proxyUrl, client = DOCSPACE, now = Date.now}: TryItOptions = {}): TryItControls {
  const [state, dispatch] = useReducer(tryItReducer, initialState);
  const [route, setRoute] = useState<Route>('direct');
  const inFlight = useRef<AbortController | null>(null);
  // Kept in memory only while the flow needs it: the second factor resends user name and password.
  const flow = useRef<Flow | null>(null);
  const resend = useRef<(() => void) | undefined>(undefined);
  // Failed sign-ins by portal and login, so the panel can warn before the portal's lockout.
  const failures = useRef(new Map<string, number[]>());

  useEffect(() => () => inFlight.current?.abort(), []);

  const options = (callRoute: Route): CallOptions => {
    inFlight.current?.abort();
    inFlight.current = new AbortController();
    return {portal: flow.current!.input.portal, signal: inFlight.current.signal, proxyUrl: callRoute === 'proxy' ? proxyUrl : undefined};
  };

  const run = <R extends {ok: boolean; error?: DocSpaceFailure}>(call: Call<R>, callRoute: Route): void => {
    resend.current = undefined;
    if (call.start) dispatch(call.start);
    void call.send(options(callRoute)).then((result) => {
      if (call.resendable && !result.ok && result.error?.kind === 'network' && callRoute === 'direct' && proxyUrl) {
        resend.current = () => {
          if (flow.current) flow.current.route = 'proxy';
          setRoute('proxy');
          run({...call, start: call.again}, 'proxy');
        };
      }
      dispatch(call.done(result));
      call.next?.(result);
    });
  };

  const forgetPassword = (): void => {
    if (flow.current) flow.current = {...flow.current, input: {...flow.current.input, password: ''}};
  };

  const loadProfile = (token: AuthToken, start?: TryItEvent): void =>
    run(
      {
        start,
        again: {type: 'load-profile', token},
        resendable: true,
        send: (opts) => client.getSelf({...opts, token: token.token}),
        done: (result) => ({type: 'profile-done', result}),
      },
      flow.current!.route,
    );

  /** Counts a refused password of this login; a token clears the count, as the portal does. */
  const countFailure = (login: string, result: AuthenticationResult): number | undefined => {
    if (result.ok) {
      if (result.step === 'token') failures.current.delete(login);
      return undefined;
    }
    if (result.error.kind !== 'http' || result.error.status !== 401) return undefined;
    const at = now();
    const recent = [...(failures.current.get(login) ?? []).filter((time) => time > at - LOCKOUT.windowMs), at];
    failures.current.set(login, recent);
    return recent.length;
  };

  return {
    state,
    busy: isBusy(state),
    route,
    setRoute,
    resendThroughProxy: state.name === 'failed' || state.name === 'second-factor' ? resend.current : undefined,
    signIn(input) {
      flow.current = {input, route};
      const {userName, password, session} = input;
      const portal = normalizePortalUrl(input.portal);
      const origin = portal.ok ? portal.origin : undefined;
      const login = `${origin}\n${userName.trim().toLowerCase()}`;
      const start: TryItEvent = {type: 'sign-in', origin};
      run(
        {
          start,
          again: start,
          resendable: true,
          send: (opts) => client.authenticate({...opts, userName, password, session}),
          done: (result) => ({type: 'sign-in-done', result, loginFailures: countFailure(login, result)}),
          next: (result) => {
            if (result.ok && result.step === 'token') {
              forgetPassword();
              loadProfile(result.token);
            } else if (result.ok ? result.secondFactor.method === 'sms' && result.secondFactor.setupRequired : !resend.current) {
              // Nothing more can use the password: a phone to activate in the portal, or a failure not to resend.
              forgetPassword();
            }
          },
        },
        route,
      );
    },
    confirm(code) {
      if (!flow.current) return;
      const {userName, password} = flow.current.input;
      const start: TryItEvent = {type: 'confirm'};
      run(
        {
          start,
          again: start,
          resendable: true,
          send: (opts) => client.confirmCode({...opts, userName, password, code}),
          done: (result) => ({type: 'confirm-done', result}),
          // A wrong code leaves the step open, and the password with it, for the next code.
          next: (result) => {
            if (!result.ok) return;
            forgetPassword();
            loadProfile(result.token);
          },
        },
        flow.current.route,
      );
    },
    restore(portal, token, savedRoute) {
      flow.current = {input: {portal, userName: '', password: '', session: false}, route: savedRoute};
      setRoute(savedRoute);
      loadProfile(token, {type: 'load-profile', token, origin: portal});
    },
    signOut() {
      if (state.name !== 'signed-in' || state.signingOut || !flow.current) return;
      const token = state.token.token;
      const start: TryItEvent = {type: 'sign-out'};
      // Not resendable: the page drops the token whatever the answer, as the reader asked.
      run(
        {
          start,
          again: start,
          resendable: false,
          send: (opts) => client.signOut({...opts, token}),
          done: (result) => ({type: 'sign-out-done', result}),
          next: () => {
            flow.current = null;
          },
        },
        flow.current.route,
      );
    },
    forget() {
      inFlight.current?.abort();
      flow.current = null;
      resend.current = undefined;
      dispatch({type: 'forget'});
    },
    cancel() {
      inFlight.current?.abort();
    },
  };
}
