/**
 * The shapes shared by the DocSpace client, the widget, the sandbox and the proxy.
 * Framework-free: nothing here may import React, Docusaurus or Node-only modules.
 */

/** `response` of POST /api/2.0/authentication (and /authentication/{code}) as a portal sends it. */
export interface AuthenticationPayload {
  token?: string;
  expires?: string;
  sms?: boolean;
  tfa?: boolean;
  tfaKey?: string;
  phoneNoise?: string;
  confirmUrl?: string;
}

/** `response` of GET /api/2.0/people/@self (the fields the guide uses; portals send more). */
export interface PortalProfile {
  id: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  userName?: string;
  email?: string;
  avatar?: string;
  avatarSmall?: string;
  avatarMedium?: string;
  avatarMax?: string;
  hasAvatar?: boolean;
  profileUrl?: string;
  /** 1 active, 2 terminated, 4 pending. */
  status?: number;
  /** 0 not activated, 1 activated, 2 pending, 4 auto-generated. */
  activationStatus?: number;
  isAdmin?: boolean;
  isOwner?: boolean;
  isVisitor?: boolean;
  isCollaborator?: boolean;
  isRoomAdmin?: boolean;
  [field: string]: unknown;
}

/** An API key as `GET /api/2.0/keys` lists it: never the secret, only its last characters in `keyPostfix`. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  keyPostfix: string;
  /** Its scopes (`accounts:read`, `*:read`, …); `["*"]` for a key without restriction. */
  permissions: string[];
  /** Portal dates (UTC, seven fractional digits), as `expires` is written. */
  createOn?: string;
  lastUsed?: string;
  /** Absent: valid until deleted. */
  expiresAt?: string;
  isActive: boolean;
}

/** The answer of `POST /api/2.0/keys`: the key with its secret, the only time the secret is sent. */
export interface CreatedApiKey extends ApiKeyInfo {
  /** The full secret, `sk-…`: store it now; the portal never shows it again. */
  key: string;
}

/** A token and when it stops working. `expires: null` means it lives as long as the session. */
export interface AuthToken {
  token: string;
  /** Parsed expiry, or null for a session-bound token (`0001-01-01T00:00:00`). */
  expires: Date | null;
  /** The `expires` string exactly as the portal sent it. */
  expiresRaw: string;
}

/** The portal wants a second factor before it hands out a token. */
export interface SecondFactorStep {
  method: 'app' | 'sms';
  /** True when the authenticator app or phone must first be set up in the portal itself. */
  setupRequired: boolean;
  confirmUrl?: string;
  /** Manual key for an authenticator app that is not set up yet. */
  tfaKey?: string;
  /** The masked phone number an SMS code went to. */
  phoneNoise?: string;
  /** When the SMS code stops working, if the portal said. */
  codeExpires?: Date | null;
}

/** One HTTP request and its answer, redacted, for display and for copy-as-cURL. */
export interface Exchange {
  request: {
    method: string;
    /** The portal URL the call is for (the proxy, when used, is described by `via`). */
    url: string;
    headers: Record<string, string>;
    /** JSON body with the password (and any token) replaced by a mask. */
    body?: string;
  };
  response?: {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
  };
  /** False when the call was stopped before it left the page (mixed content, or cancelled first). */
  sent: boolean;
  /** Milliseconds from sending to having read the body (or failing); 0 when nothing was sent. */
  durationMs: number;
  via: 'direct' | 'proxy';
}

/**
 * Why a call failed. `message` says what happened, naming the method and the portal URL; what a
 * reader should do about it is for the caller to say.
 */
export type DocSpaceFailure =
  | {kind: 'invalid-address'; problem: PortalUrlProblem; message: string}
  /** An https page may not call an http portal: the browser blocks it before sending. */
  | {kind: 'mixed-content'; message: string}
  /**
   * The request never got an answer the page may read: the portal is down, unreachable, sends no
   * CORS headers, or the page's own Content-Security-Policy forbade the call. fetch cannot tell which
   * (the try-it panel tells the policy apart by the browser's `securitypolicyviolation` event).
   */
  | {kind: 'network'; message: string}
  | {kind: 'timeout'; timeoutMs: number; message: string}
  | {kind: 'cancelled'; message: string}
  /** A non-2xx answer; `serverMessage` is the envelope's error.message when there was one. */
  | {kind: 'http'; status: number; serverMessage?: string; message: string}
  /**
   * The proxy's own answer (the call went through the proxy and the answer carries
   * `X-Proxy-Refusal`), not the portal's: a refusal, or the portal out of its reach. `reason` is the
   * proxy's code, such as `insecure-target` or `upstream-unreachable`.
   */
  | {kind: 'proxy-refusal'; status: number; reason: string; proxyMessage?: string; message: string}
  /** An answer larger than `maxBytes`: reading stopped there. */
  | {kind: 'too-large'; status: number; maxBytes: number; message: string}
  /** A 2xx answer that is not JSON; `bodyStart` is its first bytes as text. */
  | {kind: 'not-json'; status: number; bodyStart: string; message: string}
  /** A 2xx JSON answer without what the call needs: `lacking` says what. */
  | {kind: 'unexpected-answer'; status: number; lacking: UnexpectedAnswerLack; message: string}
  /** An answer arrived, and this client failed while reading it: a fault here, never the portal's or the network's. */
  | {kind: 'client-bug'; status: number; message: string};

