import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  currentToken,
  initialTryItState,
  isBusy,
  pendingCall,
  tryItReducer,
  type Credentials,
  type TryItEvent,
  type TryItState,
} from '../../../src/components/TryIt/state/machine';
import {type AuthToken, type DocSpaceFailure, type Exchange, type PortalProfile, type SecondFactorStep} from '../../../src/docspace';

const PORTAL = 'https://portal.example.com';
const exchange = (path: string): Exchange => ({
  request: {method: 'POST', url: `${PORTAL}${path}`, headers: {}},
  response: {status: 200, statusText: 'OK', headers: {}, body: '{}'},
  sent: true,
  durationMs: 1,
  via: 'direct',
});
const token: AuthToken = {token: 'tok', expires: new Date('2027-01-01T00:00:00Z'), expiresRaw: '2027-01-01T00:00:00.0000000Z'};
const profile: PortalProfile = {id: '1', displayName: 'Dana Demo'};
const step: SecondFactorStep = {method: 'app', setupRequired: false};
const network: DocSpaceFailure = {kind: 'network', message: 'no answer'};
const refused: DocSpaceFailure = {kind: 'http', status: 401, message: 'POST … answered 401.'};
const PASSWORD = 'the-password';
const credentials: Credentials = {userName: 'dana', password: PASSWORD, session: false};

const signIn = (origin = PORTAL, userName = 'dana'): TryItEvent => ({type: 'sign-in', origin, credentials: {...credentials, userName}});
const signInDone = (result: Extract<TryItEvent, {type: 'sign-in-done'}>['result'], at = 0): TryItEvent => ({type: 'sign-in-done', result, at});
const tokenAnswer = {ok: true, step: 'token', token, exchange: exchange('/api/2.0/authentication')} as const;
const secondFactor = (asked: SecondFactorStep = step) => signInDone({ok: true, step: 'second-factor', secondFactor: asked, exchange: exchange('/api/2.0/authentication')});

const run = (events: TryItEvent[], hasProxy = false): TryItState => events.reduce(tryItReducer, initialTryItState(hasProxy));
const signedIn = (hasProxy = false): TryItState =>
  run([signIn(), signInDone(tokenAnswer), {type: 'profile-done', result: {ok: true, profile, exchange: exchange('/api/2.0/people/@self')}}], hasProxy);
const holdsPassword = (state: TryItState) => JSON.stringify(state).includes(PASSWORD);

test('a token continues to loading-profile, then signed-in with both exchanges', () => {
  const loading = run([signIn(), signInDone(tokenAnswer)]);
  assert.equal(loading.name, 'loading-profile');
  assert.deepEqual(pendingCall(loading), {pending: {call: 'profile', token}, origin: PORTAL});
  const done = signedIn();
  assert.equal(done.name, 'signed-in');
  assert.equal(done.exchanges.length, 2);
  assert.deepEqual(done.name === 'signed-in' && done.profile, profile);
  assert.equal(currentToken(done), token);
  assert.equal(isBusy(done), false);
});

test('a second factor waits for the code, then the code leads to the token', () => {
  const asked = run([signIn(), secondFactor()]);
  assert.equal(asked.name, 'second-factor');
  assert.equal(isBusy(asked), false);
  const confirming = tryItReducer(asked, {type: 'confirm', code: '123456'});
  assert.deepEqual(pendingCall(confirming), {pending: {call: 'confirm', credentials, code: '123456'}, origin: PORTAL});
  const confirmed = tryItReducer(confirming, {type: 'confirm-done', result: {ok: true, step: 'token', token, exchange: exchange('/a/123456')}});
  assert.equal(confirmed.name, 'loading-profile');
  assert.equal(confirmed.exchanges.length, 2);
  assert.equal(holdsPassword(confirmed), false, 'the password goes with the token');
});

test('a wrong code keeps the step open with the failure, and the password for the next code', () => {
  const asked = run([signIn(), secondFactor()]);
  const failed = tryItReducer(tryItReducer(asked, {type: 'confirm', code: '000000'}), {type: 'confirm-done', result: {ok: false, error: refused, exchange: exchange('/a/000000')}});
  assert.equal(failed.name, 'second-factor');
  assert.equal(isBusy(failed), false);
  assert.deepEqual(failed.name === 'second-factor' && failed.step, step);
  assert.deepEqual(failed.name === 'second-factor' && failed.failure, refused);
  assert.equal(failed.exchanges.length, 2);
  const again = tryItReducer(failed, {type: 'confirm', code: '123456'});
  assert.ok(again.name === 'second-factor' && again.failure === undefined, 'the next code clears the last failure');
  assert.deepEqual(pendingCall(again)?.pending, {call: 'confirm', credentials, code: '123456'});
});

