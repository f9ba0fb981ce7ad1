/**
 * The widget's one state machine: named states, the data of the flow and the rules for what may be
 * sent, in a pure reducer. Each call is a `pending` value in the state: effects.ts runs it (which
 * client call, with what) and feeds the answer back as an event; the components only render the state.
 */
import type {
  AuthToken,
  AuthenticationResult,
  ConfirmCodeResult,
  DocSpaceFailure,
  Exchange,
  PortalProfile,
  SecondFactorStep,
  SelfResult,
  SignOutResult,
} from '../../../docspace';
import {LOCKOUT} from '../../../docspace/contract';

/** Straight from the browser to the portal, or through this site's proxy. */
export type Route = 'direct' | 'proxy';

/** What the reader typed to sign in. The password lives in the state only while a call may still send it. */
export interface Credentials {
  userName: string;
  password: string;
  session: boolean;
}

/** A call the state waits for, with everything it sends. */
export type PendingCall =
  | {call: 'sign-in'; credentials: Credentials}
  | {call: 'confirm'; credentials: Credentials; code: string}
  | {call: 'profile'; token: AuthToken}
  | {call: 'sign-out'; token: AuthToken};

/** Which call a failure came from: the same status means different things for each. */
export type TryItCall = PendingCall['call'];

/**
 * Why a call failed, as the panel knows it: the client's account, or a call this page's
 * Content-Security-Policy blocked. fetch reports that as a network failure; only the browser's
 * `securitypolicyviolation` event tells it apart, so the widget learns it, not the client.
 */
export type TryItFailure = DocSpaceFailure | {kind: 'blocked-by-csp'; origin: string};

type Pending<C extends TryItCall> = Extract<PendingCall, {call: C}>;

/** What outlives a flow: the switch, whether the site has a proxy, the refused passwords and the origins the CSP blocked. */
interface Shared {
  /** The calls of the current flow, oldest first, as the guide prints them. */
  exchanges: Exchange[];
  /** The route the next call takes: the reader's switch, or the proxy once a call was resent through it. */
  route: Route;
  /** Whether this site has a proxy a call may be resent through. */
  hasProxy: boolean;
  /** When each login (`origin` and user name) had its password refused, for the lockout warning. */
  refusals: Readonly<Record<string, readonly number[]>>;
  /** The origins this page's Content-Security-Policy refused to connect to: a fact for the page's life. */
  blockedOrigins: readonly string[];
}

export type TryItState = Shared &
  (
    | {name: 'idle'; notice?: 'signed-out' | 'forgotten'; origin?: undefined}
    /** `origin`: the portal of the flow, normalised once where the reader typed it. */
    | {name: 'signing-in'; origin: string; pending: Pending<'sign-in'>}
    /**
     * `credentials`: kept for the code, absent when none can be sent (a phone to set up in the
     * portal). `failure`: the last code did not work; the step stays open for another.
     */
    | {name: 'second-factor'; origin: string; step: SecondFactorStep; credentials?: Credentials; pending?: Pending<'confirm'>; failure?: DocSpaceFailure; resend?: Pending<'confirm'>}
    | {name: 'loading-profile'; origin: string; token: AuthToken; pending: Pending<'profile'>}
    | {name: 'signed-in'; origin: string; token: AuthToken; profile: PortalProfile; pending?: Pending<'sign-out'>}
    /**
     * `token` survives only a failed profile call of the same flow: never an old token beside a new
     * error. `loginFailures`: after a refused password, the refusals of this login within a minute.
     * `resend`: the call as it was, when it may go again through the proxy.
     */
    | {name: 'failed'; origin?: string; call: TryItCall; error: TryItFailure; token?: AuthToken; loginFailures?: number; resend?: Pending<'sign-in' | 'profile'>}
  );

export type TryItEvent =
  /** `origin`: the address as normalizePortalUrl read it; the form never sends an unusable one. */
  | {type: 'sign-in'; origin: string; credentials: Credentials}
  /** `at`: when the answer came, to date a refused password. */
  | {type: 'sign-in-done'; result: AuthenticationResult; at: number}
  | {type: 'confirm'; code: string}
  | {type: 'confirm-done'; result: ConfirmCodeResult}
  /** A token the reader kept for this tab: its profile is loaded again. */
  | {type: 'restore'; origin: string; token: AuthToken; route: Route}
  | {type: 'profile-done'; result: SelfResult}
  | {type: 'sign-out'}
  | {type: 'sign-out-done'; result: SignOutResult}
  | {type: 'forget'}
  | {type: 'set-route'; route: Route}
  | {type: 'resend-through-proxy'}
  /** The browser's `securitypolicyviolation` for `connect-src`: this page may not call `blockedUri`. */
  | {type: 'blocked-by-csp'; blockedUri: string};

