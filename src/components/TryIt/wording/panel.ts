/**
 * Every string the try-it panel shows (the shell's two are in shell.ts), so they can be translated
 * in one place. Pure, so every branch of the wording is unit-tested.
 */
import {isSessionExpiry, type AuthToken, type DocSpaceFailure, type Exchange, type SecondFactorStep} from '../../../docspace';
import type {Route, TryItCall, TryItState} from '../state/machine';

export const FORM = {
  proxySwitch: 'Send through this site’s proxy',
  routeLabel: 'Route:',
  route: {direct: 'browser → portal', proxy: 'browser → this site → portal'} satisfies Record<Route, string>,
  proxyNote: '. Your user name, password and token pass through this site’s server.',
  portal: 'Portal address',
  portalPlaceholder: 'yourportal.onlyoffice.com',
  userName: 'User name',
  password: 'Password',
  session: 'Session token (no expiry date of its own)',
  submit: 'Get token',
  sandbox: 'Use the sandbox portal',
  cancel: 'Cancel',
  /** What a field must hold before anything is sent. */
  missing: {
    userName: 'Enter your user name (usually your email address).',
    password: 'Enter your password.',
  },
};

export const STATUS = {
  signingIn: 'Asking the portal for a token…',
  confirming: 'Sending the code…',
  loadingProfile: 'Token received. Reading your profile…',
  signedIn: 'Token received, and the profile it belongs to is below.',
  signingOut: 'Signing out…',
  signedOut: 'Signed out: the portal no longer accepts that token.',
  // No Sign out button is left once the token is gone, so this says nothing of signing out.
  forgotten: 'Token removed from this page. The portal still accepts it until it expires.',
};

/** The status line under the form: what is happening, or what just happened. */
export function describeStatus(state: TryItState): string {
  switch (state.name) {
    case 'signing-in':
      return STATUS.signingIn;
    case 'second-factor':
      return state.confirming ? STATUS.confirming : '';
    case 'loading-profile':
      return STATUS.loadingProfile;
    case 'signed-in':
      return state.signingOut ? STATUS.signingOut : STATUS.signedIn;
    case 'idle':
      return state.notice === 'signed-out' ? STATUS.signedOut : state.notice === 'forgotten' ? STATUS.forgotten : '';
    case 'failed':
      return '';
  }
}

export const TOKEN = {
  label: 'Token:',
  show: 'Show token',
  hide: 'Hide token',
  copy: 'Copy token',
  copied: 'Token copied.',
  copyRefused: 'The browser did not allow copying: show the token and copy it by hand.',
  forget: 'Forget token',
  signOut: 'Sign out',
  inExamples: 'Put my token in the examples',
  rememberInTab: 'Remember for this tab (kept in this tab’s session storage until you close it)',
};

export const PROFILE = {
  call: 'GET /people/@self',
  answered: ' answered: the token works for this user.',
  displayName: 'Display name',
  email: 'Email',
  userName: 'User name',
  role: 'Role',
  status: 'Status',
  empty: '—',
  raw: 'Raw JSON',
};

export const SECOND_FACTOR = {
  code: 'Authentication code',
  confirm: 'Confirm code',
  setupLink: 'Open the set-up page in the portal',
  key: 'Key to enter in the authenticator app by hand:',
};

/** What the second-factor step says above its fields: a heading in bold, then the rest. */
export function describeSecondFactor(step: SecondFactorStep, locale?: string): {lead?: string; text: string} {
  if (step.method === 'sms') {
    if (step.setupRequired) {
      return {
        lead: 'This portal asks this user for a second factor, but a phone for SMS codes is not set up yet.',
        text: 'Set it up in the portal first, then get a token again.',
      };
    }
    const until = step.codeExpires ? ` It works until ${new Intl.DateTimeFormat(locale, {timeStyle: 'short'}).format(step.codeExpires)}.` : '';
    return {text: `The portal sent a code by SMS${step.phoneNoise ? ` to ${step.phoneNoise}` : ''}. Enter it to get the token.${until}`};
  }
  if (step.setupRequired) {
    return {
      lead: 'This portal asks this user for a second factor, but the authenticator app is not set up yet.',
      text: 'Add the portal to your authenticator app with the key below (or on the set-up page), then enter the code the app shows: the first right code activates the app and signs you in.',
    };
  }
  return {text: 'The portal asks for a second factor: enter the code your authenticator app shows.'};
}

