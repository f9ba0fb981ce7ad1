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

const runShell = async (command: string) => (await promisify(execFile)('sh', ['-c', `${command} --silent --show-error`])).stdout;

test('toCurl writes a readable command: one option per line', async () => {
  const result = await authenticate({portal, pageProtocol: 'http:', userName: 'dana', password: 'demo-password'});
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(
    toCurl(result.exchange!),
    `curl -X POST '${portal}/api/2.0/authentication' \\\n` +
      `  -H 'Accept: application/json' \\\n` +
      `  -H 'Content-Type: application/json' \\\n` +
      `  --data-raw '{"userName":"dana","password":"${REDACTED}"}'`,
  );
});

test('the cURL command sends what fetch sent, password masked, quotes intact', async () => {
  received.length = 0;
  const result = await authenticate({portal, pageProtocol: 'http:', userName: `o'brien "the" user`, password: 'demo-password', session: true});
  assert.ok(result.ok);
  const answer = await runShell(toCurl(result.exchange!));
  assert.equal(JSON.parse(answer).response.token, TOKEN);
  const [byFetch, ...byCurl] = received;
  assert.equal(byCurl.length, 1);
  for (const sent of byCurl) {
    assert.equal(sent.method, byFetch.method);
    assert.equal(sent.path, '/api/2.0/authentication');
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers.accept, 'application/json');
    assert.deepEqual(JSON.parse(sent.body), {...JSON.parse(byFetch.body), password: REDACTED});
  }
  assert.equal(JSON.parse(byFetch.body).password, 'demo-password');
});

test('revealToken puts the real token in the Authorization header of the command', async () => {
  received.length = 0;
  const self = await getSelf({portal, pageProtocol: 'http:', token: TOKEN});
  assert.ok(self.ok);
  assert.equal(self.profile.displayName, 'Dana Demo');
  await runShell(toCurl(self.exchange!, {revealToken: TOKEN}));
  await runShell(toCurl(self.exchange!));
  const [byFetch, revealed, masked] = received;
  assert.equal(byFetch.headers.authorization, TOKEN);
  assert.equal(revealed.method, 'GET');
  assert.equal(revealed.path, '/api/2.0/people/@self');
  assert.equal(revealed.headers.authorization, TOKEN);
  // Headers are bytes; the mask goes out as its UTF-8 and Node reads it back as Latin-1.
  assert.notEqual(masked.headers.authorization, TOKEN);
});
