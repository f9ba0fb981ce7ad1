/**
 * The one place the example programs' placeholders are filled: the guide's Example component
 * personalises them with the reader's portal, and tests/examples fills in everything to run them.
 *
 * Values land inside string literals of seven languages (shell, JavaScript, Python, C#, PHP,
 * Java, Go) with different quoting and interpolation rules, so instead of escaping per language
 * a value is refused unless every character is safe in all of them: letters, digits and
 * `- . _ ~ + / = @ :` (enough for user names, e-mail addresses, base64 tokens and demo passwords).
 * Quotes, backslashes, `$`, braces, `%`, whitespace and control characters never reach a file.
 */
import {normalizePortalUrl} from './url';

/** The placeholders as the example files spell them. */
export const PLACEHOLDERS = {
  portalOrigin: 'https://yourportal.onlyoffice.com',
  portalHost: 'yourportal.onlyoffice.com',
  userName: 'yourusername',
  password: 'yourpassword',
  token: 'yourtoken',
  apiKey: 'yourapikey',
} as const;

export interface PlaceholderValues {
  /** A normalised origin such as `https://portal.example.com` or `http://127.0.0.1:8092`. */
  portalOrigin?: string;
  userName?: string;
  password?: string;
  token?: string;
  /** An API key's secret (`sk-…`), for DOCSPACE_API_KEY. */
  apiKey?: string;
}

const SAFE_VALUE = /^[A-Za-z0-9._~+/=@:-]+$/;

/** Thrown for a value that could break out of a string literal; never says what the value was. */
export class UnsafePlaceholderValue extends RangeError {
  constructor(readonly field: keyof PlaceholderValues, reason: string) {
    super(`Cannot put this ${field} into the examples: ${reason}`);
    this.name = 'UnsafePlaceholderValue';
  }
}

/**
 * The origin, if it is exactly what normalizePortalUrl makes of it: the widget's host rule (a DNS
 * name or an IP literal, an optional port), so no shell or quote character reaches a file, whether
 * the origin was typed, remembered in localStorage or passed by a test.
 */
function checkedOrigin(origin: string): URL {
  const portal = normalizePortalUrl(origin);
  if (!portal.ok || portal.origin !== origin) {
    throw new UnsafePlaceholderValue('portalOrigin', 'it must be a bare http(s) origin such as https://portal.example.com.');
  }
  return new URL(portal.origin);
}

function checkedValue(field: 'userName' | 'password' | 'token' | 'apiKey', value: string): string {
  if (!SAFE_VALUE.test(value)) {
    throw new UnsafePlaceholderValue(field, 'only letters, digits and - . _ ~ + / = @ : are allowed.');
  }
  return value;
}

/**
 * Replaces each placeholder whose value is given; placeholders without a value stay as they are.
 * Throws UnsafePlaceholderValue before changing anything when a value is unsafe.
 */
export function fillPlaceholders(source: string, values: PlaceholderValues): string {
  const replacements = new Map<string, string>();
  if (values.portalOrigin !== undefined) {
    const url = checkedOrigin(values.portalOrigin);
    replacements.set(PLACEHOLDERS.portalOrigin, url.origin).set(PLACEHOLDERS.portalHost, url.host);
  }
  for (const field of ['userName', 'password', 'token', 'apiKey'] as const) {
    const value = values[field];
    if (value !== undefined) replacements.set(PLACEHOLDERS[field], checkedValue(field, value));
  }
  if (replacements.size === 0) return source;
  // One pass, so a value that happens to contain another placeholder is never replaced again.
  // The full origin is listed before the bare host, so it wins where both would match.
  const pattern = new RegExp([...replacements.keys()].map((key) => key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
  return source.replace(pattern, (placeholder) => replacements.get(placeholder)!);
}
