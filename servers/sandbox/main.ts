/**
 * `npm run sandbox`: the sandbox portal on 127.0.0.1.
 * SANDBOX_PORT (default 8092; 0 picks a free one), SANDBOX_CORS=off for a portal that sends no CORS headers.
 */
import {SANDBOX_ACCOUNTS, SANDBOX_CODE, SANDBOX_PASSWORD} from './accounts';
import {sandboxCorsFrom, sandboxPortFrom} from './config';
import {startSandbox} from './node';

async function main(): Promise<void> {
  const port = sandboxPortFrom(process.env.SANDBOX_PORT);
  if ('problem' in port) throw new Error(port.problem);
  const cors = sandboxCorsFrom(process.env.SANDBOX_CORS);

  const sandbox = await startSandbox({port: port.port, cors}).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(`Port ${port.port} is already in use: set SANDBOX_PORT to another port (SANDBOX_PORT=${port.port + 1} npm run sandbox)`);
  });
  console.log(`Sandbox portal on ${sandbox.url} (CORS ${cors ? '*' : 'off'})`);
  console.log(`Password for every account: ${SANDBOX_PASSWORD}; second-factor code: ${SANDBOX_CODE}`);
  for (const account of SANDBOX_ACCOUNTS) console.log(`  ${account.userName.padEnd(13)} ${account.description}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sandbox.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
