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

interface NodeUpstreamOptions extends AddressPolicy {
  resolve?: Resolver;
}

interface NodeUpstream {
  fetch: Upstream;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, {all: true, verbatim: true})).map(({address, family}) => ({address, family: family === 6 ? 6 : 4}));

/** A `lookup` for net/tls.connect that answers with addresses already resolved and checked. */
function answerWith(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    if (options.all) return callback(null, wanted);
    const first = wanted[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), {code: 'ENOTFOUND'}), '');
    callback(null, first.address, first.family);
  };
}

/** The origin a connection is for, spelled as URL#origin spells it (default ports left out). */
function connectionOrigin({protocol, hostname, port}: buildConnector.Options): string {
  const host = isIP(hostname) === 6 ? `[${hostname}]` : hostname; // undici may pass IPv6 with or without brackets
  return new URL(`${protocol}//${host}${port ? `:${port}` : ''}`).origin;
}

/**
 * A Node upstream on undici that judges the address it actually connects to. The connector
 * resolves the name itself, checks every address it resolves to, and only then opens the socket,
 * handing net/tls exactly the checked addresses (so they never resolve again). A name that
 * resolved to a public address a moment ago and to 10.0.0.5 now (DNS rebinding) is refused, and
 * no socket is ever opened towards a refused address. TLS still verifies the certificate against
 * the name, not the address.
 */
export function createNodeUpstream({resolve = systemResolver, ...policy}: NodeUpstreamOptions): NodeUpstream {
  const connectLiteral = buildConnector({});
  const connect: buildConnector.connector = (options, callback) => {
    const {hostname} = options;
    const origin = connectionOrigin(options);
    // Node opens IP literals without any lookup: judge the literal itself.
    if (isIP(hostname)) {
      try {
        assertAddressAllowed(hostname, hostname, policy, origin);
      } catch (error) {
        return callback(error as Error, null);
      }
      return connectLiteral(options, callback);
    }
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no addresses`), {code: 'ENOTFOUND'});
        // Refuse the whole name if any address is refused: a name pointing into a private network is not a portal's.
        for (const {address} of addresses) assertAddressAllowed(hostname, address, policy, origin);
        buildConnector({lookup: answerWith(addresses)})(options, callback);
      })
      .catch((error: Error) => callback(error, null));
  };
  const agent = new Agent({connect});

  return {
    fetch: (url, init) => undiciFetch(url, {...init, dispatcher: agent}) as unknown as Promise<Response>,
    close: () => agent.close(),
  };
}
