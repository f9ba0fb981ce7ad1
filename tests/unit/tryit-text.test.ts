import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeFailure} from '../../src/components/TryIt/describeFailure';
import {describeExpiry, relativeTime} from '../../src/components/TryIt/expiry';
import type {Exchange} from '../../src/docspace';

const answered = (status: number, body: string): Exchange => ({
  request: {method: 'POST', url: 'https://portal.example.com/api/2.0/authentication', headers: {}},
  response: {status, statusText: '', headers: {}, body},
  sent: true,
  durationMs: 1,
  via: 'direct',
});

const http = (status: number, serverMessage?: string) =>
  ({kind: 'http', status, message: `POST https://portal.example.com/api/2.0/authentication answered ${status}.`, ...(serverMessage ? {serverMessage} : {})}) as const;
const said = (text: {title: string; detail?: string; advice: string[]}) => [text.title, text.detail, ...text.advice].join(' ');
const direct = (call: 'sign-in' | 'confirm' | 'profile' | 'sign-out') => ({call, route: 'direct', hasProxy: true}) as const;

test('401 on sign-in: a headline, the client’s account of the call, and the widget’s advice with the lockout rule', () => {
  const failure = http(401, 'User authentication failed');
  const text = describeFailure(failure, direct('sign-in'));
  assert.equal(text.title, 'Wrong user name or password (401).');
  assert.equal(text.detail, failure.message);
  assert.match(text.advice.join(' '), /Check both .*usually the email address.*five failures within a minute .*locks this login for a minute/);
});

test('401 elsewhere says what it means for that call, and what to do', () => {
  const confirm = describeFailure(http(401), direct('confirm'));
  assert.match(said(confirm), /code is wrong.*enter the current one/);
  for (const call of ['profile', 'sign-out'] as const) {
    assert.match(said(describeFailure(http(401), direct(call))), /no longer accepts this token.*Sign in again/);
  }
});

test('403: the lock, a disabled account, or either; 404, 429 and 5xx each with what to do', () => {
  assert.match(said(describeFailure(http(403, 'User disabled'), direct('sign-in'))), /refused \(403\).*disabled.*administrator/);
  assert.match(said(describeFailure(http(403, 'Too many login attempts. Please try again later'), direct('sign-in'))), /refused \(403\).*locked.*Wait a minute/);
  assert.match(said(describeFailure(http(403), direct('sign-in'))), /refused \(403\).*disabled, or locked/);
  assert.match(said(describeFailure(http(404), direct('sign-in'))), /HTTP 404.*Check that the address is your DocSpace portal/);
  assert.match(said(describeFailure(http(429), direct('sign-in'))), /Too many requests \(429\).*Wait a minute/);
  assert.match(said(describeFailure(http(500), direct('sign-in'))), /HTTP 500.*Try again later/);
  assert.match(describeFailure(http(418), direct('profile')).title, /profile.*HTTP 418/);
});

test('an error page that is not JSON shows its first bytes as text', () => {
  const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
  const text = describeFailure(http(502), {...direct('sign-in'), exchange: answered(502, html)});
  assert.equal(text.bodyStart, html);
  const json = describeFailure(http(500), {...direct('sign-in'), exchange: answered(500, '{"error":{}}')});
  assert.equal(json.bodyStart, undefined);
  assert.equal(describeFailure({kind: 'not-json', status: 200, bodyStart: '<!doctype', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).bodyStart, '<!doctype');
});

test('network: says a browser cannot tell down from CORS, names the CORS setting, the proxy and cURL', () => {
  const text = describeFailure({kind: 'network', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true});
  const all = [text.title, ...text.advice].join(' ');
  assert.match(all, /cannot tell/);
  assert.match(all, /CORS/);
  assert.match(all, /core\.cors/);
  assert.match(all, /proxy/);
  assert.match(all, /cURL/);
  assert.equal(text.offerCurl, true);
  assert.doesNotMatch(describeFailure({kind: 'network', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: false}).advice.join(' '), /proxy/);
  assert.match(describeFailure({kind: 'network', message: ''}, {call: 'sign-in', route: 'proxy', hasProxy: true}).title, /through this site’s proxy/);
});

test('mixed content, timeout, invalid address and a 2xx without token each say what happened', () => {
  assert.match(describeFailure({kind: 'mixed-content', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).title, /https.*http:\/\//);
  assert.match(describeFailure({kind: 'timeout', timeoutMs: 15000, message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).title, /within 15 seconds/);
  assert.deepEqual(describeFailure({kind: 'invalid-address', problem: 'port', message: 'The port must be a number'}, {call: 'sign-in', route: 'direct', hasProxy: true}).advice, ['The port must be a number']);
  const noToken = describeFailure({kind: 'unexpected-answer', status: 200, message: 'POST … answered 200 without a token.'}, direct('sign-in'));
  assert.match(noToken.title, /200/);
  assert.equal(noToken.detail, 'POST … answered 200 without a token.');
  assert.match(noToken.advice.join(' '), /Check that the address is your DocSpace portal/);
  const tooLarge = describeFailure({kind: 'too-large', status: 200, maxBytes: 1024 * 1024, message: 'POST … answered 200 with more than 1 MB.'}, direct('sign-in'));
  assert.match(said(tooLarge), /larger than 1 MB.*stopped reading.*not a DocSpace portal/);
});

test('expiry: a local date and a relative time, or the session', () => {
  const now = new Date('2026-08-13T10:00:00Z');
  assert.equal(relativeTime(new Date('2027-08-13T10:00:00Z'), now, 'en'), 'in 12 months');
  assert.equal(relativeTime(new Date('2026-08-16T10:00:00Z'), now, 'en'), 'in 3 days');
  assert.equal(relativeTime(new Date('2026-08-13T09:55:00Z'), now, 'en'), '5 minutes ago');
  assert.equal(relativeTime(new Date('2029-08-13T10:00:00Z'), now, 'en'), 'in 3 years');
  assert.equal(describeExpiry({expires: null, expiresRaw: '0001-01-01T00:00:00'}, now, 'en'), 'ends with the session');
  assert.match(
    describeExpiry({expires: new Date('2027-08-13T10:00:00Z'), expiresRaw: '2027-08-13T10:00:00.0000000Z'}, now, 'en'),
    /^expires .*2027.* \(in 12 months\)$/,
  );
  // An unreadable expiry is not passed off as a session token.
  assert.equal(describeExpiry({expires: null, expiresRaw: 'soon'}, now, 'en'), 'has an expiry this page cannot read (“soon”)');
});