export const EXCHANGE = {
  title: 'The HTTP exchange',
  copy: 'Copy as cURL',
  copiedWithToken: 'Copied, with your token.',
  copiedMasked: 'Copied, with the token and password masked.',
  copyRefused: 'The browser did not allow copying.',
  via: {direct: 'direct', proxy: 'via this site’s proxy'} satisfies Record<Exchange['via'], string>,
  noAnswer: '(no answer reached this page)',
  notSent: '(not sent)',
};

/** `POST /api/2.0/authentication · 200 · 45 ms · direct`; a call that never left the page says so instead of a time. */
export function exchangeSummary({request, response, sent, durationMs, via}: Exchange): string {
  const outcome = !sent ? 'not sent' : `${response ? response.status : 'no answer'} · ${durationMs} ms`;
  return `${request.method} ${new URL(request.url).pathname} · ${outcome} · ${EXCHANGE.via[via]}`;
}

export const FAILURE = {
  resendThroughProxy: 'Send through this site’s proxy',
  curl: 'The same call with cURL (password masked: put yours in):',
};

// --- How long a token lives ---------------------------------------------------------------------

const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length in ms, and up to how many of it we count before moving to the next unit
  ['second', 1000, 60],
  ['minute', 60_000, 60],
  ['hour', 3_600_000, 24],
  ['day', 86_400_000, 30],
  ['month', 2_629_746_000, 24],
  ['year', 31_556_952_000, Infinity],
];

/** "in 12 months", "in 3 days", "5 minutes ago". */
export function relativeTime(to: Date, now: Date, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
  const diff = to.getTime() - now.getTime();
  for (const [unit, ms, limit] of UNITS) {
    const amount = Math.round(diff / ms);
    if (Math.abs(amount) < limit) return format.format(amount, unit);
  }
  return format.format(Math.round(diff / UNITS[UNITS.length - 1][1]), 'year');
}

/**
 * "expires 13 August 2027 at 10:15 (in 12 months)"; for a session token, "ends with the session";
 * for an expiry the client could not read, what the portal sent, rather than a guess.
 */
export function describeExpiry({expires, expiresRaw}: Pick<AuthToken, 'expires' | 'expiresRaw'>, now: Date, locale?: string): string {
  if (!expires) {
    return isSessionExpiry(expiresRaw) ? 'ends with the session' : `has an expiry this page cannot read (“${expiresRaw}”)`;
  }
  const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(expires);
  return `expires ${date} (${relativeTime(expires, now, locale)})`;
}

/** "It expires 13 August 2027 at 10:15 (in 12 months)." */
export function describeTokenLife(token: Pick<AuthToken, 'expires' | 'expiresRaw'>, now: Date, locale?: string): string {
  return `It ${describeExpiry(token, now, locale)}.`;
}

// --- What went wrong, and what to do ------------------------------------------------------------

export interface FailureText {
  /** One sentence: what happened. */
  title: string;
  /** The client's account of the call: method, URL, status and the server's words. */
  detail?: string;
  /** What it means and what to do, one paragraph each. */
  advice: string[];
  /** Show the exchange's cURL command right in the alert (the reader can run it outside the browser). */
  offerCurl: boolean;
  /** The first bytes of an answer that is not JSON, to show as text. */
  bodyStart?: string;
}

export interface FailureContext {
  call: TryItCall;
  /** The route the failed call took. */
  route: Route;
  /** Whether this site has a proxy the reader could switch to. */
  hasProxy: boolean;
  exchange?: Exchange;
  /** After a refused password: the failures of this login within a minute, this one included. */
  loginFailures?: number;
}