test('an SMS step with a phone to set up in the portal takes no code and keeps no password; an app to set up does', () => {
  const phone = run([signIn(), secondFactor({method: 'sms', setupRequired: true})]);
  assert.equal(holdsPassword(phone), false);
  assert.equal(tryItReducer(phone, {type: 'confirm', code: '123456'}), phone);
  const app = run([signIn(), secondFactor({method: 'app', setupRequired: true, tfaKey: 'K'})]);
  assert.equal(pendingCall(tryItReducer(app, {type: 'confirm', code: '123456'}))?.pending.call, 'confirm');
});

test('a failure names its call and keeps no token of the sign-in', () => {
  const failed = run([signIn(), signInDone({ok: false, error: {kind: 'http', status: 401, message: 'x'}, exchange: exchange('/a')})]);
  assert.equal(failed.name, 'failed');
  assert.equal(failed.name === 'failed' && failed.call, 'sign-in');
  assert.equal(currentToken(failed), undefined);
});

test('a sign-in that failed and will not be resent keeps no password (refused, through the proxy, or with no proxy)', () => {
  const refusedDirect = run([signIn(), signInDone({ok: false, error: refused})], true);
  const networkViaProxy = run([{type: 'set-route', route: 'proxy'}, signIn(), signInDone({ok: false, error: network})], true);
  const networkWithoutProxy = run([signIn(), signInDone({ok: false, error: network})], false);
  for (const [name, state] of Object.entries({refusedDirect, networkViaProxy, networkWithoutProxy})) {
    assert.equal(state.name, 'failed', name);
    assert.equal(holdsPassword(state), false, name);
  }
  const resendable = run([signIn(), signInDone({ok: false, error: network})], true);
  assert.ok(holdsPassword(resendable), 'a call that may be resent through the proxy keeps what it sends');
});

test('a new sign-in drops everything of the previous flow: no old token or profile beside a new error', () => {
  const again = tryItReducer(signedIn(), signIn());
  assert.deepEqual(again, {name: 'signing-in', exchanges: [], route: 'direct', hasProxy: false, refusals: {}, blockedOrigins: [], origin: PORTAL, pending: {call: 'sign-in', credentials}});
  const failed = tryItReducer(again, signInDone({ok: false, error: network}));
  assert.equal(currentToken(failed), undefined);
  assert.equal(failed.exchanges.length, 0);
});

test('a failed profile call keeps the token of the same flow and, when it got no answer directly, may go again through the proxy', () => {
  const loading = run([signIn(), signInDone({ok: true, step: 'token', token})], true);
  const failed = tryItReducer(loading, {type: 'profile-done', result: {ok: false, error: network, exchange: exchange('/api/2.0/people/@self')}});
  assert.equal(failed.name, 'failed');
  assert.equal(currentToken(failed), token);
  const resent = tryItReducer(failed, {type: 'resend-through-proxy'});
  assert.deepEqual([resent.name, resent.route, resent.exchanges.length], ['loading-profile', 'proxy', 1]);
  assert.deepEqual(pendingCall(resent)?.pending, {call: 'profile', token});
});

test('a failed sign-in never continues to the profile: neither a restore nor a resend moves it', () => {
  // Refused and network-failed (with no proxy to resend through): neither may be resent.
  for (const error of [refused, network]) {
    const failed = run([signIn(), signInDone({ok: false, error})]);
    assert.equal(tryItReducer(failed, {type: 'restore', origin: PORTAL, token, route: 'direct'}), failed, error.kind);
    assert.equal(tryItReducer(failed, {type: 'resend-through-proxy'}), failed, error.kind);
  }
});

test('a direct call that got no answer is offered again through the proxy as it was: the same sign-in, the same code', () => {
  const failedSignIn = run([signIn(), signInDone({ok: false, error: network, exchange: exchange('/api/2.0/authentication')})], true);
  const resent = tryItReducer(failedSignIn, {type: 'resend-through-proxy'});
  assert.deepEqual([resent.name, resent.route, resent.exchanges.length], ['signing-in', 'proxy', 0]);
  assert.deepEqual(pendingCall(resent), {pending: {call: 'sign-in', credentials}, origin: PORTAL});

  const confirming = tryItReducer(run([signIn(), secondFactor()], true), {type: 'confirm', code: '123456'});
  const lost = tryItReducer(confirming, {type: 'confirm-done', result: {ok: false, error: network}});
  const again = tryItReducer(lost, {type: 'resend-through-proxy'});
  assert.deepEqual([again.name, again.route, again.name === 'second-factor' && again.failure], ['second-factor', 'proxy', undefined]);
  assert.deepEqual(pendingCall(again)?.pending, {call: 'confirm', credentials, code: '123456'});
});

