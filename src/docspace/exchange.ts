import type {Exchange} from './types';

/** What stands in for the password and the token wherever an exchange is shown or copied. */
export const REDACTED = '••••••••';

type Secrets = readonly (string | undefined)[];

/** Replaces every secret in `text`, also in its JSON-escaped form (for text that is not JSON as a whole). */
export function redact(text: string, secrets: Secrets): string {
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      text = text.split(form).join(REDACTED);
    }
  }
  return text;
}

function maskValue(value: unknown, secrets: Secrets): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [redact(name, secrets), maskValue(item, secrets)]));
  }
  return value;
}

/**
 * An answer's body with every secret masked. JSON is masked after parsing, so no escape a portal
 * may use (`\u002B` for `+`, as .NET writes it) can carry a secret past the mask; the result is the
 * masked JSON, re-serialised. Any other text is masked as text.
 */
export function maskBody(text: string, secrets: Secrets): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return redact(text, secrets);
  }
  try {
    return JSON.stringify(maskValue(json, secrets));
  } catch {
    return ''; // nested too deep to walk: shown as no body rather than unmasked
  }
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export interface CurlOptions {
  /** Put this token in place of the masked `Authorization` value. The password always stays masked. */
  revealToken?: string;
}

/** A curl command (POSIX shell) for an exchange, aimed at the portal itself even when the call went via the proxy. */
export function toCurl(exchange: Exchange, {revealToken}: CurlOptions = {}): string {
  const {method, url, headers, body} = exchange.request;
  const parts = ['curl' + (method === 'GET' ? '' : ` -X ${method}`) + ` ${quote(url)}`];
  for (const [name, value] of Object.entries(headers)) {
    const shown = revealToken && name.toLowerCase() === 'authorization' ? value.split(REDACTED).join(revealToken) : value;
    parts.push(`-H ${quote(`${name}: ${shown}`)}`);
  }
  if (body !== undefined) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(' \\\n  ');
}
