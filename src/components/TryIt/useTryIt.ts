/**
 * The widget's one state machine: a pure reducer with named states, and the hook that runs the
 * client's calls and feeds their results back in. Components only render the state.
 */
import {useEffect, useReducer, useRef} from 'react';
import {authenticate, confirmCode, getSelf, signOut} from '../../docspace';
import type {
  AuthToken,
  AuthenticationResult,
  CallOptions,
  ConfirmCodeResult,
  DocSpaceFailure,
  Exchange,
  PortalProfile,
  SecondFactorStep,
  SelfResult,
  SignOutResult,
} from '../../docspace';

/** Which call a failure came from: the same status means different things for each. */
export type TryItCall = 'sign-in' | 'confirm' | 'profile' | 'sign-out';

export type TryItState = {
  /** The calls of the current flow, oldest first, as the guide prints them. */
  exchanges: Exchange[];
} & (
  | {name: 'idle'; notice?: 'signed-out' | 'forgotten'}
  | {name: 'signing-in'; using: 'password' | 'code'}
  | {name: 'second-factor'; step: SecondFactorStep}
  | {name: 'loading-profile'; token: AuthToken}
  | {name: 'signed-in'; token: AuthToken; profile: PortalProfile; signingOut: boolean}
  /** `token` survives only a failed profile call of the same flow: never an old token beside a new error. */
  | {name: 'failed'; call: TryItCall; error: DocSpaceFailure; token?: AuthToken}
);

export type TryItEvent =
  | {type: 'sign-in'}
  | {type: 'sign-in-done'; result: AuthenticationResult}
  | {type: 'confirm'}
  | {type: 'confirm-done'; result: ConfirmCodeResult}
  /** Load the profile for a token the reader already has (restored, or a resent profile call). */
  | {type: 'load-profile'; token: AuthToken}
  | {type: 'profile-done'; result: SelfResult}
  | {type: 'sign-out'}
  | {type: 'sign-out-done'; result: SignOutResult}
  | {type: 'forget'};

export const initialState: TryItState = {name: 'idle', exchanges: []};

const withExchange = (exchanges: Exchange[], exchange?: Exchange): Exchange[] =>
  exchange ? [...exchanges, exchange] : exchanges;

function afterToken(state: TryItState, result: AuthenticationResult | ConfirmCodeResult, call: TryItCall): TryItState {
  const exchanges = withExchange(state.exchanges, result.exchange);
  if (!result.ok) return {name: 'failed', call, error: result.error, exchanges};
  if (result.step === 'second-factor') return {name: 'second-factor', step: result.secondFactor, exchanges};
  return {name: 'loading-profile', token: result.token, exchanges};
}

/** Pure: every event not expected in the current state is ignored (a late answer changes nothing). */
export function tryItReducer(state: TryItState, event: TryItEvent): TryItState {
  switch (event.type) {
    case 'sign-in':
      // A new attempt starts a new flow: nothing of the previous one stays on screen.
      return state.name === 'signing-in' || state.name === 'loading-profile'
        ? state
        : {name: 'signing-in', using: 'password', exchanges: []};
    case 'sign-in-done':
      return state.name === 'signing-in' && state.using === 'password' ? afterToken(state, event.result, 'sign-in') : state;
    case 'confirm':
      return state.name === 'second-factor' || (state.name === 'failed' && state.call === 'confirm')
        ? {name: 'signing-in', using: 'code', exchanges: state.exchanges}
        : state;
    case 'confirm-done':
      return state.name === 'signing-in' && state.using === 'code' ? afterToken(state, event.result, 'confirm') : state;
    case 'load-profile':
      if (state.name === 'idle') return {name: 'loading-profile', token: event.token, exchanges: []};
      return state.name === 'failed' && state.call === 'profile'
        ? {name: 'loading-profile', token: event.token, exchanges: state.exchanges}
        : state;
    case 'profile-done': {
      if (state.name !== 'loading-profile') return state;
      const exchanges = withExchange(state.exchanges, event.result.exchange);
      return event.result.ok
        ? {name: 'signed-in', token: state.token, profile: event.result.profile, signingOut: false, exchanges}
        : {name: 'failed', call: 'profile', error: event.result.error, token: state.token, exchanges};
    }
    case 'sign-out':
      return state.name === 'signed-in' && !state.signingOut ? {...state, signingOut: true} : state;
    case 'sign-out-done': {
      if (state.name !== 'signed-in' || !state.signingOut) return state;
      // The token is cleared from the page either way; only the logout exchange stays (token masked).
      const exchanges = withExchange([], event.result.exchange);
      return event.result.ok
        ? {name: 'idle', notice: 'signed-out', exchanges}
        : {name: 'failed', call: 'sign-out', error: event.result.error, exchanges};
    }
    case 'forget':
      return state.name === 'signed-in' || state.name === 'failed' ? {name: 'idle', notice: 'forgotten', exchanges: []} : state;
  }
}

