import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialState, tryItReducer, currentToken, type TryItState, type TryItEvent} from '../../src/components/TryIt/state/machine';
import type {AuthToken, Exchange, PortalProfile, SecondFactorStep} from '../../src/docspace';

const exchange = (path: string): Exchange => ({
  request: {method: 'POST', url: `https://portal.example.com${path}`, headers: {}},
  response: {status: 200, statusText: 'OK', headers: {}, body: '{}'},
  sent: true,
  durationMs: 1,
  via: 'direct',
});
const token: AuthToken = {token: 'tok', expires: new Date('2027-01-01T00:00:00Z'), expiresRaw: '2027-01-01T00:00:00.0000000Z'};
const profile: PortalProfile = {id: '1', displayName: 'Dana Demo'};
const step: SecondFactorStep = {method: 'app', setupRequired: false};
const network = {kind: 'network', message: 'no answer'} as const;

const run = (...events: TryItEvent[]): TryItState => events.reduce(tryItReducer, initialState);
const signedIn = (): TryItState =>
  run(
    {type: 'sign-in'},
    {type: 'sign-in-done', result: {ok: true, step: 'token', token, exchange: exchange('/api/2.0/authentication')}},
    {type: 'profile-done', result: {ok: true, profile, exchange: exchange('/api/2.0/people/@self')}},
  );

test('a token continues to loading-profile, then signed-in with both exchanges', () => {
  const loading = run({type: 'sign-in'}, {type: 'sign-in-done', result: {ok: true, step: 'token', token, exchange: exchange('/a')}});
  assert.equal(loading.name, 'loading-profile');
  const done = signedIn();
  assert.equal(done.name, 'signed-in');
  assert.equal(done.exchanges.length, 2);
  assert.deepEqual(done.name === 'signed-in' && done.profile, profile);
  assert.equal(currentToken(done), token);
});

test('a second factor waits for the code, then the code leads to the token', () => {
  const asked = run({type: 'sign-in'}, {type: 'sign-in-done', result: {ok: true, step: 'second-factor', secondFactor: step, exchange: exchange('/a')}});
  assert.equal(asked.name, 'second-factor');
  const confirming = tryItReducer(asked, {type: 'confirm'});
  assert.deepEqual([confirming.name, confirming.name === 'second-factor' && confirming.confirming], ['second-factor', true]);
  const confirmed = tryItReducer(confirming, {type: 'confirm-done', result: {ok: true, step: 'token', token, exchange: exchange('/a/123456')}});
  assert.equal(confirmed.name, 'loading-profile');
  assert.equal(confirmed.exchanges.length, 2);
});

test('a wrong code keeps the step open with the failure, for another code', () => {
  const asked = run({type: 'sign-in'}, {type: 'sign-in-done', result: {ok: true, step: 'second-factor', secondFactor: step, exchange: exchange('/a')}});
  const wrong = {kind: 'http', status: 401, message: 'POST … answered 401.'} as const;
  const failed = tryItReducer(tryItReducer(asked, {type: 'confirm'}), {type: 'confirm-done', result: {ok: false, error: wrong, exchange: exchange('/a/000000')}});
  assert.equal(failed.name, 'second-factor');
  assert.ok(failed.name === 'second-factor' && !failed.confirming);
  assert.deepEqual(failed.name === 'second-factor' && failed.step, step);
  assert.deepEqual(failed.name === 'second-factor' && failed.failure, wrong);
  assert.equal(failed.exchanges.length, 2);
  const again = tryItReducer(failed, {type: 'confirm'});
  assert.ok(again.name === 'second-factor' && again.confirming && again.failure === undefined, 'the next code clears the last failure');
});

test('a failure names its call and keeps no token of the sign-in', () => {
  const failed = run({type: 'sign-in'}, {type: 'sign-in-done', result: {ok: false, error: {kind: 'http', status: 401, message: 'x'}, exchange: exchange('/a')}});
  assert.equal(failed.name, 'failed');
  assert.equal(failed.name === 'failed' && failed.call, 'sign-in');
  assert.equal(currentToken(failed), undefined);
});

test('a new sign-in drops everything of the previous flow: no old token or profile beside a new error', () => {
  const again = tryItReducer(signedIn(), {type: 'sign-in'});
  assert.deepEqual(again, {name: 'signing-in', exchanges: [], origin: undefined});
  const failed = tryItReducer(again, {type: 'sign-in-done', result: {ok: false, error: network}});
  assert.equal(currentToken(failed), undefined);
  assert.equal(failed.exchanges.length, 0);
});

test('a failed profile call keeps the token of the same flow and may be resent', () => {
  const loading = run({type: 'sign-in'}, {type: 'sign-in-done', result: {ok: true, step: 'token', token}});
  const failed = tryItReducer(loading, {type: 'profile-done', result: {ok: false, error: network}});
  assert.equal(failed.name, 'failed');
  assert.equal(currentToken(failed), token);
  assert.equal(tryItReducer(failed, {type: 'load-profile', token}).name, 'loading-profile');
});

test('sign-out clears the token whatever the answer, keeping only the logout exchange', () => {
  const signingOut = tryItReducer(signedIn(), {type: 'sign-out'});
  assert.equal(signingOut.name === 'signed-in' && signingOut.signingOut, true);
  const out = tryItReducer(signingOut, {type: 'sign-out-done', result: {ok: true, exchange: exchange('/logout')}});
  assert.deepEqual([out.name, out.name === 'idle' && out.notice, out.exchanges.length], ['idle', 'signed-out', 1]);
  const failed = tryItReducer(signingOut, {type: 'sign-out-done', result: {ok: false, error: network}});
  assert.equal(failed.name, 'failed');
  assert.equal(currentToken(failed), undefined);
});

test('forget clears the token and every exchange', () => {
  assert.deepEqual(tryItReducer(signedIn(), {type: 'forget'}), {name: 'idle', notice: 'forgotten', exchanges: []});
});

test('answers that arrive in the wrong state change nothing', () => {
  const idle = run();
  for (const event of [
    {type: 'sign-in-done', result: {ok: true, step: 'token', token}},
    {type: 'confirm-done', result: {ok: true, step: 'token', token}},
    {type: 'profile-done', result: {ok: true, profile}},
    {type: 'sign-out-done', result: {ok: true}},
    {type: 'confirm'},
    {type: 'sign-out'},
  ] satisfies TryItEvent[]) {
    assert.equal(tryItReducer(idle, event), idle, event.type);
  }
  const busy = run({type: 'sign-in'});
  assert.equal(tryItReducer(busy, {type: 'sign-in'}), busy);
  assert.equal(tryItReducer(busy, {type: 'confirm-done', result: {ok: true, step: 'token', token}}), busy);
});

test('restoring a remembered token loads its profile', () => {
  assert.deepEqual(run({type: 'load-profile', token, origin: 'https://portal.example.com'}), {
    name: 'loading-profile',
    token,
    exchanges: [],
    origin: 'https://portal.example.com',
  });
});
