/**
 * The portal contract: the calls the guide makes and the limits around them, in one place for the
 * client (which sends them), the proxy (which relays exactly these and no other) and the sandbox
 * (which answers them). servers/sandbox/portal-contract.md has the facts behind each line.
 * Framework-free, like the rest of src/docspace: the servers may import it, src never imports them.
 *
 * A new call is one more entry in PORTAL_CALLS: the proxy relays it from then on, with the token
 * only if `withToken` says so; the client and the sandbox name it by its key.
 */

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface PortalCall {
  method: HttpMethod;
  /** The path as the API reference writes it, a `{name}` segment for each parameter. */
  path: string;
  /** Sent with the token in `Authorization`; the proxy forwards that header to these calls only. */
  withToken: boolean;
  /** What each `{name}` segment may hold; a path with anything else there is not this call. */
  params?: Readonly<Record<string, RegExp>>;
  /** The JSON body the call takes, when the proxy holds it to a shape: any other body is not this call. */
  body?: BodyShape;
}

/** A JSON object's fields and the type of each; every field optional unless `required` names it. */
export interface BodyShape {
  fields: Readonly<Record<string, 'string' | 'boolean' | 'integer' | 'string[]'>>;
  required?: readonly string[];
}

/**
 * A second-factor code as portals issue them: six digits, both for an authenticator app (TOTP) and
 * for SMS (the portal's `sms:keylength` defaults to 6). Anything else under /authentication/ is
 * another portal call (`sendsms`, `setphone`, `confirm`, `register`, ...), never one of these:
 * `sendsms` is anonymous and sends a billed text message.
 */
export const SECOND_FACTOR_CODE = /^[0-9]{6}$/;

/** An API key's id: a GUID, as portals write them (`75a5f745-f697-4418-b38d-0fe0d277e258`). */
export const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const PORTAL_CALLS = {
  /** A token, or the second factor the portal asks for first. */
  authenticate: {method: 'POST', path: '/api/2.0/authentication', withToken: false},
  /** Trades the code from the app or the SMS for a token; the code goes in the path and the body. */
  confirmCode: {method: 'POST', path: '/api/2.0/authentication/{code}', withToken: false, params: {code: SECOND_FACTOR_CODE}},
  /** Ends the session of the token. */
  signOut: {method: 'POST', path: '/api/2.0/authentication/logout', withToken: true},
  /** The profile of the token's owner. */
  getSelf: {method: 'GET', path: '/api/2.0/people/@self', withToken: true},
  /** Every scope a key may be given: a flat, alphabetical list of strings. */
  listKeyScopes: {method: 'GET', path: '/api/2.0/keys/permissions', withToken: true},
  /** A new key acting as the caller; its secret is in this answer only. Never idempotent: never retried. */
  createKey: {
    method: 'POST',
    path: '/api/2.0/keys',
    withToken: true,
    body: {fields: {name: 'string', permissions: 'string[]', expiresInDays: 'integer'}, required: ['name']},
  },
  /** The keys the caller may see (an administrator: all of the portal's), never their secrets. */
  listKeys: {method: 'GET', path: '/api/2.0/keys', withToken: true},
  /** The key this very request was sent with (`Authorization: Bearer sk-…`). */
  getSelfKey: {method: 'GET', path: '/api/2.0/keys/@self', withToken: true},
  /** Renames a key, replaces its scopes or turns it on or off. */
  updateKey: {
    method: 'PUT',
    path: '/api/2.0/keys/{keyId}',
    withToken: true,
    params: {keyId: KEY_ID},
    body: {fields: {name: 'string', permissions: 'string[]', isActive: 'boolean'}},
  },
  /** Removes a key at once, for good. */
  deleteKey: {method: 'DELETE', path: '/api/2.0/keys/{keyId}', withToken: true, params: {keyId: KEY_ID}},
} as const satisfies Record<string, PortalCall>;

export type PortalCallName = keyof typeof PORTAL_CALLS;

/** The names of a path's `{name}` segments, as an object type: `{code: string}` for confirmCode's. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? {[K in Name]: string} & PathParams<Rest> : unknown;

/** The path of one call, each `{name}` filled in (URI-encoded): `/api/2.0/authentication/123456`. */
export function pathOf<Call extends PortalCall>(call: Call, params: PathParams<Call['path']>): string {
  const values = params as Record<string, string>;
  return call.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
}

/** The calls a path belongs to, whatever their method: its literal segments match and each `{name}` its pattern. */
export function callsAt(path: string): PortalCallName[] {
  const segments = path.split('/');
  return (Object.keys(PORTAL_CALLS) as PortalCallName[]).filter((name) => {
    const call: PortalCall = PORTAL_CALLS[name];
    const template = call.path.split('/');
    return (
      template.length === segments.length &&
      template.every((part, i) => {
        const param = /^\{(\w+)\}$/.exec(part)?.[1];
        return param === undefined ? part === segments[i] : (call.params?.[param]?.test(segments[i]) ?? false);
      })
    );
  });
}

/** Whether `body` (parsed JSON) is an object of the shape: only its fields, each of its type, the required ones present. */
export function fitsShape(shape: BodyShape, body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const fields = Object.entries(body);
  const typed = fields.every(([name, value]) => {
    const type = Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
    if (type === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (type === 'integer') return Number.isInteger(value);
    return type !== undefined && typeof value === type;
  });
  return typed && (shape.required ?? []).every((name) => Object.hasOwn(body, name));
}

// --- The limits ---------------------------------------------------------------------------------

/** Far more than any of these answers needs; the client and the proxy refuse a larger one while it streams in. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Far more than any of these requests needs (a sign-in body is a few hundred bytes); the sandbox and the proxy refuse more. */
export const MAX_REQUEST_BYTES = 16 * 1024;

/** How long the client, and the proxy on its behalf, wait for a portal's whole answer. */
export const ANSWER_TIMEOUT_MS = 15_000;

/**
 * The portal's brute-force guard: `failures` refused sign-ins of one login from one client address
 * within `windowMs` lock that login, from that address, for `lockMs`, even with the right password.
 */
export const LOCKOUT = {failures: 5, windowMs: 60_000, lockMs: 60_000} as const;

/**
 * Creating keys is throttled: past `max` creations of one account from one client address within
 * `windowMs` the portal answers 429. The portal's own figure is not published; this is the sandbox's.
 */
export const KEY_CREATION_LIMIT = {max: 10, windowMs: 60_000} as const;

/** What every API key starts with, and how many of its last characters later reads show (`keyPostfix`). */
export const API_KEY = {prefix: 'sk-', postfixLength: 4} as const;

// --- This site's proxy --------------------------------------------------------------------------

/** The headers between the client and this site's proxy (servers/proxy), never sent to a portal. */
export const PROXY_HEADERS = {
  /** Where the proxy should send the call: the portal's origin. */
  portalOrigin: 'X-Portal-Origin',
  /** On the answers the proxy makes itself (its refusals), never on a portal's: the reason code. */
  refusal: 'X-Proxy-Refusal',
} as const;
