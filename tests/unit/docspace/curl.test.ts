import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {authenticate, getSelf, toCurl, REDACTED} from '../../../src/docspace';

const TOKEN = 'tok+en/with=signs';

interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// A tiny stand-in portal on 127.0.0.1 that records each request, so the request fetch sent and
// the one the cURL command sends can be compared.
let server: Server;
let portal = '';
const received: Received[] = [];

before(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({method: request.method!, path: request.url!, headers: request.headers, body});
      response.setHeader('Content-Type', 'application/json');
      const payload = request.url === '/api/2.0/people/@self' ? {id: '1', displayName: 'Dana Demo'} : {token: TOKEN, expires: '0001-01-01T00:00:00'};
      response.end(JSON.stringify({response: payload, status: 0, statusCode: 200}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  portal = `http://127.0.0.1:${address.port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs a copied command in sh with only these DOCSPACE_* variables set. */
async function runShell(command: string, variables: Record<string, string> = {}): Promise<string> {
  const env = {...process.env, ...variables};
  for (const name of ['DOCSPACE_PASSWORD', 'DOCSPACE_TOKEN', 'DOCSPACE_API_KEY']) if (!(name in variables)) delete env[name];
  return (await promisify(execFile)('sh', ['-c', `${command} --silent --show-error`], {env})).stdout;
}

test('toCurl writes a readable command: one option per line, the password from $DOCSPACE_PASSWORD', async () => {
  const result = await authenticate({portal, pageProtocol: 'http:', userName: 'dana', password: 'demo-password'});
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(
    toCurl(result.exchange!),
    `curl -X POST '${portal}/api/2.0/authentication' \\\n` +
      `  -H 'Accept: application/json' \\\n` +
      `  -H 'Content-Type: application/json' \\\n` +
      `  --data-raw '{"userName":"dana","password":"'"\${DOCSPACE_PASSWORD:?}"'"}'`,
  );
});

test('the cURL command sends exactly what fetch sent, with the password from the environment and quotes intact', async () => {
  received.length = 0;
  const result = await authenticate({portal, pageProtocol: 'http:', userName: `o'brien "the" user`, password: 'demo-password', session: true});
  assert.ok(result.ok);
  const command = toCurl(result.exchange!);
  assert.ok(!command.includes(REDACTED) && !command.includes('demo-password'), command);
  const answer = await runShell(command, {DOCSPACE_PASSWORD: 'demo-password'});
  assert.equal(JSON.parse(answer).response.token, TOKEN);
  const [byFetch, byCurl, ...more] = received;
  assert.equal(more.length, 0);
  assert.equal(byCurl.method, byFetch.method);
  assert.equal(byCurl.path, '/api/2.0/authentication');
  assert.equal(byCurl.headers['content-type'], 'application/json');
  assert.equal(byCurl.headers.accept, 'application/json');
  assert.equal(byCurl.body, byFetch.body);
  assert.equal(JSON.parse(byFetch.body).password, 'demo-password');
});

test('without DOCSPACE_PASSWORD the copied command stops in the shell, sending nothing that could count towards a lockout', async () => {
  const result = await authenticate({portal, pageProtocol: 'http:', userName: 'dana', password: 'demo-password'});
  assert.ok(result.ok);
  received.length = 0;
  await assert.rejects(runShell(toCurl(result.exchange!)), (error: {stderr: string}) => /DOCSPACE_PASSWORD/.test(error.stderr));
  assert.equal(received.length, 0);
});

test('the token comes from $DOCSPACE_TOKEN, or is the token itself when the reader revealed it', async () => {
  received.length = 0;
  const self = await getSelf({portal, pageProtocol: 'http:', token: TOKEN});
  assert.ok(self.ok);
  assert.equal(self.profile.displayName, 'Dana Demo');
  const masked = toCurl(self.exchange!);
  assert.ok(!masked.includes(REDACTED) && !masked.includes(TOKEN), masked);
  assert.match(masked, /-H "Authorization: \$\{DOCSPACE_TOKEN:\?\}"/);
  await runShell(masked, {DOCSPACE_TOKEN: TOKEN});
  await runShell(toCurl(self.exchange!, {revealToken: TOKEN}));
  const [byFetch, fromEnvironment, revealed] = received;
  assert.equal(byFetch.headers.authorization, TOKEN);
  for (const sent of [fromEnvironment, revealed]) {
    assert.equal(sent.method, 'GET');
    assert.equal(sent.path, '/api/2.0/people/@self');
    assert.equal(sent.headers.authorization, TOKEN);
  }
  await assert.rejects(runShell(masked), (error: {stderr: string}) => /DOCSPACE_TOKEN/.test(error.stderr));
  assert.equal(received.length, 3);
});

test('an API key (sent as Bearer sk-…) comes from $DOCSPACE_API_KEY, or is the key itself when revealed: no copy carries the mask', async () => {
  const key = 'sk-0123456789abcdef';
  received.length = 0;
  const self = await getSelf({portal, pageProtocol: 'http:', token: key});
  assert.ok(self.ok);
  assert.equal(self.exchange?.request.headers.Authorization, `Bearer ${REDACTED}`);
  const masked = toCurl(self.exchange!);
  assert.ok(!masked.includes(REDACTED) && !masked.includes(key), masked);
  assert.match(masked, /-H "Authorization: Bearer \$\{DOCSPACE_API_KEY:\?\}"/);
  await runShell(masked, {DOCSPACE_API_KEY: key});
  await runShell(toCurl(self.exchange!, {revealToken: key}));
  assert.deepEqual(received.map((sent) => sent.headers.authorization), [`Bearer ${key}`, `Bearer ${key}`, `Bearer ${key}`]);
});
