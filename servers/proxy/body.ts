/**
 * Reads a body stream to the end, or stops (and cancels the stream) as soon as it passes
 * `maxBytes`. Counts the bytes that actually arrive: a Content-Length header is not trusted.
 * An abort of `signal` cancels the stream and rejects, even if the stream itself ignores it.
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ok: true; bytes: Uint8Array<ArrayBuffer>} | {ok: false}> {
  if (!stream) return {ok: true, bytes: new Uint8Array(0)};
  const reader = stream.getReader();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, {once: true});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const {done, value} = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return {ok: false};
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return {ok: true, bytes};
}
