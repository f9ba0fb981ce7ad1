import assert from 'node:assert/strict';
import {test} from 'node:test';
import {authenticate, getSelf, normalizePortalUrl, type DocSpaceFailure, type Exchange, type PortalUrlProblem} from '../../../src/docspace';
import type {FailureContext} from '../../../src/components/TryIt/wording/failure';
import {failureText, panelText, setupKeyText} from '../support/panel-text';

const PORTAL = 'https://portal.example.com';
const CHINESE = /[\u3400-\u9fff]/;

/** A call to a portal that answers `status` with `body`, as the client reports it. */
async function failedCall(call: 'sign-in' | 'profile', status: number, body: unknown, headers: Record<string, string> = {}, proxyUrl?: string) {
  const fetch = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), {status, headers: {'content-type': 'application/json', ...headers}});
  const result =
    call === 'sign-in'
      ? await authenticate({portal: PORTAL, userName: 'dana', password: 'secret', fetch, proxyUrl})
      : await getSelf({portal: PORTAL, token: 't', fetch, proxyUrl});
  assert.equal(result.ok, false);
  return result as {ok: false; error: DocSpaceFailure; exchange: Exchange};
}

test('in English the panel’s account of a failed call is the client’s own message', async () => {
  const en = failureText('en');
  const cases = [
    await failedCall('sign-in', 403, {error: {message: 'User disabled.'}}),
    await failedCall('sign-in', 500, {}),
    await failedCall('sign-in', 200, {response: {}}),
    await failedCall('profile', 200, {response: {}}),
    await failedCall('sign-in', 403, {error: {message: 'Only https'}}, {'x-proxy-refusal': 'insecure-target'}, 'https://docs.example.com/portal-proxy'),
  ];
  for (const {error, exchange} of cases) {
    assert.equal(en.describeFailure(error, {call: 'sign-in', route: exchange.via, hasProxy: true, exchange}).detail, error.message, error.kind);
  }
  for (const problem of ['empty', 'whitespace', 'scheme', 'credentials', 'host', 'port'] satisfies PortalUrlProblem[]) {
    const input = {empty: '', whitespace: 'a b', scheme: 'ftp://x', credentials: 'u:p@x.com', host: 'bad_host!', port: 'x.com:99999'}[problem];
    const result = normalizePortalUrl(input);
    assert.ok(!result.ok && result.problem === problem, problem);
    const advice = en.describeFailure({kind: 'invalid-address', problem, message: result.message}, {call: 'sign-in', route: 'direct', hasProxy: true}).advice;
    assert.deepEqual(advice, [result.message], problem);
  }
});

test('in Chinese every kind of failure has a Chinese headline and advice, with the status numbers kept', async () => {
  const zh = failureText('zh-Hans');
  const context = (exchange?: Exchange): FailureContext => ({call: 'sign-in', route: 'direct', hasProxy: true, exchange});
  const wrongPassword = await failedCall('sign-in', 401, {error: {message: 'User authentication failed'}});
  const text = zh.describeFailure(wrongPassword.error, {...context(wrongPassword.exchange), loginFailures: 4});
  assert.equal(text.title, '用户名或密码错误（401）。');
  assert.equal(text.detail, `POST ${PORTAL}/api/2.0/authentication 返回了 401：“User authentication failed”。`);
  assert.match(text.advice.join(''), /第 4 次失败/);

  const failures: DocSpaceFailure[] = [
    {kind: 'invalid-address', problem: 'port', message: ''},
    {kind: 'mixed-content', message: ''},
    {kind: 'network', message: ''},
    {kind: 'timeout', timeoutMs: 15_000, message: ''},
    {kind: 'cancelled', message: ''},
    ...[401, 403, 404, 429, 500, 418].map((status) => ({kind: 'http', status, message: ''}) as const),
    {kind: 'proxy-refusal', status: 403, reason: 'insecure-target', message: ''},
    {kind: 'too-large', status: 200, maxBytes: 1024 * 1024, message: ''},
    {kind: 'not-json', status: 200, bodyStart: '<html>', message: ''},
    {kind: 'unexpected-answer', status: 200, lacking: 'token', message: ''},
    {kind: 'client-bug', status: 200, message: ''},
  ];
  for (const failure of failures) {
    const {title, advice} = zh.describeFailure(failure, context(wrongPassword.exchange));
    assert.match(title, CHINESE, failure.kind);
    for (const paragraph of advice) assert.match(paragraph, CHINESE, failure.kind);
    if ('status' in failure && failure.kind !== 'too-large') assert.match(title, new RegExp(String(failure.status)), failure.kind);
  }
});

test('in Chinese the expiry, the second factor and the profile are Chinese, dates in the zh-Hans format', () => {
  const zh = panelText('zh-Hans');
  const now = new Date('2026-08-13T10:00:00Z');
  const life = zh.describeTokenLife({expires: new Date('2027-08-13T10:00:00Z'), expiresRaw: '2027-08-13T10:00:00.0000000Z'}, now);
  assert.match(life, /^它将于 2027年8月13日 .*到期（12个月后）。$/);
  assert.equal(zh.describeTokenLife({expires: null, expiresRaw: '0001-01-01T00:00:00'}, now), '它随会话结束而失效。');
  const sms = zh.describeSecondFactor({method: 'sms', setupRequired: false, phoneNoise: '+1 *** 34', codeExpires: new Date('2027-08-13T10:20:00Z')});
  assert.match(sms!.text, /^门户已通过短信将验证码发送至 \+1 \*\*\* 34。.*验证码在 \d\d:\d\d 之前有效。$/);
  const profile = {id: '1', displayName: 'Dana', isOwner: true, status: 1, activationStatus: 1};
  assert.equal(zh.PROFILE.describeRole(profile), '所有者');
  assert.equal(zh.PROFILE.describeAccount(profile), '正常（激活状态：已激活）');
  assert.equal(panelText('en').PROFILE.describeAccount(profile), 'active (activated)');
  assert.equal(zh.FORM.submit, '获取令牌');
});

test('the wait count and an app’s set-up key read in Chinese too, the count as it is', () => {
  assert.equal(panelText('en').FORM.waited(3), 'Waiting for the portal… 3 s');
  const waited = panelText('zh-Hans').FORM.waited(12);
  assert.match(waited, CHINESE);
  assert.match(waited, /12/);
  for (const [name, words] of Object.entries(setupKeyText('zh-Hans'))) {
    assert.match(words, CHINESE, name);
    assert.notEqual(words, setupKeyText('en')[name as keyof ReturnType<typeof setupKeyText>], name);
  }
});
