/** `npm start` runs the site and the sandbox together: signals reach both, one stopping stops the other, a taken port is named. */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {type AddressInfo, createServer} from 'node:net';
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

/** Runs `npm start`'s script with the given arguments and environment; resolves with its exit code and stderr. */
function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({code, stderr}));
  });
}

/** Holds a port on 127.0.0.1 for the duration of `run`. */
async function holdingPort<T>(run: (port: number) => Promise<T>): Promise<T> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function freePort(): Promise<number> {
  return holdingPort(async (port) => port);
}

test('a taken site port: exits 1 and says to set PORT or --port (not "Something is already running" and 0)', {timeout: 60_000}, async () => {
  const sandboxPort = await freePort();
  await holdingPort(async (port) => {
    for (const [args, env] of [[[], {PORT: String(port)}], [['--port', String(port)], {}]] as const) {
      const {code, stderr} = await runStart([...args], {...env, SANDBOX_PORT: String(sandboxPort)});
      assert.equal(code, 1, stderr);
      assert.match(stderr, new RegExp(`Port ${port} is already in use.*PORT=${port + 1} npm start`));
    }
  });
});

test('a taken sandbox port: exits 1 and says to set SANDBOX_PORT', {timeout: 60_000}, async () => {
  const sitePort = await freePort();
  await holdingPort(async (port) => {
    const {code, stderr} = await runStart([], {PORT: String(sitePort), SANDBOX_PORT: String(port)});
    assert.equal(code, 1, stderr);
    assert.match(stderr, new RegExp(`Port ${port} is already in use.*SANDBOX_PORT=${port + 1}`));
  });
});

test('npm run sandbox on a taken port names SANDBOX_PORT instead of a bare EADDRINUSE', {timeout: 60_000}, async () => {
  await holdingPort(async (port) => {
    const {code, stderr} = await new Promise<{code: number | null; stderr: string}>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'servers/sandbox/main.ts'], {env: {...process.env, SANDBOX_PORT: String(port)}, stdio: ['ignore', 'ignore', 'pipe']});
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (exitCode) => resolve({code: exitCode, stderr: text}));
    });
    assert.equal(code, 1);
    assert.match(stderr, /SANDBOX_PORT/);
  });
});