export function initialTryItState(hasProxy: boolean): TryItState {
  return {name: 'idle', exchanges: [], route: 'direct', hasProxy, refusals: {}, blockedOrigins: []};
}

const withExchange = (exchanges: Exchange[], exchange?: Exchange): Exchange[] => (exchange ? [...exchanges, exchange] : exchanges);

/** Only what outlives a flow, so no field of one state leaks into the next. */
const shared = ({exchanges, route, hasProxy, refusals, blockedOrigins}: Shared): Shared => ({exchanges, route, hasProxy, refusals, blockedOrigins});

/** The call in flight, if any, and the portal it goes to. */
export function pendingCall(state: TryItState): {pending: PendingCall; origin: string} | undefined {
  return 'pending' in state && state.pending ? {pending: state.pending, origin: state.origin} : undefined;
}

/** True while a call is in flight. */
export function isBusy(state: TryItState): boolean {
  return pendingCall(state) !== undefined;
}

/** The token the page currently holds, if any. */
export function currentToken(state: TryItState): AuthToken | undefined {
  return state.name === 'signed-in' || state.name === 'loading-profile' || state.name === 'failed' ? state.token : undefined;
}

/** Whether the step takes a code here: a phone still to be set up is set up in the portal itself. */
export function takesCode(step: SecondFactorStep): boolean {
  return !(step.method === 'sms' && step.setupRequired);
}

/**
 * A direct call that got no answer may go again through this site's proxy, when it has one; never a
 * sign-out (the page drops the token whatever the answer, as the reader asked).
 */
