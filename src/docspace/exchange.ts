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

/**
 * Where a copied command takes the secrets from: the reader's environment, so the command runs as
 * copied and no mask or secret lands in it. `${NAME:?}` stops the shell with "NAME: parameter null
 * or not set" instead of sending an empty password, which would count towards the lockout.
 */
const PASSWORD_VARIABLE = '"${DOCSPACE_PASSWORD:?}"';
const TOKEN_VARIABLE = '${DOCSPACE_TOKEN:?}';
/** An API key travels as `Bearer sk-…` (recorded as `Bearer ••••••••`); copies read it from here. */
const API_KEY_VARIABLE = '${DOCSPACE_API_KEY:?}';
const MASKED_BEARER = `Bearer ${REDACTED}`;

/** How the client records a masked password in a body (JSON.stringify of `{..., password: REDACTED}`). */
const MASKED_PASSWORD = `"password":${JSON.stringify(REDACTED)}`;

/**
 * The body as one shell word, each masked password replaced by the variable: quoted pieces with
 * `"${DOCSPACE_PASSWORD:?}"` between them. The value goes in as it is: a password that holds `"`
 * or `\` needs the JSON escaping the guide's scripts do.
 */
function bodyWord(body: string): string {
  const pieces = body.split(MASKED_PASSWORD);
  const last = pieces.length - 1;
  return pieces.map((piece, i) => quote(`${i > 0 ? '"' : ''}${piece}${i < last ? '"password":"' : ''}`)).join(PASSWORD_VARIABLE);
}

export interface CurlOptions {
  /** Put this token itself in the command, for a reader who chose to show it; otherwise `$DOCSPACE_TOKEN`. */
  revealToken?: string;
}

/**
 * A curl command (POSIX shell) for an exchange, aimed at the portal itself even when the call went
 * via the proxy. It runs as copied: the password always comes from `$DOCSPACE_PASSWORD`, the token
 * from `$DOCSPACE_TOKEN` unless the reader revealed it.
 */
export function toCurl(exchange: Exchange, {revealToken}: CurlOptions = {}): string {
  const {method, url, headers, body} = exchange.request;
  const parts = ['curl' + (method === 'GET' ? '' : ` -X ${method}`) + ` ${quote(url)}`];
  for (const [name, value] of Object.entries(headers)) {
    const masked = value === REDACTED ? '' : value === MASKED_BEARER ? 'Bearer ' : undefined;
    if (masked === undefined) parts.push(`-H ${quote(`${name}: ${value}`)}`);
    else if (revealToken) parts.push(`-H ${quote(`${name}: ${masked}${revealToken}`)}`);
    // A header name is a token (no quote, no $): it can share the variable's double quotes.
    else parts.push(`-H "${name}: ${masked}${masked ? API_KEY_VARIABLE : TOKEN_VARIABLE}"`);
  }
  if (body !== undefined) parts.push(`--data-raw ${bodyWord(body)}`);
  return parts.join(' \\\n  ');
}
