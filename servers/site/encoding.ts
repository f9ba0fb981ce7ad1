import type {Encoding} from './snapshot';

/** Server preference when the client accepts several encodings equally. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

/** q-values from an Accept-Encoding header, names lower-cased; malformed q counts as 1. */
function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key?.trim().toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value.trim());
        if (Number.isFinite(parsed)) q = Math.min(Math.max(parsed, 0), 1);
      }
    }
    weights.set(name.trim().toLowerCase(), q);
  }
  return weights;
}

/**
 * Picks the best of the `available` encodings the client accepts (RFC 9110 §12.5.3):
 * highest q wins, ties go to brotli; `*` stands for any encoding not named; q=0 refuses.
 * Returns null for the identity (uncompressed) body.
 */
export function negotiateEncoding(header: string | null | undefined, available: readonly Encoding[]): Encoding | null {
  if (!header) return null;
  const weights = parseAcceptEncoding(header);
  const wildcard = weights.get('*') ?? 0;
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const encoding of PREFERENCE) {
    if (!available.includes(encoding)) continue;
    const q = weights.get(encoding) ?? (encoding === 'gzip' ? weights.get('x-gzip') : undefined) ?? wildcard;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}
