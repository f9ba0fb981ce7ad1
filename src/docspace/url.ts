import type {PortalUrlProblem, PortalUrlResult} from './types';

// `name:` is a scheme unless it is `host:port` (digits up to the end or a path). No dots, so
// `portal.example.com:x` reads as a host with a bad port.
const SCHEME = /^([a-z][a-z\d+-]*):(?!\d*$|\d+[/?#\\])/i;
const DNS_NAME = /^[a-z\d_](?:[a-z\d_-]*[a-z\d_])?(?:\.[a-z\d_](?:[a-z\d_-]*[a-z\d_])?)*$/;

const MESSAGES: Record<PortalUrlProblem, string> = {
  empty: 'Enter the address of your portal, for example yourportal.onlyoffice.com.',
  whitespace: 'The address contains spaces. Remove them: a portal address has none.',
  scheme: 'The address must start with https:// or http:// (or with no scheme at all, which means https://).',
  credentials: 'Do not put a user name or password in the address: enter just the portal, such as yourportal.onlyoffice.com.',
  host: 'This is not a valid host name. Enter the portal as it appears in your browser, such as yourportal.onlyoffice.com.',
  port: 'The port must be a number from 1 to 65535, as in localhost:8092.',
};

const fail = (problem: PortalUrlProblem): PortalUrlResult => ({ok: false, problem, message: MESSAGES[problem]});

/**
 * Turns what a reader types into the portal's origin (`https://portal.example.com`).
 * No scheme means https; any path, query or fragment (such as a pasted `/api/2.0/...`) is dropped.
 */
export function normalizePortalUrl(input: string): PortalUrlResult {
  const text = String(input ?? '').trim();
  if (!text) return fail('empty');
  if (/\s/.test(text)) return fail('whitespace');
  const match = SCHEME.exec(text);
  const scheme = match ? match[1].toLowerCase() : 'https';
  const rest = match ? text.slice(match[0].length) : text;
  const authority = rest.replace(/^[/\\]*/, '').split(/[/?#\\]/)[0];
  // Before the scheme check: in `user:pass@host` the user name reads as a scheme.
  if (authority.includes('@')) return fail('credentials');
  if (scheme !== 'http' && scheme !== 'https') return fail('scheme');
  // The port follows the closing bracket of an IPv6 address, else the first colon.
  const portAt = authority.startsWith('[') ? authority.indexOf(']:') + 1 : authority.indexOf(':');
  const port = portAt > 0 ? authority.slice(portAt + 1) : '';
  if (port && !(/^\d+$/.test(port) && +port >= 1 && +port <= 65535)) return fail('port');
  let url: URL;
  try {
    url = new URL(`${scheme}://${authority}`);
  } catch {
    return fail('host');
  }
  const host = url.hostname;
  if (!(DNS_NAME.test(host) || /^\[[\da-f:.]+\]$/.test(host))) return fail('host');
  return {ok: true, origin: url.origin};
}

/**
 * The one loopback check of the client, the proxy and the dev server: `localhost` and its
 * subdomains, 127.0.0.0/8 and [::1], as a URL's `hostname` spells them (IPv6 in brackets). These are
 * the hosts browsers count as secure (an https page may call them over http) and resolve to this
 * machine themselves; an IPv4-mapped address such as [::ffff:7f00:1] is not one of them.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

/**
 * The absolute URL of a portal asset (an avatar path from a profile), or null unless it is
 * http(s) on the portal's own origin: portal data must never make the page load other sites.
 */
export function resolvePortalAsset(origin: string, path: unknown): string | null {
  if (typeof path !== 'string' || !path) return null;
  try {
    const base = new URL(origin);
    const url = new URL(path, base);
    return /^https?:$/.test(url.protocol) && url.origin === base.origin ? url.href : null;
  } catch {
    return null;
  }
}