const BODY_START = 200;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const WHAT: Record<TryItCall, string> = {
  'sign-in': 'Getting a token',
  confirm: 'Confirming the code',
  profile: 'Reading your profile (GET /people/@self)',
  'sign-out': 'Signing out',
};

/** The portal's lockout rule, said as it nears: from the 4th failure, what the next one does. */
function lockoutAdvice(failures = 0): string {
  if (failures >= 5) return 'That makes five failures for this login within a minute: the portal now locks it for a minute, even with the right password.';
  if (failures === 4) return 'That is the 4th failure for this login within a minute: one more locks it for a minute, even with the right password.';
  return 'After five failures within a minute the portal locks this login for a minute, even with the right password.';
}

function httpText(failure: Extract<DocSpaceFailure, {kind: 'http'}>, call: TryItCall, loginFailures?: number): Pick<FailureText, 'title' | 'advice'> {
  const {status} = failure;
  const said = failure.serverMessage ?? '';
  if (status === 401) {
    if (call === 'sign-in') {
      return {title: 'Wrong user name or password (401).', advice: ['Check both (the user name is usually the email address) and try again.', lockoutAdvice(loginFailures)]};
    }
    if (call === 'confirm') return {title: 'The code is wrong or has expired (401).', advice: ['Codes expire quickly: enter the current one and try again.']};
    return {
      title: 'The portal no longer accepts this token (401).',
      advice: ['It may have expired or been revoked, for example by signing out. Sign in again for a new one.'],
    };
  }
  if (status === 403) {
    const advice = /too many/i.test(said)
      ? 'The portal has locked this login after too many failed attempts. Wait a minute, then try again with the right password.'
      : /disabled/i.test(said)
        ? 'This account is disabled. An administrator of the portal can enable it again.'
        : 'The account may be disabled, or locked for a minute after repeated failed sign-ins.';
    return {title: 'The portal refused (403).', advice: [advice]};
  }
  if (status === 404) {
    return {title: `${WHAT[call]} did not work: the portal answered HTTP 404.`, advice: ['The portal has no such API at this address. Check that the address is your DocSpace portal.']};
  }
  if (status === 429) return {title: 'Too many requests (429).', advice: ['The portal asks to slow down. Wait a minute, then try again.']};
  if (status >= 500) {
    return {title: `The portal failed with HTTP ${status}.`, advice: ['Try again later; if it keeps failing, the portal’s administrator can check its logs.']};
  }
  return {title: `${WHAT[call]} did not work: the portal answered HTTP ${status}.`, advice: []};
}

const DIRECT_ROUTE = 'switch the route to browser → portal';

/** What to do about each refusal of this site's proxy; a reason not listed gets the general advice. */
const PROXY_ADVICE: Record<string, string> = {
  'insecure-target': `This site’s proxy relays only to https:// portals. Use the portal’s https:// address, or ${DIRECT_ROUTE}.`,
  'address-not-allowed': `This site’s proxy does not connect to private, loopback or reserved addresses. Use the portal’s public address, or ${DIRECT_ROUTE} if the portal is on your own network.`,
  'host-not-allowed': `This site’s proxy relays only to the portals its operator listed. ${capitalised(DIRECT_ROUTE)}, or run the cURL command below from a terminal.`,
  'port-not-allowed': `This site’s proxy relays only to the standard https port. Use the portal’s address without a port, or ${DIRECT_ROUTE}.`,
  'upstream-unreachable': `The proxy could not reach the portal. Check the address, or ${DIRECT_ROUTE}.`,
  'upstream-timeout': `The portal did not answer the proxy in time. Try again later, or ${DIRECT_ROUTE}.`,
  'upstream-redirect': 'The portal answered the proxy with a redirect, which the proxy never follows. Check the address: use the one the portal shows in your browser.',
  'rate-limited': `Too many calls went through this site’s proxy. Wait a minute, then try again, or ${DIRECT_ROUTE}.`,
  'portal-rate-limited': `Too many calls went through this site’s proxy to this portal. Wait a minute, then try again, or ${DIRECT_ROUTE}.`,
};
const PROXY_GENERAL = `${capitalised(DIRECT_ROUTE)}, or run the cURL command below from a terminal.`;

