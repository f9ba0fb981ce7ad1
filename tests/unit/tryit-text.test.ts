import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeFailure} from '../../src/components/TryIt/describeFailure';
import {describeExpiry, relativeTime} from '../../src/components/TryIt/expiry';
import type {Exchange} from '../../src/docspace';

const answered = (status: number, body: string): Exchange => ({
  request: {method: 'POST', url: 'https://portal.example.com/api/2.0/authentication', headers: {}},
  response: {status, statusText: '', headers: {}, body},
  durationMs: 1,
  via: 'direct',
});

const http = (status: number, message: string, serverMessage?: string) =>
  ({kind: 'http', status, message, ...(serverMessage ? {serverMessage} : {})}) as const;
const said = (text: {title: string; advice: string[]}) => [text.title, ...text.advice].join(' ');

test('401 on sign-in: a headline, and the client’s advice under it', () => {
  const text = describeFailure(http(401, 'Check both. After five failures within a minute…'), 'sign-in', 'direct', true);
  assert.match(text.title, /Wrong user name or password \(401\)/);
  assert.deepEqual(text.advice, ['Check both. After five failures within a minute…']);
});

test('401 elsewhere says what it means for that call', () => {
  assert.match(describeFailure(http(401, ''), 'confirm', 'direct', true).title, /code is wrong/);
  assert.match(describeFailure(http(401, ''), 'profile', 'direct', true).title, /no longer accepts this token/);
});

test('403, 429 and 5xx are named, with the client’s message that quotes the server', () => {
  const disabled = describeFailure(http(403, 'This account is disabled. The portal said: “User disabled”.', 'User disabled'), 'sign-in', 'direct', true);
  assert.match(said(disabled), /refused \(403\).*“User disabled”/);
  assert.match(describeFailure(http(429, ''), 'sign-in', 'direct', true).title, /Too many requests \(429\)/);
  assert.match(describeFailure(http(500, ''), 'sign-in', 'direct', true).title, /HTTP 500/);
  assert.match(describeFailure(http(418, ''), 'profile', 'direct', true).title, /profile.*HTTP 418/);
});

test('an error page that is not JSON shows its first bytes as text', () => {
  const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
  const text = describeFailure({kind: 'http', status: 502, message: ''}, 'sign-in', 'direct', true, answered(502, html));
  assert.equal(text.bodyStart, html);
  const json = describeFailure({kind: 'http', status: 500, message: ''}, 'sign-in', 'direct', true, answered(500, '{"error":{}}'));
  assert.equal(json.bodyStart, undefined);
  assert.equal(describeFailure({kind: 'not-json', status: 200, bodyStart: '<!doctype', message: ''}, 'sign-in', 'direct', true).bodyStart, '<!doctype');
});

test('network: says a browser cannot tell down from CORS, names the CORS setting, the proxy and cURL', () => {
  const text = describeFailure({kind: 'network', message: ''}, 'sign-in', 'direct', true);
  const all = [text.title, ...text.advice].join(' ');
  assert.match(all, /cannot tell/);
  assert.match(all, /CORS/);
  assert.match(all, /core\.cors/);
  assert.match(all, /proxy/);
  assert.match(all, /cURL/);
  assert.equal(text.offerCurl, true);
  assert.doesNotMatch(describeFailure({kind: 'network', message: ''}, 'sign-in', 'direct', false).advice.join(' '), /proxy/);
  assert.match(describeFailure({kind: 'network', message: ''}, 'sign-in', 'proxy', true).title, /through this site’s proxy/);
});

test('mixed content, timeout, invalid address and a 2xx without token each say what happened', () => {
  assert.match(describeFailure({kind: 'mixed-content', message: ''}, 'sign-in', 'direct', true).title, /https.*http:\/\//);
  assert.match(describeFailure({kind: 'timeout', timeoutMs: 15000, message: ''}, 'sign-in', 'direct', true).title, /within 15 seconds/);
  assert.deepEqual(describeFailure({kind: 'invalid-address', problem: 'port', message: 'The port must be a number'}, 'sign-in', 'direct', true).advice, ['The port must be a number']);
  const noToken = describeFailure({kind: 'unexpected-answer', status: 200, message: 'The answer has no token.'}, 'sign-in', 'direct', true);
  assert.match(noToken.title, /200/);
  assert.deepEqual(noToken.advice, ['The answer has no token.']);
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
