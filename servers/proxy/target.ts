import ipaddr from 'ipaddr.js';
import {isLoopbackHost} from '../../src/docspace/url';
import {refusedRange} from './address-policy';

/** Where a request is going, once X-Portal-Origin has been read and judged. */
type TargetResult =
  | {ok: true; origin: string; hostname: string}
  | {ok: false; status: 400 | 403; reason: TargetRefusal; message: string};

export type TargetRefusal =
  | 'missing-portal-origin'
  | 'malformed-portal-origin'
  | 'insecure-target'
  | 'host-not-allowed'
  | 'port-not-allowed'
  | 'address-not-allowed';

interface TargetPolicy {
  allowLoopback: boolean;
  /** With loopback allowed: only these origins (the local sandbox's). Empty or absent: any loopback port. */
  loopbackOrigins?: readonly string[];
  /** Operator allow-list: exact hosts and `*.suffix` wildcards (any subdomain, not the bare suffix). Empty: any host. */
  allowedHosts: readonly string[];
  /** Ports a public portal may be reached on, so the proxy cannot probe other services of public hosts. */
  allowedPorts: readonly number[];
}

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [443];

/** The hostname without IPv6 brackets, so it can be classified as an address. */
function bareHostname(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/** Matches `host` against one allow-list entry: `docspace.example.org` or `*.onlyoffice.com`. */
export function hostMatches(hostname: string, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1));
  return hostname === pattern;
}

/** Parses PROXY_ALLOWED_PORTS (`443,8443`); unset or empty: 443 only. */
export function parseAllowedPorts(value: string | undefined): number[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return [...DEFAULT_ALLOWED_PORTS];
  return entries.map((entry) => {
    const port = Number(entry);
    if (!/^\d+$/.test(entry) || port < 1 || port > 65535) {
      throw new Error(`PROXY_ALLOWED_PORTS must list port numbers from 1 to 65535 separated by commas, not "${value}"`);
    }
    return port;
  });
}

/** Parses a comma-separated allow-list (the PROXY_ALLOWED_HOSTS format). */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Reads X-Portal-Origin: it must be a bare origin (scheme, host, optional port; an optional
 * trailing slash is tolerated), https unless it is loopback and loopback is allowed, inside the
 * allow-list when there is one. An IP literal is judged here; names are judged by the upstream
 * on the address it actually connects to.
 */
export function judgeTarget(header: string | null, policy: TargetPolicy): TargetResult {
  if (!header) {
    return {ok: false, status: 400, reason: 'missing-portal-origin', message: 'Send the portal origin in the X-Portal-Origin header, e.g. https://portal.example.com'};
  }
  const malformed = (why: string): TargetResult => ({
    ok: false,
    status: 400,
    reason: 'malformed-portal-origin',
    message: `X-Portal-Origin must be a bare origin like https://portal.example.com (${why})`,
  });
  let url: URL;
  try {
    url = new URL(header);
  } catch {
    return malformed('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return malformed('scheme must be https');
  if (url.username || url.password) return malformed('no credentials');
  if (header.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) {
    return malformed('no path, query, fragment or default port');
  }
  const hostname = url.hostname.toLowerCase();
  const loopbackTarget = policy.allowLoopback && isLoopbackHost(hostname);

  if (url.protocol === 'http:' && !loopbackTarget) {
    return {ok: false, status: 403, reason: 'insecure-target', message: 'The proxy only connects to https portals'};
  }
  if (loopbackTarget && policy.loopbackOrigins?.length && !policy.loopbackOrigins.includes(url.origin)) {
    return {ok: false, status: 403, reason: 'address-not-allowed', message: `On this machine the proxy only connects to the sandbox (${policy.loopbackOrigins.join(', ')})`};
  }
  const port = Number(url.port || 443);
  if (!loopbackTarget && !policy.allowedPorts.includes(port)) {
    return {ok: false, status: 403, reason: 'port-not-allowed', message: `The proxy only connects to portals on port ${policy.allowedPorts.join(', ')}; ${port} is not one of them`};
  }
  if (policy.allowedHosts.length > 0 && !policy.allowedHosts.some((entry) => hostMatches(hostname, entry))) {
    return {ok: false, status: 403, reason: 'host-not-allowed', message: `This proxy only serves the portals its operator listed; ${hostname} is not one of them`};
  }
  const bare = bareHostname(hostname);
  if (ipaddr.isValid(bare)) {
    const range = refusedRange(bare, policy);
    if (range) {
      return {ok: false, status: 403, reason: 'address-not-allowed', message: `The proxy does not connect to ${range} addresses`};
    }
  }
  return {ok: true, origin: url.origin, hostname};
}
