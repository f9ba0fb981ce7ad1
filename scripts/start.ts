/**
 * `npm start`: the docs site in development (`docusaurus start`) and the sandbox portal side by side,
 * so a newcomer can try the whole sign-in flow without a portal of their own.
 *
 * Extra arguments go to `docusaurus start` (`npm start -- --port 3001`). SANDBOX_PORT (default 8092)
 * picks the sandbox port; the site learns the sandbox's address from SANDBOX_URL. Ctrl+C or SIGTERM
 * stops both; if either stops on its own, the other is stopped too.
 */
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {dirname, resolve} from 'node:path';
import {portFromEnv} from '../servers/node-server';
import {sandboxPortFrom} from '../servers/sandbox/config';

export interface ChildSpec {
  /** Arguments to this same Node binary. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs the children together until all have exited: SIGINT/SIGTERM sent to this process are passed
 * on to every child, and the first child to exit takes the others down with it.
 * Resolves with the exit code to use: the first child's, or 0 after a requested shutdown.
 */
export function supervise(specs: ChildSpec[]): Promise<number> {
  return new Promise((done) => {
    let shutdownRequested = false;
    let exitCode: number | undefined;
    let running = specs.length;

    const children = specs.map((spec) => spawn(process.execPath, spec.args, {env: spec.env, stdio: 'inherit'}));
    const stopAll = (signal: NodeJS.Signals) => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      }
    };
    const forward = (signal: NodeJS.Signals) => {
      shutdownRequested = true;
      stopAll(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);

    for (const child of children) {
      child.once('exit', (code) => {
        exitCode ??= code ?? (shutdownRequested ? 0 : 1);
        stopAll('SIGTERM');
        if (--running > 0) return;
        for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
        done(exitCode);
      });
    }
  });
}

/** The port `docusaurus start` will use: `--port N` (or `--port=N`), else PORT, else 3000, as Docusaurus reads them. */
export function sitePortFrom(args: readonly string[], env: NodeJS.ProcessEnv): {port: number} | {problem: string} {
  const flag = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (flag === -1) return portFromEnv('PORT', env.PORT, 3000);
  const value = args[flag]!.includes('=') ? args[flag]!.split('=')[1] : args[flag + 1];
  return portFromEnv('--port', value ?? '', Number.NaN);
}

/** True when something already listens on the port on 127.0.0.1 or [::1] (where `localhost` may point). */
export async function portInUse(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    const taken = await new Promise<boolean>((done) => {
      const probe = createServer();
      probe.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'EADDRINUSE'));
      probe.listen(port, host, () => probe.close(() => done(false)));
    });
    if (taken) return true;
  }
  return false;
}

/** Why npm start cannot run with these settings, naming what to change; undefined when it can. */
export async function startProblem(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const sandboxPort = sandboxPortFrom(env.SANDBOX_PORT);
  if ('problem' in sandboxPort) return sandboxPort.problem;
  if (sandboxPort.port === 0) return 'npm start needs a fixed SANDBOX_PORT (not 0), so the site knows where the sandbox is.';
  const sitePort = sitePortFrom(args, env);
  if ('problem' in sitePort || Number.isNaN(sitePort.port)) return 'problem' in sitePort ? sitePort.problem : '--port needs a port number';
  // Docusaurus itself only says "Something is already running" and exits 0 when it cannot ask.
  if (await portInUse(sitePort.port)) {
    return `Port ${sitePort.port} is already in use, so the site cannot start: stop what runs there, or pick another port with PORT=${sitePort.port + 1} npm start (or npm start -- --port ${sitePort.port + 1}).`;
  }
  if (await portInUse(sandboxPort.port)) {
    return `Port ${sandboxPort.port} is already in use, so the sandbox cannot start: stop what runs there, or pick another port with SANDBOX_PORT=${sandboxPort.port + 1} npm start.`;
  }
  return undefined;
}

/**
 * The line npm start prints about locales: `docusaurus start` serves one, so the navbar's locale
 * menu leads to a 404 for the other; this says which locale runs and how to start the other.
 */
export function localeNote(args: readonly string[]): string {
  const flag = args.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const locale = flag === -1 ? 'en' : args[flag]!.includes('=') ? args[flag]!.split('=')[1] : args[flag + 1];
  return locale === 'zh-Hans'
    ? 'Serving the Chinese site only (the dev server runs one locale at a time): English pages answer 404 here. For English: npm start'
    : 'Serving the English site only (the dev server runs one locale at a time): 简体中文 in the locale menu answers 404 here. For Chinese: npm start -- --locale zh-Hans (both at once: npm run build && npm run serve)';
}

async function main(): Promise<void> {
  const problem = await startProblem(process.argv.slice(2), process.env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const port = sandboxPortFrom(process.env.SANDBOX_PORT) as {port: number};
  const sandboxUrl = `http://127.0.0.1:${port.port}`;
  console.log(localeNote(process.argv.slice(2)));
  const docusaurusBin = resolve(dirname(require.resolve('@docusaurus/core/package.json')), 'bin/docusaurus.mjs');

  void supervise([
    {
      args: ['--import', 'tsx', resolve(__dirname, '../servers/sandbox/main.ts')],
      // The site on another origin must be able to call it: keep CORS "*" whatever the shell says.
      env: {...process.env, SANDBOX_PORT: String(port.port), SANDBOX_CORS: 'on'},
    },
    {
      args: [docusaurusBin, 'start', ...process.argv.slice(2)],
      env: {...process.env, SANDBOX_URL: sandboxUrl},
    },
  ]).then((code) => process.exit(code));
}

if (require.main === module) void main();
