/**
 * What `npm run serve` says about the sandbox portal when it starts: whether the guide's "Use the
 * sandbox portal" button is offered, and if not, how to turn it on.
 */
const TURN_ON = 'npm run sandbox, then SANDBOX_URL=http://127.0.0.1:8092 PROXY_ALLOW_LOOPBACK=1 npm run serve';

/** Whether something answers at the sandbox's address within a second. */
export async function sandboxAnswers(sandboxUrl: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    await fetchFn(sandboxUrl, {signal: AbortSignal.timeout(1000)});
    return true;
  } catch {
    return false;
  }
}

export function sandboxNote(sandboxUrl: string | undefined, answers: boolean): string {
  if (!sandboxUrl) return `Sandbox portal: off (SANDBOX_URL is not set), so the guide offers no sandbox button. To turn it on: ${TURN_ON}`;
  if (!answers) return `Sandbox portal: SANDBOX_URL is ${sandboxUrl}, but nothing answers there yet: start it with npm run sandbox (SANDBOX_PORT=${new URL(sandboxUrl).port || 80})`;
  return `Sandbox portal: on at ${sandboxUrl} (the guide offers "Use the sandbox portal")`;
}
