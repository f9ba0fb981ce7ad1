import {lookup as dnsLookup} from 'node:dns/promises';
import {isIP, type LookupFunction} from 'node:net';
import {Agent, buildConnector, fetch as undiciFetch} from 'undici';
import {type AddressPolicy, assertAddressAllowed} from './address-policy';
import type {Upstream} from './handler';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to its addresses (injected in tests; default: the system resolver). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface NodeUpstreamOptions extends AddressPolicy {
  resolve?: Resolver;
}

export interface NodeUpstream {
  fetch: Upstream;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, {all: true, verbatim: true})).map(({address, family}) => ({address, family: family === 6 ? 6 : 4}));

/**
 * A Node upstream on undici that judges the address it actually connects to: names are resolved
 * inside the connector, every address they resolve to is checked, and the socket is opened to
 * exactly those checked addresses. A name that resolved to a public address when the handler
 * looked and to 10.0.0.5 a moment later (DNS rebinding) is therefore still refused, and no socket
 * is ever opened to a refused address.
 */
export function createNodeUpstream({resolve = systemResolver, ...policy}: NodeUpstreamOptions): NodeUpstream {
  const checkedLookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no addresses`), {code: 'ENOTFOUND'});
        // Refuse the whole name if any address is refused: a name that points into a private
        // network is not a portal's.
        for (const {address} of addresses) assertAddressAllowed(hostname, address, policy);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) return callback(null, wanted);
        const first = wanted[0];
        if (!first) throw Object.assign(new Error(`${hostname} has no IPv${options.family} address`), {code: 'ENOTFOUND'});
        callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ''));
  };

  const connectChecked = buildConnector({lookup: checkedLookup});
  // Node opens IP literals without calling `lookup`, so those are judged here before connecting.
  const connect: buildConnector.connector = (options, callback) => {
    if (isIP(options.hostname)) {
      try {
        assertAddressAllowed(options.hostname, options.hostname, policy);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
    }
    connectChecked(options, callback);
  };
  const agent = new Agent({connect});

  return {
    fetch: (url, init) => undiciFetch(url, {...init, dispatcher: agent}) as unknown as Promise<Response>,
    close: () => agent.close(),
  };
}
