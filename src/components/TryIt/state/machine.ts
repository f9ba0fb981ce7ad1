/**
 * The widget's one state machine: named states and a pure reducer. The hooks run the client's
 * calls and feed their results in; the components only render the state.
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

/** Which call a failure came from: the same status means different things for each. */
export type TryItCall = 'sign-in' | 'confirm' | 'profile' | 'sign-out';

/** Straight from the browser to the portal, or through this site's proxy. */
export type Route = 'direct' | 'proxy';

export type TryItState = {
  /** The calls of the current flow, oldest first, as the guide prints them. */
  exchanges: Exchange[];
  /** The portal of the current flow; the address field may be edited meanwhile. */
  origin?: string;
} & (
  | {name: 'idle'; notice?: 'signed-out' | 'forgotten'}
  | {name: 'signing-in'}
  /** `failure`: the last code did not work; the step stays open for another. */
  | {name: 'second-factor'; step: SecondFactorStep; confirming: boolean; failure?: DocSpaceFailure}
  | {name: 'loading-profile'; token: AuthToken}
  | {name: 'signed-in'; token: AuthToken; profile: PortalProfile; signingOut: boolean}
  /**
   * `token` survives only a failed profile call of the same flow: never an old token beside a new
   * error. `loginFailures`: after a refused password, the failures of this login within a minute.
   */
  | {name: 'failed'; call: TryItCall; error: DocSpaceFailure; token?: AuthToken; loginFailures?: number}
);

export type TryItEvent =
  | {type: 'sign-in'; origin?: string}
  | {type: 'sign-in-done'; result: AuthenticationResult; loginFailures?: number}
  | {type: 'confirm'}
  | {type: 'confirm-done'; result: ConfirmCodeResult}
  /** Load the profile for a token the reader already has (restored, or a resent profile call). */
  | {type: 'load-profile'; token: AuthToken; origin?: string}
  | {type: 'profile-done'; result: SelfResult}
  | {type: 'sign-out'}
  | {type: 'sign-out-done'; result: SignOutResult}
  | {type: 'forget'};

export const initialState: TryItState = {name: 'idle', exchanges: []};

const withExchange = (exchanges: Exchange[], exchange?: Exchange): Exchange[] => (exchange ? [...exchanges, exchange] : exchanges);

/** True while a call is in flight. */
export function isBusy(state: TryItState): boolean {
  return (
    state.name === 'signing-in' ||
    state.name === 'loading-profile' ||
    (state.name === 'second-factor' && state.confirming) ||
    (state.name === 'signed-in' && state.signingOut)
  );
}

/** Pure: every event not expected in the current state is ignored (a late answer changes nothing). */
export function tryItReducer(state: TryItState, event: TryItEvent): TryItState {
  const {origin} = state;
  switch (event.type) {
    case 'sign-in':
      // A new attempt starts a new flow: nothing of the previous one stays on screen.
      return isBusy(state) ? state : {name: 'signing-in', exchanges: [], origin: event.origin};
    case 'sign-in-done': {
      if (state.name !== 'signing-in') return state;
      const {result} = event;
      const exchanges = withExchange(state.exchanges, result.exchange);
      if (!result.ok) return {name: 'failed', call: 'sign-in', error: result.error, loginFailures: event.loginFailures, exchanges, origin};
      if (result.step === 'second-factor') return {name: 'second-factor', step: result.secondFactor, confirming: false, exchanges, origin};
      return {name: 'loading-profile', token: result.token, exchanges, origin};
    }
    case 'confirm':
      return state.name === 'second-factor' && !state.confirming ? {...state, confirming: true, failure: undefined} : state;
    case 'confirm-done': {
      if (state.name !== 'second-factor' || !state.confirming) return state;
      const {result} = event;
      const exchanges = withExchange(state.exchanges, result.exchange);
      return result.ok
        ? {name: 'loading-profile', token: result.token, exchanges, origin}
        : {...state, confirming: false, failure: result.error, exchanges};
    }
    case 'load-profile':
      if (state.name === 'idle') return {name: 'loading-profile', token: event.token, exchanges: [], origin: event.origin};
      return state.name === 'failed' && state.call === 'profile' ? {name: 'loading-profile', token: event.token, exchanges: state.exchanges, origin} : state;
    case 'profile-done': {
      if (state.name !== 'loading-profile') return state;
      const exchanges = withExchange(state.exchanges, event.result.exchange);
      return event.result.ok
        ? {name: 'signed-in', token: state.token, profile: event.result.profile, signingOut: false, exchanges, origin}
        : {name: 'failed', call: 'profile', error: event.result.error, token: state.token, exchanges, origin};
    }
    case 'sign-out':
      return state.name === 'signed-in' && !state.signingOut ? {...state, signingOut: true} : state;
    case 'sign-out-done': {
      if (state.name !== 'signed-in' || !state.signingOut) return state;
      // The token is cleared from the page either way; only the logout exchange stays (token masked).
      const exchanges = withExchange([], event.result.exchange);
      return event.result.ok
        ? {name: 'idle', notice: 'signed-out', exchanges, origin}
        : {name: 'failed', call: 'sign-out', error: event.result.error, exchanges, origin};
    }
    case 'forget':
      return state.name === 'signed-in' || state.name === 'failed' ? {name: 'idle', notice: 'forgotten', exchanges: []} : state;
  }
}

/** The token the page currently holds, if any. */
export function currentToken(state: TryItState): AuthToken | undefined {
  return state.name === 'signed-in' || state.name === 'loading-profile' || state.name === 'failed' ? state.token : undefined;
}