test('a call that already went through the proxy is never offered for resending through it', () => {
  const viaProxy: TryItEvent[] = [{type: 'set-route', route: 'proxy'}, signIn()];
  const signInLost = run([...viaProxy, signInDone({ok: false, error: network})], true);
  assert.ok(signInLost.name === 'failed' && signInLost.resend === undefined);
  const profileLost = tryItReducer(run([...viaProxy, signInDone(tokenAnswer)], true), {type: 'profile-done', result: {ok: false, error: network}});
  assert.ok(profileLost.name === 'failed' && profileLost.resend === undefined);
  const codeLost = tryItReducer(tryItReducer(run([...viaProxy, secondFactor()], true), {type: 'confirm', code: '123456'}), {type: 'confirm-done', result: {ok: false, error: network}});
  assert.ok(codeLost.name === 'second-factor' && codeLost.resend === undefined);
  for (const state of [signInLost, profileLost, codeLost]) assert.equal(tryItReducer(state, {type: 'resend-through-proxy'}), state);
});

test('only a network failure may be resent: a refused password or code is an answer, not a lost call', () => {
  const refusedSignIn = run([signIn(), signInDone({ok: false, error: refused})], true);
  assert.ok(refusedSignIn.name === 'failed' && refusedSignIn.resend === undefined);
  const timedOut = run([signIn(), signInDone({ok: false, error: {kind: 'timeout', timeoutMs: 15_000, message: ''}})], true);
  assert.ok(timedOut.name === 'failed' && timedOut.resend === undefined);
});

test('signing out is a call in flight: busy (Cancel offered, buttons aria-disabled), the switch stays put', () => {
  const signingOut = tryItReducer(signedIn(), {type: 'sign-out'});
  assert.equal(isBusy(signingOut), true);
  assert.deepEqual(pendingCall(signingOut)?.pending, {call: 'sign-out', token});
  assert.equal(tryItReducer(signingOut, {type: 'set-route', route: 'proxy'}), signingOut);
  assert.equal(tryItReducer(signingOut, {type: 'sign-out'}), signingOut);
  assert.equal(tryItReducer(signingOut, signIn()), signingOut, 'no new sign-in while one call is out');
});

test('sign-out clears the token whatever the answer, keeping only the logout exchange, and is never resent', () => {
  const signingOut = tryItReducer(signedIn(true), {type: 'sign-out'});
  const out = tryItReducer(signingOut, {type: 'sign-out-done', result: {ok: true, exchange: exchange('/logout')}});
  assert.deepEqual([out.name, out.name === 'idle' && out.notice, out.exchanges.length], ['idle', 'signed-out', 1]);
  const failed = tryItReducer(signingOut, {type: 'sign-out-done', result: {ok: false, error: network}});
  assert.equal(failed.name, 'failed');
  assert.equal(currentToken(failed), undefined);
  assert.ok(failed.name === 'failed' && failed.resend === undefined);
});

test('forget clears the token and every exchange', () => {
  assert.deepEqual(tryItReducer(signedIn(), {type: 'forget'}), {name: 'idle', notice: 'forgotten', exchanges: [], route: 'direct', hasProxy: false, refusals: {}, blockedOrigins: []});
});

test('the switch sets the route of the next call, also mid-flow; not while a call is out', () => {
  const asked = run([signIn(), secondFactor()], true);
  const switched = tryItReducer(asked, {type: 'set-route', route: 'proxy'});
  assert.equal(switched.route, 'proxy');
  assert.equal(tryItReducer(run([signIn()]), {type: 'set-route', route: 'proxy'}).route, 'direct');
});

