/**
 * The security headers `npm run serve` sends with every HTML page. A static host should send the
 * same (see contributing/serving.md); the script hashes come from the build, so they are computed from each
 * built HTML file when the server starts, never written down by hand.
 */
import {createHash} from 'node:crypto';
import {Parser} from 'htmlparser2';

export interface SecurityHeaderOptions {
  /** The sandbox portal's origin (SANDBOX_URL): the widget calls it and loads its avatars. */
  sandboxUrl?: string;
  /** More CSP sources for connect-src and img-src (CSP_EXTRA_ORIGINS), e.g. `http://127.0.0.1:*` for local test portals. */
  extraOrigins?: readonly string[];
}

/** The `'sha256-…'` source of every inline script in a page, in document order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  let inInlineScript = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        inInlineScript = name === 'script' && !('src' in attributes);
        text = '';
      },
      ontext(data) {
        if (inInlineScript) text += data;
      },
      onclosetag(name) {
        // The browser hashes the script's text exactly as it stands in the file (no entity decoding in <script>).
        if (name === 'script' && inInlineScript && text !== '') {
          hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
        }
        inInlineScript = false;
      },
    },
    {decodeEntities: false},
  );
  parser.end(html);
  return [...hashes];
}

/** A CSP source list entry from the environment: a scheme and host (with an optional `*` port), nothing that could add a directive. */
const EXTRA_ORIGIN = /^https?:\/\/[a-z0-9.[\]:*-]+$/i;

/** Parses CSP_EXTRA_ORIGINS (space-separated); throws naming the variable when an entry is not an origin. */
export function parseExtraOrigins(value: string | undefined): string[] {
  const entries = (value ?? '').split(/\s+/).filter(Boolean);
  for (const entry of entries) {
    if (!EXTRA_ORIGIN.test(entry)) throw new Error(`CSP_EXTRA_ORIGINS must list origins like http://127.0.0.1:* separated by spaces, not "${entry}"`);
  }
  return entries;
}

/**
 * The headers for one HTML page, given its inline script hashes.
 * - script-src: this site's files and exactly the inline scripts the build wrote.
 * - connect-src, img-src: the reader's portal can be any https origin (and its avatar is an image
 *   on it); the sandbox is plain http on this machine.
 * - style-src keeps 'unsafe-inline': React renders style attributes, which cannot be hashed one by one.
 * - Referrer-Policy no-referrer: the page takes passwords and tokens; no URL of it should travel.
 */
export function securityHeaders(scriptHashes: readonly string[], {sandboxUrl, extraOrigins = []}: SecurityHeaderOptions): Record<string, string> {
  const portals = ['https:', ...(sandboxUrl ? [new URL(sandboxUrl).origin] : []), ...extraOrigins].join(' ');
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${portals}`,
    `connect-src 'self' ${portals}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
