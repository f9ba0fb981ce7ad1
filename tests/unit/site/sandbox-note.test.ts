import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sandboxAnswers, sandboxNote} from '../../../servers/site/sandbox-note';
import {startSandbox} from '../../../servers/sandbox/node';

test('npm run serve says whether the sandbox is on, and how to turn it on', async () => {
  assert.match(sandboxNote(undefined, false), /^Sandbox portal: off .*To turn it on: npm run sandbox, then SANDBOX_URL=http:\/\/127.0.0.1:8092 PROXY_ALLOW_LOOPBACK=1 npm run serve$/);
  assert.match(sandboxNote('http://127.0.0.1:8092', false), /nothing answers there yet: start it with npm run sandbox \(SANDBOX_PORT=8092\)/);
  assert.equal(sandboxNote('http://127.0.0.1:8092', true), 'Sandbox portal: on at http://127.0.0.1:8092 (the guide offers "Use the sandbox portal")');
});

test('a sandbox that runs answers; a closed port does not', async () => {
  const sandbox = await startSandbox({port: 0});
  try {
    assert.equal(await sandboxAnswers(sandbox.url), true);
  } finally {
    await sandbox.close();
  }
  assert.equal(await sandboxAnswers(sandbox.url), false);
});
