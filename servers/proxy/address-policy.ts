import ipaddr from 'ipaddr.js';

/**
 * Which network addresses the proxy may connect to. Runtime-agnostic (pure JS), so the Node
 * upstream and any other runtime's upstream apply the same rule.
 *
 * An allow-list, not a deny-list: only global unicast addresses pass (plus loopback when the
 * operator allows it). Private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * unspecified, multicast, broadcast, documentation/reserved ranges and IPv6 transition prefixes
 * that embed an IPv4 address (NAT64, 6to4, Teredo) are all refused; IPv4-mapped IPv6 addresses
 * are judged as the IPv4 address they carry.
 */
export interface AddressPolicy {
  allowLoopback: boolean;
  /** With loopback allowed: only connections to these origins may reach a loopback address. Empty or absent: any. */
  loopbackOrigins?: readonly string[];
}

/** IPv6 global unicast is 2000::/3; anything outside it that ipaddr.js still calls "unicast" is refused. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** The range name (ipaddr.js vocabulary, e.g. "private", "linkLocal") when refused, or null when allowed. */
export function refusedRange(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'loopback') return policy.allowLoopback ? null : range;
  if (range !== 'unicast') return range;
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) return 'reserved';
  return null;
}

/** Thrown (or set as a fetch error's `cause`) by an upstream that refused to connect to an address. */
export class AddressRefusedError extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${hostname} resolves to ${address} (${range}), which the proxy does not connect to`);
    this.name = 'AddressRefusedError';
  }
}

/**
 * Throws AddressRefusedError when the address is refused. `origin` is where the connection is
 * going: a name that resolves to loopback reaches only the allowed loopback origins.
 */
export function assertAddressAllowed(hostname: string, address: string, policy: AddressPolicy, origin: string): void {
  const range = refusedRange(address, policy);
  if (range) throw new AddressRefusedError(hostname, address, range);
  const loopback = ipaddr.process(address).range() === 'loopback';
  if (loopback && policy.loopbackOrigins?.length && !policy.loopbackOrigins.includes(origin)) {
    throw new AddressRefusedError(hostname, address, 'loopback');
  }
}

/** Finds an AddressRefusedError anywhere in an error's cause chain (fetch wraps connect errors). */
export function findAddressRefusal(error: unknown): AddressRefusedError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AddressRefusedError) return current;
    current = (current as {cause?: unknown}).cause;
  }
  return undefined;
}
