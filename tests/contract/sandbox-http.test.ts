/** The sandbox as an HTTP server: CORS in both modes, limits, unknown paths, shutting down. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {createSandbox} from '../../servers/sandbox/handler';
import {startSandbox} from '../../servers/sandbox/node';
import {assertError, call, postJson, self, signIn, tokenFor, useSandbox} from './sandbox-harness';

const PAGE_ORIGIN = 'http://127.0.0.1:3000';

function preflight(url: string, method: string, headers: string): Promise<{response: Response; text: string}> {
  return call(url, {
    method: 'OPTIONS',
    headers: {Origin: PAGE_ORIGIN, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers},
  });
}

function corsHeaders(response: Response): string[] {
  const names: string[] = [];
  response.headers.forEach((_, name) => names.push(name));
  return names.filter((name) => name.startsWith('access-control-'));
}

describe('sandbox: CORS "*" (the default, like a self-hosted portal)', () => {
  const sandbox = useSandbox();

  test('preflight for the sign-in: 204, any origin, POST allowed, Content-Type allowed, no credentials', async () => {
    const answer = await preflight(`${sandbox.url}/api/2.0/authentication`, 'POST', 'content-type');
    assert.equal(answer.response.status, 204);
    assert.equal(answer.text, '');
    assert.equal(answer.response.headers.get('access-control-allow-origin'), '*');
    assert.match(answer.response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    assert.match(answer.response.headers.get('access-control-allow-headers') ?? '', /\bcontent-type\b/i);
    assert.equal(answer.response.headers.get('access-control-allow-credentials'), null);
  });

  test('preflight for @self allows the Authorization header by name (a bare "*" would not cover it)', async () => {
    const answer = await preflight(`${sandbox.url}/api/2.0/people/@self`, 'GET', 'authorization, x-custom');
    assert.equal(answer.response.status, 204);
    assert.match(answer.response.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
    const allowed = (answer.response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    assert.ok(allowed.includes('authorization'), allowed.join());
    assert.ok(allowed.includes('x-custom'), 'any header is allowed');
  });

  test('every kind of answer carries Access-Control-Allow-Origin: *, successes and failures alike', async () => {
    const token = await tokenFor(sandbox.url);
    const answers = [
      await signIn(sandbox.url, 'demo', {}),
      await signIn(sandbox.url, 'demo', {password: 'wrong'}),
      await signIn(sandbox.url, 'disabled'),
      await signIn(sandbox.url, 'rate-limited'),
      await signIn(sandbox.url, 'html-error'),
      await signIn(sandbox.url, 'server-error'),
      await self(sandbox.url, token),
      await self(sandbox.url),
      await call(`${sandbox.url}/api/2.0/nothing-here`),
    ];
    for (const answer of answers) {
      assert.equal(answer.response.headers.get('access-control-allow-origin'), '*', `${answer.response.status}`);
      assert.equal(answer.response.headers.get('access-control-allow-credentials'), null);
    }
  });
});

describe('sandbox: strict CORS (cors: false), a portal that blocks the docs site', () => {
  const sandbox = useSandbox({cors: false});

  test('sends no CORS headers on answers', async () => {
    const answer = await signIn(sandbox.url, 'demo', {});
    assert.equal(answer.response.status, 200);
    assert.deepEqual(corsHeaders(answer.response), []);
    assert.deepEqual(corsHeaders((await self(sandbox.url)).response), []);
  });

  test('sends no CORS headers on a preflight either, so a browser refuses the call', async () => {
    const answer = await preflight(`${sandbox.url}/api/2.0/authentication`, 'POST', 'content-type');
    assert.deepEqual(corsHeaders(answer.response), []);
  });
});

describe('sandbox: request limits and unknown paths', () => {
  const sandbox = useSandbox();
  const url = () => `${sandbox.url}/api/2.0/authentication`;

  test('a body that is not JSON: 400 with the error envelope', async () => {
    const answer = await call(url(), {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"userName": "demo",'});
    assertError(answer, 400, /JSON/);
  });

  test('JSON that is not an object: 400', async () => {
    assertError(await postJson(url(), ['demo', SANDBOX_PASSWORD]), 400, /JSON/);
    assertError(await postJson(url(), 'demo'), 400, /JSON/);
    assertError(await postJson(url(), null), 400, /JSON/);
  });

  test('a body over 16 KB with Content-Length: 413 with the error envelope', async () => {
    const answer = await postJson(url(), {userName: 'demo', password: SANDBOX_PASSWORD, padding: 'x'.repeat(16 * 1024)});
    assertError(answer, 413, /too large/);
  });

  test('a streamed body over 16 KB (no Content-Length): 413', async () => {
    const chunk = new TextEncoder().encode(`{"padding": "${'x'.repeat(4096)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const answer = await call(url(), {method: 'POST', body, duplex: 'half'} as RequestInit);
    assertError(answer, 413, /too large/);
  });

  test('a body just under the limit is read normally', async () => {
    const answer = await postJson(url(), {userName: 'demo', password: SANDBOX_PASSWORD, padding: 'x'.repeat(15 * 1024)});
    assert.equal(answer.response.status, 200);
  });

  test('unknown API paths: 404 with the error envelope', async () => {
    assertError(await call(`${sandbox.url}/api/2.0/files/@my`), 404, /not found/);
    assertError(await call(`${sandbox.url}/api/2.0/people/@self`, {method: 'POST'}), 404, /not found/);
    assertError(await call(url()), 404, /not found/);
  });

  test('the sandbox root is a page listing the accounts', async () => {
    const answer = await call(`${sandbox.url}/`);
    assert.equal(answer.response.status, 200);
    assert.match(answer.response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(answer.text, /<code>app-2fa<\/code>/);
  });
});

describe('sandbox: shutting down', () => {
  test('close() ends a pending slow answer at once (handler level)', async () => {
    const sandbox = createSandbox();
    const pending = sandbox.fetch(
      new Request('http://sandbox.test/api/2.0/authentication', {
        method: 'POST',
        body: JSON.stringify({userName: 'slow', password: SANDBOX_PASSWORD}),
      }),
    );
    sandbox.close();
    const answer = await pending;
    assert.equal(answer.status, 503, 'the default 20 s wait was cut short');
  });

  test('close() resolves while a slow sign-in is in flight over HTTP', {timeout: 10_000}, async () => {
    const running = await startSandbox({port: 0});
    const inFlight = signIn(running.url, 'slow').then(
      (answer) => answer.response.status,
      () => 'connection closed',
    );
    // Give the request time to reach the server; close() must not wait for its 20 s either way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await running.close();
    assert.notEqual(await inFlight, 200);
  });

  test('listens on 127.0.0.1 and refuses a port already taken', async () => {
    const first = await startSandbox({port: 0});
    try {
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(first.url).port);
      await assert.rejects(startSandbox({port}), /EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