function capitalised(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

export function describeFailure(failure: DocSpaceFailure, {call, route, hasProxy, exchange, loginFailures}: FailureContext): FailureText {
  const body = exchange?.response?.body ?? '';
  switch (failure.kind) {
    case 'invalid-address':
      return {title: 'This portal address does not work.', advice: [failure.message], offerCurl: false};
    case 'mixed-content':
      return {
        title: 'This page is served over https, and the portal address is http://.',
        advice: ['Browsers block such calls before anything is sent (mixed content). Use the portal’s https:// address, or run the cURL command below from a terminal.'],
        offerCurl: true,
      };
    case 'network':
      return route === 'proxy'
        ? {
            title: 'No answer came back through this site’s proxy.',
            advice: ['The site’s server may be down, or it could not reach the portal. The cURL command below tries the portal from your own machine.'],
            offerCurl: true,
          }
        : {
            title: `${WHAT[call]} failed: no answer from the portal reached this page.`,
            advice: [
              'A browser cannot tell which of these happened: the portal is down or unreachable from here, or it answered without allowing this site to read the answer (CORS).',
              'If the portal is yours, its CORS setting (core.cors, “*” on self-hosted portals by default) must allow this site.',
              `You can also ${hasProxy ? 'send the call through this site’s proxy, or ' : ''}run the cURL command below from a terminal, where CORS does not apply.`,
            ],
            offerCurl: true,
          };
    case 'timeout':
      return {
        title: `The portal did not answer within ${Math.round(failure.timeoutMs / 1000)} seconds.`,
        advice: ['Nothing was retried. The portal may be overloaded or the address may point to the wrong server.'],
        offerCurl: true,
      };
    case 'cancelled':
      return {title: 'Cancelled.', advice: ['The request may already have reached the portal; nothing was resent.'], offerCurl: false};
    case 'proxy-refusal':
      return {
        title: `This site’s proxy refused to pass the call on (${failure.status}, ${failure.reason}).`,
        detail: failure.message,
        advice: ['The portal never saw this call.', PROXY_ADVICE[failure.reason] ?? PROXY_GENERAL],
        offerCurl: true,
      };
    case 'http': {
      const text: FailureText = {...httpText(failure, call, loginFailures), detail: failure.message, offerCurl: false};
      // An error page from a gateway in front of the portal says more than the status alone.
      return failure.serverMessage || !body.trim() || isJson(body)
        ? text
        : {...text, advice: [...text.advice, 'The answer is not JSON. It starts with:'], bodyStart: body.slice(0, BODY_START)};
    }
    case 'too-large':
      return {
        title: `The answer is larger than ${failure.maxBytes / 1024 / 1024} MB, so this page stopped reading it.`,
        detail: failure.message,
        advice: ['None of these calls has an answer that large: the address is probably not a DocSpace portal. Check the address.'],
        offerCurl: false,
      };
    case 'not-json':
      return {
        title: `The portal answered HTTP ${failure.status}, but not with JSON.`,
        advice: ['The address may point to a web page rather than a DocSpace portal, or a proxy in between answered instead. The answer starts with:'],
        offerCurl: false,
        bodyStart: failure.bodyStart,
      };
    case 'unexpected-answer':
      return {
        title: `The portal answered HTTP ${failure.status}, but not as expected.`,
        detail: failure.message,
        advice: [call === 'confirm' ? 'Sign in again for a new code.' : 'Check that the address is your DocSpace portal.'],
        offerCurl: false,
      };
  }
}