/** The token the page currently holds, if any. */
export function currentToken(state: TryItState): AuthToken | undefined {
  return state.name === 'signed-in' || state.name === 'loading-profile' || state.name === 'failed' ? state.token : undefined;
}

export type Route = 'direct' | 'proxy';

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
  /** Present after a direct call failed as network/CORS and the site has a proxy: the reader may resend it. */
  resendThroughProxy?: () => void;
  signIn(input: SignInInput, route: Route): void;
  confirm(code: string): void;
  restore(portal: string, token: AuthToken, route: Route): void;
  signOut(): void;
  forget(): void;
  cancel(): void;
}

/** `proxyUrl` is the site's portal proxy (absolute URL), or undefined when the site has none. */
export function useTryIt(proxyUrl: string | undefined): TryItControls {
  const [state, dispatch] = useReducer(tryItReducer, initialState);
  const inFlight = useRef<AbortController | null>(null);
  // Kept in memory while the flow needs them: the second factor resends user name and password.
  const flow = useRef<{input: SignInInput; route: Route} | null>(null);
  const resend = useRef<(() => void) | undefined>(undefined);

  useEffect(() => () => inFlight.current?.abort(), []);

  const options = (route: Route): CallOptions & {signal: AbortSignal} => {
    inFlight.current?.abort();
    inFlight.current = new AbortController();
    return {portal: flow.current!.input.portal, signal: inFlight.current.signal, proxyUrl: route === 'proxy' ? proxyUrl : undefined};
  };

  /**
   * Runs one call. `start` enters the waiting state (absent when the previous answer already did);
   * `again` re-enters it if the reader resends a direct call that never got an answer through the proxy.
   */
  const run = <R extends {ok: boolean; error?: DocSpaceFailure}>(call: {
    start?: TryItEvent;
    again: TryItEvent;
    route: Route;
    send: (opts: CallOptions) => Promise<R>;
    done: (result: R) => TryItEvent;
    next?: (result: R) => void;
  }): void => {
    resend.current = undefined;
    if (call.start) dispatch(call.start);
    void call.send(options(call.route)).then((result) => {
      if (!result.ok && result.error?.kind === 'network' && call.route === 'direct' && proxyUrl) {
        resend.current = () => {
          flow.current = flow.current && {...flow.current, route: 'proxy'};
          run({...call, start: call.again, route: 'proxy'});
        };
      }
      dispatch(call.done(result));
      call.next?.(result);
    });
  };

  const loadProfile = (token: AuthToken, start?: TryItEvent): void =>
    run({
      start,
      again: {type: 'load-profile', token},
      route: flow.current!.route,
      send: (opts) => getSelf({...opts, token: token.token}),
      done: (result) => ({type: 'profile-done', result}),
    });

  // A token continues the flow without another click; a failure that cannot be resent forgets the password.
  const afterToken = (result: AuthenticationResult | ConfirmCodeResult): void => {
    if (result.ok && result.step === 'token') {
      flow.current = flow.current && {...flow.current, input: {...flow.current.input, password: ''}};
      loadProfile(result.token);
    } else if (!result.ok && !resend.current) {
      flow.current = null;
    }
  };

  return {
    state,
    busy: state.name === 'signing-in' || state.name === 'loading-profile' || (state.name === 'signed-in' && state.signingOut),
    resendThroughProxy: state.name === 'failed' ? resend.current : undefined,
    signIn(input, route) {
      flow.current = {input, route};
      const {userName, password, session} = input;
      const start: TryItEvent = {type: 'sign-in'};
      run({
        start,
        again: start,
        route,
        send: (opts) => authenticate({...opts, userName, password, session}),
        done: (result) => ({type: 'sign-in-done', result}),
        next: afterToken,
      });
    },
    confirm(code) {
      if (!flow.current) return;
      const {input, route} = flow.current;
      const start: TryItEvent = {type: 'confirm'};
      run({
        start,
        again: start,
        route,
        send: (opts) => confirmCode({...opts, userName: input.userName, password: input.password, code}),
        done: (result) => ({type: 'confirm-done', result}),
        next: afterToken,
      });
    },
    restore(portal, token, route) {
      flow.current = {input: {portal, userName: '', password: '', session: false}, route};
      loadProfile(token, {type: 'load-profile', token});
    },
    signOut() {
      if (state.name !== 'signed-in' || !flow.current) return;
      const token = state.token.token;
      // Not resendable: the page drops the token whatever the answer, as the reader asked.
      run({
        start: {type: 'sign-out'},
        again: {type: 'sign-out'},
        route: flow.current.route,
        send: (opts) => signOut({...opts, token}),
        done: (result) => ({type: 'sign-out-done', result}),
        next: () => {
          flow.current = null;
          resend.current = undefined;
        },
      });
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
