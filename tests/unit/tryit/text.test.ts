import {test} from 'node:test';
import assert from 'node:assert/strict';
import {relativeTime} from '../../../src/components/TryIt/wording/panel';
import {failureText, panelText, setupKeyText} from '../support/panel-text';
import type {Exchange} from '../../../src/docspace';

const {STATUS, describeTokenLife, describeSecondFactor, describeStatus, exchangeSummary} = panelText('en');
const {describeFailure} = failureText('en');

const answered = (status: number, body: string): Exchange => ({
  request: {method: 'POST', url: 'https://portal.example.com/api/2.0/authentication', headers: {}},
  response: {status, statusText: '', headers: {}, body},
  sent: true,
  durationMs: 1,
  via: 'direct',
});

const http = (status: number, serverMessage?: string) =>
  ({kind: 'http', status, message: `POST https://portal.example.com/api/2.0/authentication answered ${status}.`, ...(serverMessage ? {serverMessage} : {})}) as const;
const signInExchange = answered(401, '');
const said = (text: {title: string; detail?: string; advice: string[]}) => [text.title, text.detail, ...text.advice].join(' ');
const direct = (call: 'sign-in' | 'confirm' | 'profile' | 'sign-out') => ({call, route: 'direct', hasProxy: true}) as const;

test('401 on sign-in: a headline, the client’s account of the call, and the widget’s advice with the lockout rule', () => {
  const failure = http(401, 'User authentication failed');
  const text = describeFailure(failure, {...direct('sign-in'), exchange: signInExchange});
  assert.equal(text.title, 'Wrong user name or password (401).');
  assert.equal(text.detail, 'POST https://portal.example.com/api/2.0/authentication answered 401: “User authentication failed”.');
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

test('a fault of the client itself says so, never network or CORS, and offers the cURL command', () => {
  const text = describeFailure({kind: 'client-bug', status: 200, message: ''}, direct('sign-in'));
  assert.match(text.title, /HTTP 200.*this page failed to read the answer/);
  assert.match(said(text), /fault in this page, not in your portal or your network/);
  assert.doesNotMatch(said(text), /CORS|network failed/);
  assert.equal(text.offerCurl, true);
});

test('mixed content, timeout, invalid address and a 2xx without token each say what happened', () => {
  assert.match(describeFailure({kind: 'mixed-content', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).title, /https.*http:\/\//);
  assert.match(describeFailure({kind: 'timeout', timeoutMs: 15000, message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).title, /within 15 seconds/);
  assert.deepEqual(describeFailure({kind: 'invalid-address', problem: 'port', message: ''}, {call: 'sign-in', route: 'direct', hasProxy: true}).advice, [
    'The port must be a number from 1 to 65535, as in localhost:8092.',
  ]);
  const noToken = describeFailure(
    {kind: 'unexpected-answer', status: 200, lacking: 'token', message: 'POST … answered 200 without a token.'},
    {...direct('sign-in'), exchange: answered(200, '{}')},
  );
  assert.match(noToken.title, /200/);
  assert.equal(noToken.detail, 'POST https://portal.example.com/api/2.0/authentication answered 200 without a token.');
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
  assert.equal(describeTokenLife({expires: null, expiresRaw: '0001-01-01T00:00:00'}, now), 'It ends with the session.');
  assert.match(
    describeTokenLife({expires: new Date('2027-08-13T10:00:00Z'), expiresRaw: '2027-08-13T10:00:00.0000000Z'}, now),
    /^It expires .*2027.* \(in 12 months\)\.$/,
  );
  // An unreadable expiry is not passed off as a session token.
  assert.equal(describeTokenLife({expires: null, expiresRaw: 'soon'}, now), 'It has an expiry this page cannot read (“soon”).');
});

test('from the 4th refused password of a login within a minute, the advice says the next one locks it', () => {
  const advice = (loginFailures?: number) => describeFailure(http(401), {...direct('sign-in'), loginFailures}).advice.join(' ');
  for (const count of [undefined, 1, 2, 3]) assert.match(advice(count), /After five failures within a minute the portal locks this login/, String(count));
  assert.match(advice(4), /4th failure for this login within a minute: one more locks it for a minute/);
  assert.match(advice(5), /five failures .* the portal now locks it for a minute/);
  // A wrong code is a different count: the password rule is not repeated there.
  assert.doesNotMatch(describeFailure(http(401), {...direct('confirm'), loginFailures: 4}).advice.join(' '), /locks/);
});

test('a refusal of this site’s proxy says the portal never saw the call, and what to do for each reason', () => {
  const refusal = (reason: string, status = 403) =>
    describeFailure(
      {kind: 'proxy-refusal', status, reason, proxyMessage: 'x', message: `The proxy refused POST … with ${status} (${reason}): “x”.`},
      {call: 'sign-in', route: 'proxy', hasProxy: true, exchange: {...answered(status, ''), via: 'proxy'}},
    );
  const insecure = refusal('insecure-target');
  assert.equal(insecure.title, 'This site’s proxy refused to pass the call on (403, insecure-target).');
  assert.equal(insecure.detail, 'The proxy refused POST https://portal.example.com/api/2.0/authentication with 403 (insecure-target): “x”.');
  assert.match(said(insecure), /portal never saw this call.*https:\/\/ portals.*https:\/\/ address.*browser → portal/);
  assert.doesNotMatch(said(insecure), /account|disabled|administrator/, 'nothing blames the reader’s account or the portal');
  assert.match(said(refusal('address-not-allowed')), /private, loopback or reserved.*public address.*browser → portal/);
  assert.match(said(refusal('upstream-unreachable', 502)), /could not reach the portal.*browser → portal/);
  assert.match(said(refusal('portal-rate-limited', 429)), /Wait a minute/);
  // A reason this panel does not know yet still gets advice that works.
  assert.match(said(refusal('some-future-reason', 400)), /Switch the route to browser → portal, or run the cURL command/);
  assert.equal(refusal('insecure-target').offerCurl, true);
});

test('network failure wording: says what failed without “got no answer this page may read”', () => {
  const text = said(describeFailure({kind: 'network', message: ''}, direct('sign-in')));
  assert.doesNotMatch(text, /got no answer this page may read/);
  assert.match(text, /^Getting a token failed: no answer from the portal reached this page\./);
});

test('an exchange that was never sent says “not sent”, not “no answer · 0 ms”', () => {
  const request = {method: 'POST', url: 'http://portal.example.com/api/2.0/authentication', headers: {}};
  assert.equal(exchangeSummary({request, sent: false, durationMs: 0, via: 'direct'}), 'POST /api/2.0/authentication · not sent · direct');
  assert.equal(exchangeSummary({request, sent: true, durationMs: 12, via: 'proxy'}), 'POST /api/2.0/authentication · no answer · 12 ms · via this site’s proxy');
  assert.equal(exchangeSummary(answered(401, '')), 'POST /api/2.0/authentication · 401 · 1 ms · direct');
});

test('after Forget token the status does not mention signing out, which is no longer offered', () => {
  const forgotten = describeStatus({name: 'idle', notice: 'forgotten', exchanges: [], route: 'direct', hasProxy: false, refusals: {}});
  assert.equal(forgotten, STATUS.forgotten);
  assert.doesNotMatch(forgotten, /sign out/i);
});

test('second factor: an app to set up is told to enter the first code (in its own chunk’s words); a phone to set up is sent to the portal', () => {
  assert.equal(describeSecondFactor({method: 'app', setupRequired: true, tfaKey: 'K'}), undefined);
  assert.match(setupKeyText('en').text, /enter the code the app shows.*activates the app/);
  assert.match(describeSecondFactor({method: 'sms', setupRequired: true})!.text, /Set it up in the portal first/);
  const sms = describeSecondFactor({method: 'sms', setupRequired: false, phoneNoise: '+1 *** 34', codeExpires: new Date('2027-08-13T10:20:00Z')});
  assert.match(sms!.text, /^The portal sent a code by SMS to \+1 \*\*\* 34\. Enter it to get the token\. It works until \d\d?:\d\d( [AP]M)?\.$/);
});