/** What a 2xx answer lacked: a token, a token or a second-factor request (sign-in), a profile. */
export type UnexpectedAnswerLack = 'token' | 'token-or-second-factor' | 'profile' | 'scopes' | 'key' | 'keys';

export type PortalUrlProblem = 'empty' | 'whitespace' | 'scheme' | 'credentials' | 'host' | 'port';

export type PortalUrlResult =
  | {ok: true; origin: string}
  | {ok: false; problem: PortalUrlProblem; message: string};

/** What every call returns: never throws; `exchange` is absent only when nothing was sent. */
export type CallResult<T> = ({ok: true} & T | {ok: false; error: DocSpaceFailure}) & {
  exchange?: Exchange;
};

export type AuthenticationResult = CallResult<
  {step: 'token'; token: AuthToken} | {step: 'second-factor'; secondFactor: SecondFactorStep}
>;
export type ConfirmCodeResult = CallResult<{step: 'token'; token: AuthToken}>;
export type SelfResult = CallResult<{profile: PortalProfile}>;
export type SignOutResult = CallResult<object>;
export type KeyScopesResult = CallResult<{scopes: string[]}>;
export type CreateKeyResult = CallResult<{key: CreatedApiKey}>;
export type KeyListResult = CallResult<{keys: ApiKeyInfo[]}>;
export type KeyResult = CallResult<{key: ApiKeyInfo}>;
export type KeyChangeResult = CallResult<object>;

/** Options every call takes. */
export interface CallOptions {
  /** What the reader typed; normalised by normalizePortalUrl before anything is sent. */
  portal: string;
  /** Cancels the call (the result is a `cancelled` failure). */
  signal?: AbortSignal;
  /** Default 15 000 ms. */
  timeoutMs?: number;
  /** Route through the site's proxy at this URL (e.g. `https://docs.example.com/portal-proxy`). */
  proxyUrl?: string;
  /** The page's protocol, for mixed-content detection; defaults to `globalThis.location?.protocol`. */
  pageProtocol?: string;
  /** Injected fetch (tests); defaults to globalThis.fetch. */
  fetch?: typeof fetch;
}

/** Options of authenticate: the reader's credentials; `session: true` asks for a session-bound token. */
export interface AuthenticateOptions extends CallOptions {
  userName: string;
  password: string;
  session?: boolean;
}

/** Options of confirmCode: the same credentials plus the code from the app or the SMS. */
export interface ConfirmCodeOptions extends CallOptions {
  userName: string;
  password: string;
  code: string;
}

/**
 * Options of the calls made with a credential (getSelf, signOut, the key calls): the sign-in token,
 * sent bare as the guide shows it, or an API key (`sk-…`), sent as `Bearer sk-…`.
 */
export interface TokenCallOptions extends CallOptions {
  token: string;
}

/** A new key: a name, its scopes (from listKeyScopes) and, optionally, after how many days it expires. */
export interface CreateKeyOptions extends TokenCallOptions {
  name: string;
  /** Omitted: `*`, no restriction. Empty or with a scope the portal does not know: 400. */
  permissions?: string[];
  /** Omitted: valid until deleted. */
  expiresInDays?: number;
}

/** What to change of a key; what is left out stays as it is. */
export interface UpdateKeyOptions extends TokenCallOptions {
  keyId: string;
  name?: string;
  permissions?: string[];
  isActive?: boolean;
}

export interface KeyIdOptions extends TokenCallOptions {
  keyId: string;
}

export type PortalRole = 'owner' | 'admin' | 'room admin' | 'user' | 'guest';

/** A profile's `status` and `activationStatus` as names; undefined for a number DocSpace does not define. */
export interface AccountStatus {
  status?: 'active' | 'terminated' | 'pending';
  activation?: 'not-activated' | 'activated' | 'activation-pending' | 'auto-generated';
}
