import ipaddr from 'ipaddr.js';

/**
 * The reader's address as the rate limits see it.
 *
 * With no proxies in front (`trustHops` 0) it is the connecting socket's address and any
 * X-Forwarded-For is ignored: a client could write anything there. Behind `trustHops` proxies
 * (a load balancer, a CDN) the socket is the nearest proxy's, and each trusted proxy appends the
 * address it saw to X-Forwarded-For, so the reader is the entry `trustHops` from the right of
 * [...X-Forwarded-For, socket]. Entries further left were written by the client and are never used.
 */
export function resolveClientIp(socketIp: string | undefined, forwardedFor: string | null, trustHops: number): string | undefined {
  if (trustHops === 0 || socketIp === undefined) return socketIp;
  const chain = [...(forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean), socketIp];
  // Fewer entries than trusted hops: the request skipped a proxy; the leftmost is the best known.
  const candidate = chain[Math.max(0, chain.length - 1 - trustHops)]!;
  // A trusted proxy writes addresses only; anything else means a misconfigured chain.
  return ipaddr.isValid(candidate) ? candidate : socketIp;
}

/** PROXY_TRUST_HOPS: how many proxies in front of this one append to X-Forwarded-For (unset: 0). */
export function parseTrustHops(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d{1,2}$/.test(value.trim())) {
    throw new Error(`PROXY_TRUST_HOPS must be the number of proxies in front of this one (0 to 99), not "${value}"`);
  }
  return Number(value.trim());
}
