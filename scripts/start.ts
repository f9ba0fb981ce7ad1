/**
 * `npm start`: the docs site in development (`docusaurus start`) and the sandbox portal side by side,
 * so a newcomer can try the whole sign-in flow without a portal of their own.
 *
 * Extra arguments go to `docusaurus start` (`npm start -- --port 3001`). SANDBOX_PORT (default 8092)
 * picks the sandbox port; the site learns the sandbox's address from SANDBOX_URL. Ctrl+C or SIGTERM
 * stops both; if either stops on its own, the other is stopped too.
 */
import {spawn} from 'node:child_process';
import {dirname, resolve} from 'node:path';
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

function main(): void {
  const port = sandboxPortFrom(process.env.SANDBOX_PORT);
  if ('problem' in port || port.port === 0) {
    console.error('problem' in port ? port.problem : 'npm start needs a fixed SANDBOX_PORT (not 0), so the site knows where the sandbox is.');
    process.exit(1);
  }
  const sandboxUrl = `http://127.0.0.1:${port.port}`;
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

if (require.main === module) main();
