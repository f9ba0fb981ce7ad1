/**
 * The sandbox portal: a Request -> Response handler that answers the guide's calls with the same
 * paths, envelope, status codes and shapes as a DocSpace portal (see ./portal-contract.md).
 * No Node-only imports, so any fetch-style runtime can host it; servers/sandbox/node.ts serves it.
 */
import {type Context, Hono} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import {ANSWER_TIMEOUT_MS, API_KEY, MAX_REQUEST_BYTES, PORTAL_CALLS, type PortalCall} from '../../src/docspace/contract';
import {startDeadline} from '../../src/docspace/deadline';
import type {AuthenticationPayload, PortalProfile} from '../../src/docspace/types';
import {SANDBOX_CODE, SANDBOX_PASSWORD, type SandboxAccount, findSandboxAccount} from './accounts';
import {type KeyFields, KeyStore, SANDBOX_SCOPES, type SandboxKey, keyInfo} from './api-keys';
import {envelopeResponse, errorResponse, unauthorizedResponse} from './envelope';
import {LoginThrottle} from './login-throttle';
import {avatarPath, avatarResponse, badGatewayPage, confirmPage, homePage, parseAvatarFile} from './pages';
import {SESSION_EXPIRES, formatPortalDate} from './portal-date';
import {type IssuedToken, TokenStore} from './tokens';

export interface SandboxOptions {
  /** true (default): `Access-Control-Allow-Origin: *` like a self-hosted portal. false: no CORS headers at all. */
  cors?: boolean;
  /** The clock for token expiry, lockout and SMS code expiry (tests move it instead of waiting). */
  now?: () => number;
  /** How long the `slow` account takes to answer; default 20 s, 5 s past the client's timeout. */
  slowMs?: number;
}

/** What only the server adapter knows about the connection; never read from request headers. */
interface ConnectionInfo {
  clientIp?: string;
}

type SandboxEnv = {Bindings: {clientIp: string}};

interface Sandbox {
  fetch(request: Request, connection?: ConnectionInfo): Promise<Response>;
  /** Ends pending `slow` answers at once, so a server in front can close without waiting. */
  close(): void;
}

const DEFAULT_SLOW_MS = ANSWER_TIMEOUT_MS + 5_000;
const SMS_CODE_LIFETIME_MS = 10 * 60_000;
/** The manual key a not-yet-set-up authenticator app is given (base32, as portals send it). */
const SANDBOX_TFA_KEY = 'JBSWY3DPEHPK3PXP';
const AUTH_FAILED = 'User authentication failed';
const USER_DISABLED = 'User disabled';
const LOCKED_OUT = 'Too many login attempts. Please try again later';
const COOKIE_NAME = 'asc_auth_key';
const ACCESS_DENIED = 'Access denied';
const KEY_NOT_FOUND = 'The API key was not found';
/** The scopes that let a key read accounts (a profile): `write` includes `read`, `*` is everything. */
const READS_ACCOUNTS = new Set(['*', '*:read', '*:write', 'accounts:read', 'accounts:write']);

/** Who a request acts as: the account, and the key when it came with one. */
interface Caller {
  account: SandboxAccount;
  key?: SandboxKey;
}

