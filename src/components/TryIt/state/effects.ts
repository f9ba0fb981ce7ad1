/**
 * Which client call each pending call of the state machine makes, and the event its answer becomes.
 * The calls are injected (`client`), so tests drive the flow with a fake portal and no network.
 */
import {authenticate, confirmCode, getSelf, signOut, type CallOptions} from '../../../docspace';
import type {PendingCall, TryItCall, TryItEvent} from './machine';

/** The four calls the widget makes. */
export interface TryItClient {
  authenticate: typeof authenticate;
  confirmCode: typeof confirmCode;
  getSelf: typeof getSelf;
  signOut: typeof signOut;
}

export const DOCSPACE: TryItClient = {authenticate, confirmCode, getSelf, signOut};

/** What every call is sent with: the portal, the route's proxy and the cancel signal; and the clock. */
interface CallContext {
  client: TryItClient;
  options: CallOptions;
  now: () => number;
}

type Effect<C extends TryItCall> = (pending: Extract<PendingCall, {call: C}>, context: CallContext) => Promise<TryItEvent>;

const EFFECTS: {[C in TryItCall]: Effect<C>} = {
  'sign-in': async ({credentials}, {client, options, now}) => {
    const result = await client.authenticate({...options, ...credentials});
    return {type: 'sign-in-done', result, at: now()};
  },
  confirm: async ({credentials: {userName, password}, code}, {client, options}) => ({
    type: 'confirm-done',
    result: await client.confirmCode({...options, userName, password, code}),
  }),
  profile: async ({token}, {client, options}) => ({type: 'profile-done', result: await client.getSelf({...options, token: token.token})}),
  'sign-out': async ({token}, {client, options}) => ({type: 'sign-out-done', result: await client.signOut({...options, token: token.token})}),
};

/** Sends the pending call; resolves to the event that carries its answer (the client never throws). */
export function runPending(pending: PendingCall, context: CallContext): Promise<TryItEvent> {
  return (EFFECTS[pending.call] as Effect<TryItCall>)(pending, context);
}
