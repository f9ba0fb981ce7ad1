/**
 * A time limit on some work, linked to the signals that may end it sooner (the caller's cancel, a
 * client that went away). The one deadline of the client, the proxy and the sandbox.
 *
 * One controller for the timer and the linked signals: what AbortSignal.any and
 * AbortSignal.timeout do, which the Safari versions the site supports lack; and unlike
 * AbortSignal.timeout, whose timer keeps the signal and everything listening to it alive until it
 * fires, `dispose` lets it all go as soon as the work is done.
 */
export interface Deadline {
  /** Aborts once the time is up (with a `TimeoutError`) or a linked signal aborts (with its reason). */
  signal: AbortSignal;
  /** Settles as `work` does, or rejects once `signal` aborts, even if `work` ignores the signal. */
  race<T>(work: Promise<T>): Promise<T>;
  /** True when the time ran out, as opposed to a linked signal ending it. */
  timedOut(): boolean;
  /** Stops the timer and unlinks the signals; call it when the work is done. */
  dispose(): void;
}

export function startDeadline(ms: number, ...linked: (AbortSignal | undefined)[]): Deadline {
  const controller = new AbortController();
  const ended = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {once: true}));
  ended.catch(() => {}); // nobody may be racing when it ends
  let timedOut = false;
  const timer = setTimeout(() => {
    if (controller.signal.aborted) return;
    timedOut = true;
    controller.abort(new DOMException('Timed out', 'TimeoutError'));
  }, ms);
  const signals = linked.filter((signal): signal is AbortSignal => signal !== undefined);
  const follow = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', follow);
  }
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, ended]),
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', follow);
    },
  };
}