type SecondFactorFields = Pick<AuthenticationPayload, 'sms' | 'tfa' | 'phoneNoise'>;

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const tokens = new TokenStore(now);
  const throttle = new LoginThrottle(now);
  const keys = new KeyStore(now);
  /** When the `sms-2fa` account was last "sent" a code, by login. */
  const smsSentAt = new Map<string, number>();
  const closing = new AbortController();

  const app = new Hono<SandboxEnv>();
  /** Answers one call of the contract at its path and method (`{code}` becomes Hono's `:code`). */
  const answer = (call: PortalCall, handler: (c: Context<SandboxEnv>) => Response | Promise<Response>) =>
    app.on(call.method, call.path.replace(/\{(\w+)\}/g, ':$1'), handler);
  if (options.cors !== false) {
    // No allowHeaders: the middleware echoes what the preflight asks for, which covers
    // Authorization (a bare `*` would not) — the same as the portal's AllowAnyHeader.
    app.use('*', cors({origin: '*', allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'], maxAge: 600}));
  }
  app.use(
    '/api/*',
    bodyLimit({maxSize: MAX_REQUEST_BYTES, onError: () => errorResponse(413, 'The request body is too large')}),
  );

  // Logout before {code}, which would take `logout` for a code: the first route that matches answers.
  answer(PORTAL_CALLS.signOut, (c) => signOut(c.req.raw));
  // Any segment, not only six digits: a portal answers a wrong code with 401, not 404.
  answer(PORTAL_CALLS.confirmCode, (c) => confirmCode(c.req.raw, c.req.param('code') ?? '', c.env.clientIp));
  answer(PORTAL_CALLS.authenticate, (c) => authenticate(c.req.raw, c.env.clientIp));
  answer(PORTAL_CALLS.getSelf, (c) => self(c.req.raw));
  answer(PORTAL_CALLS.listKeyScopes, (c) => withCaller(c.req.raw, (caller) => (isGuest(caller) ? errorResponse(403, ACCESS_DENIED) : envelopeResponse(c.req.raw, SANDBOX_SCOPES))));
  answer(PORTAL_CALLS.createKey, (c) => withCaller(c.req.raw, (caller) => createKey(c.req.raw, caller, c.env.clientIp)));
  answer(PORTAL_CALLS.listKeys, (c) => withCaller(c.req.raw, ({account}) => envelopeResponse(c.req.raw, keys.visibleTo(account.userName, isAdmin(account)).map(keyInfo))));
  answer(PORTAL_CALLS.getSelfKey, (c) => withCaller(c.req.raw, ({key}) => (key ? envelopeResponse(c.req.raw, keyInfo(key)) : errorResponse(404, KEY_NOT_FOUND))));
  answer(PORTAL_CALLS.updateKey, (c) => withCaller(c.req.raw, (caller) => updateKey(c.req.raw, caller, c.req.param('keyId') ?? '')));
  answer(PORTAL_CALLS.deleteKey, (c) =>
    withCaller(c.req.raw, ({account}) => {
      const key = keys.find(c.req.param('keyId') ?? '', account.userName, isAdmin(account));
      if (!key) return errorResponse(404, KEY_NOT_FOUND);
      keys.delete(key.id);
      return envelopeResponse(c.req.raw, true);
    }),
  );
  app.get('/storage/userPhotos/root/:file', (c) => {
    const avatar = parseAvatarFile(c.req.param('file'));
    return avatar ? avatarResponse(avatar.account, avatar.size) : notFound();
  });
  app.get('/confirm/*', () => confirmPage());
  app.get('/', () => homePage());
  app.notFound(() => notFound());
  app.onError(() => errorResponse(500, 'The sandbox failed to answer'));

  async function authenticate(request: Request, clientIp: string): Promise<Response> {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const userName = stringField(body.userName);

    const account = findSandboxAccount(userName);
    if (account?.behaviour === 'slow' && !(await pause(slowMs, request.signal, closing.signal))) {
      return errorResponse(503, 'The sandbox is shutting down');
    }
    const staged = account && stagedFailure(request, account);
    if (staged) return staged;

    const verified = verifyCredentials(userName, body.password, clientIp);
    if (verified instanceof Response) return verified;
    const secondFactor = secondFactorStep(request, verified);
    if (secondFactor) return secondFactor;
    return tokenAnswer(request, verified, body.session === true, clientIp, {sms: false, tfa: false});
  }

  async function confirmCode(request: Request, code: string, clientIp: string): Promise<Response> {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const userName = stringField(body.userName);
    // The portal's own client sends the code in the path and the body; the path is what counts.
    const verified = verifyCredentials(userName, body.password, clientIp);
    if (verified instanceof Response) return verified;
    const fields = code === SANDBOX_CODE ? confirmedFactor(verified) : undefined;
    if (!fields) {
      throttle.recordFailure(userName, clientIp);
      return errorResponse(401, AUTH_FAILED);
    }
    return tokenAnswer(request, verified, body.session === true, clientIp, fields);
  }

  function self(request: Request): Response {
    return withCaller<Response>(request, ({account, key}) => {
      if (key && !key.permissions.some((scope) => READS_ACCOUNTS.has(scope))) return errorResponse(403, ACCESS_DENIED);
      return envelopeResponse(request, profileOf(account, new URL(request.url).origin));
    });
  }

  function signOut(request: Request): Response {
    const caller = presentedCaller(request);
    if (!caller) return unauthorizedResponse();
    // A key is not a session: signing out with one ends nothing (delete the key to end it).
    if (caller.token) tokens.revoke(caller.token.token);
    const cookie = `${COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureFlag(request)}`;
    return envelopeResponse(request, undefined, {headers: {'Set-Cookie': cookie}});
  }

  /** Lockout first, then login and password, then whether the user may sign in at all. */
  function verifyCredentials(userName: string, password: unknown, clientIp: string): SandboxAccount | Response {
    if (throttle.isLocked(userName, clientIp)) return errorResponse(403, LOCKED_OUT);
    const account = findSandboxAccount(userName);
    if (!account || password !== SANDBOX_PASSWORD) {
      throttle.recordFailure(userName, clientIp);
      return errorResponse(401, AUTH_FAILED);
    }
    if (account.behaviour === 'disabled') return errorResponse(403, USER_DISABLED);
    return account;
  }

  /** The answer that asks for a second factor, for the accounts that have one. */
  function secondFactorStep(request: Request, account: SandboxAccount): Response | undefined {
    const origin = new URL(request.url).origin;
    switch (account.behaviour) {
      case 'app-2fa':
        return envelopeResponse(request, {tfa: true, confirmUrl: confirmUrl(origin, 'TfaAuth', account)});
      case 'app-setup':
        return envelopeResponse(request, {
          tfa: true,
          tfaKey: SANDBOX_TFA_KEY,
          confirmUrl: confirmUrl(origin, 'TfaActivation', account),
        });
      case 'sms-2fa': {
        const sentAt = now();
        smsSentAt.set(account.userName, sentAt);
        return envelopeResponse(request, {
          sms: true,
          phoneNoise: account.phoneNoise,
          expires: formatPortalDate(sentAt + SMS_CODE_LIFETIME_MS),
          confirmUrl: confirmUrl(origin, 'PhoneAuth', account),
        });
      }
      case 'sms-setup':
        return envelopeResponse(request, {sms: true, confirmUrl: confirmUrl(origin, 'PhoneActivation', account)});
      default:
        return undefined;
    }
  }

  /** The fields of a token answer after a right code, or undefined when this account cannot use one now. */
  function confirmedFactor(account: SandboxAccount): SecondFactorFields | undefined {
    switch (account.behaviour) {
      case 'app-2fa':
      case 'app-setup':
        return {tfa: true};
      case 'sms-2fa': {
        const sentAt = smsSentAt.get(account.userName);
        const live = sentAt !== undefined && now() <= sentAt + SMS_CODE_LIFETIME_MS;
        return live ? {sms: true, phoneNoise: account.phoneNoise} : undefined;
      }
      default:
        // No second factor (or, for sms-setup, no phone to send a code to).
        return undefined;
    }
  }

  function tokenAnswer(
    request: Request,
    account: SandboxAccount,
    session: boolean,
    clientIp: string,
    fields: SecondFactorFields,
  ): Response {
    throttle.recordSuccess(account.userName, clientIp);
    const issued = tokens.issue(account.userName, session);
    const expires = issued.expiresAt === null ? SESSION_EXPIRES : formatPortalDate(issued.expiresAt);
    const lifetime = issued.expiresAt === null ? '' : `; Expires=${new Date(issued.expiresAt).toUTCString()}`;
    const cookie = `${COOKIE_NAME}=${issued.token}; Path=/${lifetime}; HttpOnly; SameSite=Lax${secureFlag(request)}`;
    const payload: AuthenticationPayload = {token: issued.token, expires, ...fields};
    return envelopeResponse(request, payload, {headers: {'Set-Cookie': cookie}});
  }

  /**
   * A bare or `Bearer` token, or a `Bearer sk-…` key, in Authorization wins; the portal's own
   * cookie also works, as on a portal. A key counts only as `Bearer`, as portals document it.
   */
  function presentedCaller(request: Request): (Caller & {token?: IssuedToken}) | undefined {
    const header = request.headers.get('Authorization')?.trim();
    const bearer = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (bearer?.startsWith(API_KEY.prefix)) {
      const key = keys.authenticate(bearer);
      const account = key && findSandboxAccount(key.userName);
      return account && key ? {account, key} : undefined;
    }
    const presented = header ? header.replace(/^Bearer\s+/i, '') : cookieValue(request.headers.get('Cookie'), COOKIE_NAME);
    const token = presented ? tokens.find(presented) : undefined;
    const account = token && findSandboxAccount(token.userName);
    return account && token ? {account, token} : undefined;
  }

  /** Answers for a signed-in caller; 401 with an empty body for anyone else, as a portal does. */
  function withCaller<R extends Response | Promise<Response>>(request: Request, handler: (caller: Caller) => R): R | Response {
    const caller = presentedCaller(request);
    return caller ? handler(caller) : unauthorizedResponse();
  }

  async function createKey(request: Request, caller: Caller, clientIp: string): Promise<Response> {
    if (isGuest(caller)) return errorResponse(403, ACCESS_DENIED);
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const fields = keyFieldsOf(body);
    if (typeof fields === 'string') return errorResponse(400, fields);
    const {userName} = caller.account;
    if (!keys.mayCreate(userName, clientIp)) return errorResponse(429, 'Too many API keys created. Please try again later');
    const key = keys.create(userName, clientIp, fields);
    return envelopeResponse(request, {...keyInfo(key), key: key.secret});
  }

  async function updateKey(request: Request, {account}: Caller, keyId: string): Promise<Response> {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const key = keys.find(keyId, account.userName, isAdmin(account));
    if (!key) return errorResponse(404, KEY_NOT_FOUND);
    const name = body.name === undefined ? {value: key.name} : nameOf(body.name);
    if ('problem' in name) return errorResponse(400, name.problem);
    const permissions = body.permissions === undefined ? {value: key.permissions} : scopesOf(body.permissions);
    if ('problem' in permissions) return errorResponse(400, permissions.problem);
    if (body.isActive !== undefined && typeof body.isActive !== 'boolean') return errorResponse(400, 'isActive must be true or false');
    Object.assign(key, {name: name.value, permissions: permissions.value, isActive: body.isActive ?? key.isActive});
    return envelopeResponse(request, true);
  }

  return {
    fetch: async (request, connection = {}) => app.fetch(request, {clientIp: connection.clientIp ?? 'unknown'}),
    close: () => closing.abort(),
  };
}

/** The failure accounts answer before any password check, like the layer in front of a portal would. */
function stagedFailure(request: Request, account: SandboxAccount): Response | undefined {
  switch (account.behaviour) {
    case 'rate-limited':
      // The general rate limiter: no envelope; its headers are not exposed to browsers.
      return new Response(null, {
        status: 429,
        headers: {'Retry-After': '60', 'X-RateLimit-Limit': '1500', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '60'},
      });
    case 'html-error':
      return badGatewayPage();
    case 'server-error':
      return errorResponse(500, 'Object reference not set to an instance of an object.');
    case 'no-token':
      return envelopeResponse(request, {sms: false, tfa: false});
    default:
      return undefined;
  }
}

type Checked<T> = {value: T} | {problem: string};

/** A key's fields from a create body, or what is wrong with them (the 400's message). */
function keyFieldsOf(body: Record<string, unknown>): KeyFields | string {
  const name = nameOf(body.name);
  if ('problem' in name) return name.problem;
  // Omitted: a key without restriction, as `["*"]`.
  const permissions = body.permissions === undefined ? {value: ['*']} : scopesOf(body.permissions);
  if ('problem' in permissions) return permissions.problem;
  const days = body.expiresInDays;
  if (days !== undefined && days !== null && !(Number.isInteger(days) && (days as number) > 0)) return 'expiresInDays must be a whole number of days, 1 or more';
  return {name: name.value, permissions: permissions.value, expiresInDays: (days as number | null | undefined) ?? null};
}

function nameOf(value: unknown): Checked<string> {
  return typeof value === 'string' && value.trim() ? {value: value.trim()} : {problem: 'The API key needs a name'};
}

/** A list of known scopes, each once; an empty list or an unknown scope is refused, naming it. */
function scopesOf(value: unknown): Checked<string[]> {
  if (!Array.isArray(value) || value.length === 0) return {problem: 'permissions must list at least one scope from GET /api/2.0/keys/permissions'};
  const unknown = value.find((scope) => typeof scope !== 'string' || !SANDBOX_SCOPES.includes(scope));
  if (unknown !== undefined) return {problem: `Unknown permission: ${String(unknown).slice(0, 64)}`};
  return {value: [...new Set(value as string[])]};
}

const isAdmin = (account: SandboxAccount) => profileFlags(account).isAdmin === true;
const isGuest = ({account}: Caller) => account.behaviour === 'guest';

/** The sandbox's roles: `demo` owns the portal, a guest is a guest, everyone else a room admin. */
function profileFlags(account: SandboxAccount): Pick<PortalProfile, 'isAdmin' | 'isOwner' | 'isVisitor' | 'isRoomAdmin'> {
  const isOwner = account.behaviour === 'plain';
  const isVisitor = account.behaviour === 'guest';
  return {isAdmin: isOwner, isOwner, isVisitor, isRoomAdmin: !isOwner && !isVisitor};
}

function profileOf(account: SandboxAccount, origin: string): PortalProfile {
  return {
    id: account.id,
    displayName: `${account.firstName} ${account.lastName}`,
    firstName: account.firstName,
    lastName: account.lastName,
    userName: account.userName,
    email: account.email,
    avatar: avatarPath(account, 82),
    avatarSmall: avatarPath(account, 32),
    avatarMedium: avatarPath(account, 48),
    avatarMax: avatarPath(account, 200),
    avatarOriginal: avatarPath(account, 400),
    hasAvatar: true,
    profileUrl: `${origin}/accounts/people/filter?search=${encodeURIComponent(account.email)}`,
    status: 1,
    activationStatus: 1,
    ...profileFlags(account),
    isCollaborator: false,
    isLDAP: false,
    isSSO: false,
    department: '',
    groups: [],
    cultureName: 'en-US',
    theme: 'System',
    mobilePhoneActivationStatus: account.behaviour === 'sms-2fa' ? 1 : 0,
    usedSpace: 0,
    hasPersonalFolder: true,
  };
}

function confirmUrl(origin: string, type: string, account: SandboxAccount): string {
  const key = crypto.randomUUID().replaceAll('-', '');
  return `${origin}/confirm/${type}?type=${type}&email=${encodeURIComponent(account.email)}&key=${key}`;
}

/** The JSON object in the body; an empty body counts as `{}` (and then fails as a missing login). */
async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through to the 400 below.
  }
  return errorResponse(400, 'The request body must be a JSON object');
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function cookieValue(header: string | null, name: string): string | undefined {
  const pair = header?.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name}=`));
  return pair?.slice(name.length + 1) || undefined;
}

function secureFlag(request: Request): string {
  return new URL(request.url).protocol === 'https:' ? '; Secure' : '';
}

function notFound(): Response {
  return errorResponse(404, 'The requested resource was not found');
}

/** Resolves true after `ms`, or false as soon as a signal aborts (client gone or sandbox closing). */
async function pause(ms: number, ...signals: AbortSignal[]): Promise<boolean> {
  const deadline = startDeadline(ms, ...signals);
  await deadline.race(new Promise<never>(() => {})).catch(() => {});
  deadline.dispose();
  return deadline.timedOut();
}