function mayResend(state: TryItState, pending: PendingCall, error: TryItFailure): boolean {
  return pending.call !== 'sign-out' && error.kind === 'network' && state.route === 'direct' && state.hasProxy;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A direct call's network failure, said precisely when this page's policy blocked its origin (the
 * browser's event may come before or after the failure: the reducer checks at both). The browser
 * never sent such a call, and the proxy would not relay an http:// portal either: nothing to resend.
 * Only a sign-in or a restored token's profile can meet the policy first: a code or a sign-out goes
 * to the origin a sign-in just reached, and the policy is the same for the page's life.
 */
function withPolicy(error: TryItFailure, exchange: Exchange | undefined, blockedOrigins: readonly string[]): TryItFailure {
  if (error.kind !== 'network' || exchange?.via !== 'direct') return error;
  const origin = originOf(exchange.request.url);
  return origin && blockedOrigins.includes(origin) ? {kind: 'blocked-by-csp', origin} : error;
}

/** Refused passwords are counted per portal and login (as the portal counts them), trimmed and in any case. */
const loginOf = (origin: string, {userName}: Credentials) => `${origin}\n${userName.trim().toLowerCase()}`;

/** The refusals after a sign-in answer: a refused password is dated, a token clears the login's count. */
function countRefusal(refusals: Shared['refusals'], login: string, result: AuthenticationResult, at: number): Shared['refusals'] {
  if (result.ok) {
    if (result.step !== 'token' || !(login in refusals)) return refusals;
    const {[login]: _cleared, ...others} = refusals;
    return others;
  }
  if (result.error.kind !== 'http' || result.error.status !== 401) return refusals;
  return {...refusals, [login]: [...(refusals[login] ?? []).filter((time) => time > at - LOCKOUT.windowMs), at]};
}

/** The state that waits for `pending`. A resent sign-in starts its flow afresh, like a new one. */
function waitFor(state: Shared, origin: string, pending: Pending<'sign-in' | 'profile'>): TryItState {
  return pending.call === 'sign-in'
    ? {...shared(state), exchanges: [], name: 'signing-in', origin, pending}
    : {...shared(state), name: 'loading-profile', origin, token: pending.token, pending};
}

/** Pure: every event not expected in the current state is ignored (a late answer changes nothing). */
export function tryItReducer(state: TryItState, event: TryItEvent): TryItState {
  switch (event.type) {
    case 'sign-in': {
      // A new attempt starts a new flow: nothing of the previous one stays on screen.
      if (isBusy(state)) return state;
      return waitFor(state, event.origin, {call: 'sign-in', credentials: event.credentials});
    }
    case 'sign-in-done': {
      if (state.name !== 'signing-in') return state;
      const {result} = event;
      const {origin, pending} = state;
      const login = loginOf(origin, pending.credentials);
      const next = {...shared(state), exchanges: withExchange(state.exchanges, result.exchange), refusals: countRefusal(state.refusals, login, result, event.at), origin};
      if (!result.ok) {
        const refused = result.error.kind === 'http' && result.error.status === 401;
        const error = withPolicy(result.error, result.exchange, state.blockedOrigins);
        // Only a call that may be resent keeps the password.
        const resend = mayResend(state, pending, error) ? pending : undefined;
        return {...next, name: 'failed', call: 'sign-in', error, loginFailures: refused ? next.refusals[login].length : undefined, resend};
      }
      if (result.step === 'second-factor') {
        const step = result.secondFactor;
        return {...next, name: 'second-factor', step, credentials: takesCode(step) ? pending.credentials : undefined};
      }
      return waitFor(next, origin, {call: 'profile', token: result.token});
    }
    case 'confirm':
      if (state.name !== 'second-factor' || state.pending || !state.credentials) return state;
      return {...state, failure: undefined, resend: undefined, pending: {call: 'confirm' as const, credentials: state.credentials, code: event.code}};
    case 'confirm-done': {
      if (state.name !== 'second-factor' || !state.pending) return state;
      const {result} = event;
      const exchanges = withExchange(state.exchanges, result.exchange);
      if (result.ok) return waitFor({...state, exchanges}, state.origin, {call: 'profile', token: result.token});
      // A wrong code leaves the step open, and the password with it, for the next code.
      const resend = mayResend(state, state.pending, result.error) ? state.pending : undefined;
      return {...state, exchanges, pending: undefined, failure: result.error, resend};
    }
    case 'restore':
      return state.name === 'idle' ? waitFor({...state, exchanges: [], route: event.route}, event.origin, {call: 'profile', token: event.token}) : state;
    case 'profile-done': {
      if (state.name !== 'loading-profile') return state;
      const {result} = event;
      const {origin, token, pending} = state;
      const next = {...shared(state), exchanges: withExchange(state.exchanges, result.exchange), origin, token};
      if (result.ok) return {...next, name: 'signed-in', profile: result.profile};
      const error = withPolicy(result.error, result.exchange, state.blockedOrigins);
      return {...next, name: 'failed', call: 'profile', error, resend: mayResend(state, pending, error) ? pending : undefined};
    }
    case 'sign-out':
      return state.name === 'signed-in' && !state.pending ? {...state, pending: {call: 'sign-out' as const, token: state.token}} : state;
    case 'sign-out-done': {
      if (state.name !== 'signed-in' || !state.pending) return state;
      // The token is cleared from the page either way; only the logout exchange stays (token masked).
      const next = {...shared(state), exchanges: withExchange([], event.result.exchange)};
      return event.result.ok
        ? {...next, name: 'idle', notice: 'signed-out'}
        : {...next, name: 'failed', call: 'sign-out', error: event.result.error, origin: state.origin};
    }
    case 'forget':
      return state.name === 'signed-in' || state.name === 'failed' ? {...shared(state), exchanges: [], name: 'idle', notice: 'forgotten'} : state;
    case 'set-route':
      return isBusy(state) ? state : {...state, route: event.route};
    case 'resend-through-proxy': {
      if (state.name === 'second-factor' && state.resend) return {...state, route: 'proxy', failure: undefined, resend: undefined, pending: state.resend};
      if (state.name === 'failed' && state.resend && state.origin) return waitFor({...state, route: 'proxy'}, state.origin, state.resend);
      return state;
    }
    case 'blocked-by-csp': {
      const origin = originOf(event.blockedUri);
      if (!origin || state.blockedOrigins.includes(origin)) return state;
      const next = {...state, blockedOrigins: [...state.blockedOrigins, origin]};
      if (next.name !== 'failed') return next;
      // The event came after the failure it explains: the failed call is the last exchange.
      const error = withPolicy(next.error, next.exchanges.at(-1), next.blockedOrigins);
      return error === next.error ? next : {...next, error, resend: undefined};
    }
  }
}