test('refused passwords are counted per portal and login within the lockout window; a token clears the count', () => {
  let state = initialTryItState(false);
  const attempt = (at: number, userName = 'dana', portal = PORTAL, result: Extract<TryItEvent, {type: 'sign-in-done'}>['result'] = {ok: false, error: refused}) => {
    state = tryItReducer(tryItReducer(state, signIn(portal, userName)), signInDone(result, at));
    return state.name === 'failed' ? state.loginFailures : undefined;
  };
  assert.deepEqual([attempt(0), attempt(1000), attempt(2000, 'Dana ')], [1, 2, 3]);
  assert.equal(attempt(3000, 'someone-else'), 1, 'per login');
  assert.equal(attempt(4000, 'dana', 'https://other.example.com'), 1, 'per portal');
  assert.equal(attempt(5000), 4);
  assert.equal(attempt(66_000), 1, 'refusals older than a minute no longer count');
  assert.equal(attempt(67_000, 'dana', PORTAL, {ok: false, error: network}), undefined, 'only a refused password counts');
  attempt(68_000, 'dana', PORTAL, tokenAnswer);
  state = tryItReducer(state, {type: 'profile-done', result: {ok: true, profile}});
  assert.equal(attempt(69_000), 1, 'a token starts the count again');
});

test('answers that arrive in the wrong state change nothing', () => {
  const idle = run([]);
  for (const event of [
    signInDone(tokenAnswer),
    {type: 'confirm-done', result: {ok: true, step: 'token', token}},
    {type: 'profile-done', result: {ok: true, profile}},
    {type: 'sign-out-done', result: {ok: true}},
    {type: 'confirm', code: '123456'},
    {type: 'sign-out'},
    {type: 'resend-through-proxy'},
  ] satisfies TryItEvent[]) {
    assert.equal(tryItReducer(idle, event), idle, event.type);
  }
  const busy = run([signIn()]);
  assert.equal(tryItReducer(busy, signIn()), busy);
  assert.equal(tryItReducer(busy, {type: 'confirm-done', result: {ok: true, step: 'token', token}}), busy);
  const asked = run([signIn(), secondFactor()]);
  assert.equal(tryItReducer(asked, {type: 'confirm-done', result: {ok: true, step: 'token', token}}), asked, 'no code was sent');
});

test('restoring a remembered token loads its profile on its own route', () => {
  assert.deepEqual(run([{type: 'restore', origin: PORTAL, token, route: 'proxy'}], true), {
    name: 'loading-profile',
    token,
    exchanges: [],
    route: 'proxy',
    hasProxy: true,
    refusals: {},
    blockedOrigins: [],
    origin: PORTAL,
    pending: {call: 'profile', token},
  });
});

test('a network failure of a call this page’s CSP blocked becomes that failure, whichever the browser reports first', () => {
  const blocked = 'http://localhost:8092';
  const sentTo = (origin: string, via: Exchange['via'] = 'direct'): Exchange => ({request: {method: 'POST', url: `${origin}/api/2.0/authentication`, headers: {}}, sent: true, durationMs: 1, via});
  const violation: TryItEvent = {type: 'blocked-by-csp', blockedUri: `${blocked}/api/2.0/authentication`};
  const failedSignIn = (origin: string, via?: Exchange['via']) => signInDone({ok: false, error: network, exchange: sentTo(origin, via)});
  const errorOf = (state: TryItState) => (state.name === 'failed' ? state.error : undefined);

  // The event after the failure: the failure is said again, precisely, and not offered to the proxy.
  const after = run([signIn(blocked), failedSignIn(blocked), violation], true);
  assert.deepEqual(errorOf(after), {kind: 'blocked-by-csp', origin: blocked});
  assert.equal(after.name === 'failed' && after.resend, undefined);
  assert.equal(holdsPassword(after), false);
  // The event before it: the failure arrives already said precisely; the blocked origin is kept for the page's life.
  const before = run([signIn(blocked), violation, failedSignIn(blocked)], true);
  assert.deepEqual(errorOf(before), {kind: 'blocked-by-csp', origin: blocked});
  const again = [signIn(blocked), failedSignIn(blocked)].reduce(tryItReducer, before);
  assert.deepEqual(errorOf(again), {kind: 'blocked-by-csp', origin: blocked}, 'the next call to it, with no event of its own');

  // Another origin's failure, a call through the proxy, or a violation that is no URL stay what they were.
  const other = run([signIn(), violation, failedSignIn(PORTAL)], true);
  assert.deepEqual(errorOf(other), network);
  assert.ok(other.name === 'failed' && other.resend, 'a real network failure may still go through the proxy');
  assert.deepEqual(errorOf(run([signIn(blocked), violation, failedSignIn(blocked, 'proxy')], true)), network);
  const notUrl = run([signIn(blocked), failedSignIn(blocked), {type: 'blocked-by-csp', blockedUri: 'inline'}], true);
  assert.deepEqual(errorOf(notUrl), network);
});
