/** `npm start` runs the site and the sandbox together: signals reach both, and one stopping stops the other. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {supervise} from '../../scripts/start';

const RUN_FOREVER = ['-e', 'setInterval(() => {}, 1000)'];

test('when one child exits, the other is stopped and its exit code is the result', {timeout: 20_000}, async () => {
  const code = await supervise([
    {args: ['-e', 'process.exit(3)'], env: process.env},
    {args: RUN_FOREVER, env: process.env},
  ]);
  assert.equal(code, 3);
});

test('SIGTERM to npm start is passed to both children, and the result is 0', {timeout: 20_000}, async () => {
  const finished = supervise([
    {args: RUN_FOREVER, env: process.env},
    {args: RUN_FOREVER, env: process.env},
  ]);
  process.emit('SIGTERM');
  assert.equal(await finished, 0);
  assert.equal(process.listenerCount('SIGTERM'), 0, 'the forwarding listener is removed afterwards');
});

test('each child gets its own environment (how the site learns SANDBOX_URL)', {timeout: 20_000}, async () => {
  const code = await supervise([
    {args: ['-e', 'process.exit(process.env.SANDBOX_URL === "http://127.0.0.1:8092" ? 7 : 1)'], env: {...process.env, SANDBOX_URL: 'http://127.0.0.1:8092'}},
    {args: RUN_FOREVER, env: process.env},
  ]);
  assert.equal(code, 7);
});
