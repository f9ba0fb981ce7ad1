import type {Exchange} from './types';

/** What stands in for the password and the token wherever an exchange is shown or copied. */
export const REDACTED = '••••••••';

/** Replaces every secret in `text`, also in its JSON-escaped form. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      text = text.split(form).join(REDACTED);
    }
  }
  return text;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export interface CurlOptions {
  /** Put this token in place of the masked `Authorization` value. The password always stays masked. */
  revealToken?: string;
  /** One line instead of one option per line (default false). */
  singleLine?: boolean;
}

/** A curl command (POSIX shell) for an exchange, aimed at the portal itself even when the call went via the proxy. */
export function toCurl(exchange: Exchange, {revealToken, singleLine}: CurlOptions = {}): string {
  const {method, url, headers, body} = exchange.request;
  const parts = ['curl' + (method === 'GET' ? '' : ` -X ${method}`) + ` ${quote(url)}`];
  for (const [name, value] of Object.entries(headers)) {
    const shown = revealToken && name.toLowerCase() === 'authorization' ? value.split(REDACTED).join(revealToken) : value;
    parts.push(`-H ${quote(`${name}: ${shown}`)}`);
  }
  if (body !== undefined) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(singleLine ? ' ' : ' \\\n  ');
}
