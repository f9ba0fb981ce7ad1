/**
 * What the widget says for each failure: what happened, and what to do about it. The client's own
 * message (which call, what came back) is shown as the detail; every piece of advice is here, once.
 * Pure, so every branch is unit-tested.
 */
import type {DocSpaceFailure, Exchange} from '../../docspace';
import type {Route, TryItCall} from './useTryIt';

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

const LOCKOUT_RULE = 'After five failures within a minute the portal locks this login for a minute, even with the right password.';

function httpText(failure: Extract<DocSpaceFailure, {kind: 'http'}>, call: TryItCall): Pick<FailureText, 'title' | 'advice'> {
  const {status} = failure;
  const said = failure.serverMessage ?? '';
  if (status === 401) {
    if (call === 'sign-in') {
      return {title: 'Wrong user name or password (401).', advice: ['Check both (the user name is usually the email address) and try again.', LOCKOUT_RULE]};
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

export function describeFailure(failure: DocSpaceFailure, {call, route, hasProxy, exchange}: FailureContext): FailureText {
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
      const text: FailureText = {...httpText(failure, call), detail: failure.message, offerCurl: false};
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
