/**
 * What the try-it panel says when a call fails: a headline, the account of the call, and what to do.
 * Its own module, so the widget's chunk loads none of it until a call fails (Failure is lazy).
 * Pure like panel.ts, and extracted and inlined the same way (see there).
 */
// Names nothing used here: it is what the string extractor follows to this file's calls (see panel.ts).
import {type translate} from '@docusaurus/Translate';
import {LOCKOUT} from '../../../docspace/contract';
import type {DocSpaceFailure, Exchange} from '../../../docspace';
import type {Route, TryItCall, TryItFailure} from '../state/machine';
import {createAddressText} from './address';
import {forbiddenCause} from './guideSections';
import type {Translate} from './panel';

interface FailureText {
  /** One sentence: what happened. */
  title: string;
  /** The account of the call: method, URL, status and the server's words. */
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
  /** The failed call's exchange: its method and URL name the call in the account of it. */
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

/** The failure wording in one locale. */
export function createFailureText(translate: Translate) {
  const FAILURE = {
    resendThroughProxy: translate({id: 'tryIt.failure.resendThroughProxy', message: 'Send through this site’s proxy', description: 'Try-it panel, failure alert: button that sends the same call again through this site’s server'}),
    curl: translate({id: 'tryIt.failure.curl', message: 'The same call with cURL. It takes the password and the token from $DOCSPACE_PASSWORD and $DOCSPACE_TOKEN: set them in your terminal first.', description: 'Try-it panel, failure alert: introduces a cURL command to run in a terminal; instead of the secrets it names the shell variables $DOCSPACE_PASSWORD and $DOCSPACE_TOKEN (keep the names as they are)'}),
    copyCurl: translate({id: 'tryIt.failure.copyCurl', message: 'Copy command', description: 'Try-it panel, failure alert: button that copies the cURL command shown above it'}),
    copied: translate({id: 'tryIt.failure.copied', message: 'Command copied.', description: 'Try-it panel, failure alert: confirmation after the cURL command was copied'}),
    copyRefused: translate({id: 'tryIt.failure.copyRefused', message: 'The browser did not allow copying: select the command and copy it by hand.', description: 'Try-it panel, failure alert: the browser refused clipboard access'}),
  };

  const WHAT: Record<TryItCall, string> = {
    'sign-in': translate({id: 'tryIt.failure.what.signIn', message: 'Getting a token', description: 'Try-it panel, failure alert: the call that failed, as {what} in “{what} failed…” or “{what} did not work…”'}),
    confirm: translate({id: 'tryIt.failure.what.confirm', message: 'Confirming the code', description: 'Try-it panel, failure alert: the call that failed, as {what}: sending the second-factor code'}),
    profile: translate({id: 'tryIt.failure.what.profile', message: 'Reading your profile (GET /people/@self)', description: 'Try-it panel, failure alert: the call that failed, as {what}; keep “GET /people/@self” as is'}),
    'sign-out': translate({id: 'tryIt.failure.what.signOut', message: 'Signing out', description: 'Try-it panel, failure alert: the call that failed, as {what}: the sign-out'}),
  };

  const ADDRESS = createAddressText(translate);

  /** What to do about each refusal of this site's proxy; a reason not listed gets the general advice. */
  const PROXY_ADVICE: Record<string, string> = {
    'insecure-target': translate({
      id: 'tryIt.failure.proxy.insecureTarget',
      message: 'This site’s proxy relays only to https:// portals. Use the portal’s https:// address, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: this site’s proxy refused an http:// portal; “browser → portal” is the route switch’s wording',
    }),
    'address-not-allowed': translate({
      id: 'tryIt.failure.proxy.addressNotAllowed',
      message:
        'This site’s proxy does not connect to private, loopback or reserved addresses. Use the portal’s public address, or switch the route to browser → portal if the portal is on your own network.',
      description: 'Try-it panel, failure alert: this site’s proxy refused a private, loopback or reserved network address',
    }),
    'host-not-allowed': translate({
      id: 'tryIt.failure.proxy.hostNotAllowed',
      message: 'This site’s proxy relays only to the portals its operator listed. Switch the route to browser → portal, or run the cURL command below from a terminal.',
      description: 'Try-it panel, failure alert: this site’s proxy serves only a list of portals, and this one is not on it',
    }),
    'port-not-allowed': translate({
      id: 'tryIt.failure.proxy.portNotAllowed',
      message: 'This site’s proxy relays only to the standard https port. Use the portal’s address without a port, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: this site’s proxy refused a portal on a non-standard port',
    }),
    'upstream-unreachable': translate({
      id: 'tryIt.failure.proxy.upstreamUnreachable',
      message: 'The portal may be down, or out of reach of this site’s server (on a private network, say). Check the address, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: this site’s proxy could not connect to the portal',
    }),
    'upstream-timeout': translate({
      id: 'tryIt.failure.proxy.upstreamTimeout',
      message: 'The portal may have received the call; nothing was retried. Try again later, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: the portal did not answer this site’s proxy in time',
    }),
    'upstream-redirect': translate({
      id: 'tryIt.failure.proxy.upstreamRedirect',
      message: 'The proxy never follows redirects. Check the address: use the one the portal shows in your browser.',
      description: 'Try-it panel, failure alert: the portal answered this site’s proxy with a redirect, which it never follows',
    }),
    'rate-limited': translate({
      id: 'tryIt.failure.proxy.rateLimited',
      message: 'Too many calls went through this site’s proxy. Wait a minute, then try again, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: this reader sent too many calls through this site’s proxy in a minute',
    }),
    'portal-rate-limited': translate({
      id: 'tryIt.failure.proxy.portalRateLimited',
      message: 'Too many calls went through this site’s proxy to this portal. Wait a minute, then try again, or switch the route to browser → portal.',
      description: 'Try-it panel, failure alert: all readers together sent too many calls to this portal through the proxy',
    }),
  };

  /** The proxy's answers when it tried the portal, so did not refuse: what happened there ({status}: the proxy's). */
  const PROXY_TRIED: Record<string, (status: number) => string> = {
    'upstream-unreachable': (status) =>
      translate({id: 'tryIt.failure.proxy.upstreamUnreachableTitle', message: 'This site’s proxy could not reach the portal ({status}, upstream-unreachable).', description: 'Try-it panel, failure alert headline: this site’s proxy tried and could not connect to the portal; {status} is an HTTP status; keep upstream-unreachable'}, {status}),
    'upstream-timeout': (status) =>
      translate({id: 'tryIt.failure.proxy.upstreamTimeoutTitle', message: 'The portal did not answer this site’s proxy in time ({status}, upstream-timeout).', description: 'Try-it panel, failure alert headline: the portal did not answer this site’s proxy in time; {status} is an HTTP status; keep upstream-timeout'}, {status}),
    'upstream-redirect': (status) =>
      translate({id: 'tryIt.failure.proxy.upstreamRedirectTitle', message: 'The portal answered this site’s proxy with a redirect ({status}, upstream-redirect).', description: 'Try-it panel, failure alert headline: the portal answered this site’s proxy with a redirect; {status} is an HTTP status; keep upstream-redirect'}, {status}),
  };

  /** The portal's lockout rule, said as it nears: from the 4th failure, what the next one does. */
  function lockoutAdvice(failures = 0): string {
    if (failures >= LOCKOUT.failures) {
      return translate({
        id: 'tryIt.failure.lockout.locked',
        message: 'That makes five failures for this login within a minute: the portal now locks it for a minute, even with the right password.',
        description: 'Try-it panel, failure alert after a wrong password: the fifth failure within a minute, so the portal now locks the login',
      });
    }
    if (failures === LOCKOUT.failures - 1) {
      return translate({
        id: 'tryIt.failure.lockout.next',
        message: 'That is the 4th failure for this login within a minute: one more locks it for a minute, even with the right password.',
        description: 'Try-it panel, failure alert after a wrong password: the fourth failure within a minute; the next one locks the login',
      });
    }
    return translate({
      id: 'tryIt.failure.lockout.rule',
      message: 'After five failures within a minute the portal locks this login for a minute, even with the right password.',
      description: 'Try-it panel, failure alert after a wrong password: the portal’s lockout rule (5 failures in a minute lock the login for a minute)',
    });
  }

  function httpText({status, serverMessage = ''}: Extract<DocSpaceFailure, {kind: 'http'}>, call: TryItCall, loginFailures?: number): Pick<FailureText, 'title' | 'advice'> {
    const notWorked = () => translate({id: 'tryIt.failure.http.other', message: '{what} did not work: the portal answered HTTP {status}.', description: 'Try-it panel, failure alert headline: {what} is one of the “what” strings (such as “Getting a token”), {status} an HTTP status number'}, {what: WHAT[call], status});
    if (status === 401) {
      if (call === 'sign-in') {
        return {
          title: translate({id: 'tryIt.failure.http.401.signIn', message: 'Wrong user name or password (401).', description: 'Try-it panel, failure alert headline: the sign-in was refused with HTTP 401; keep the number'}),
          advice: [translate({id: 'tryIt.failure.http.401.signInAdvice', message: 'Check both (the user name is usually the email address) and try again.', description: 'Try-it panel, failure alert: advice after a refused sign-in'}), lockoutAdvice(loginFailures)],
        };
      }
      if (call === 'confirm') {
        return {
          title: translate({id: 'tryIt.failure.http.401.confirm', message: 'The code is wrong or has expired (401).', description: 'Try-it panel, failure alert headline: the second-factor code was refused with HTTP 401; keep the number'}),
          advice: [translate({id: 'tryIt.failure.http.401.confirmAdvice', message: 'Codes expire quickly: enter the current one and try again.', description: 'Try-it panel, failure alert: advice after a refused second-factor code'})],
        };
      }
      return {
        title: translate({id: 'tryIt.failure.http.401.token', message: 'The portal no longer accepts this token (401).', description: 'Try-it panel, failure alert headline: a call made with the token was refused with HTTP 401; keep the number'}),
        advice: [translate({id: 'tryIt.failure.http.401.tokenAdvice', message: 'It may have expired or been revoked, for example by signing out. Sign in again for a new one.', description: 'Try-it panel, failure alert: advice when the portal no longer accepts the token'})],
      };
    }
    if (status === 403) {
      const cause = forbiddenCause(serverMessage);
      if (cause === 'lockout') {
        return {
          title: translate({id: 'tryIt.failure.http.403.lockedTitle', message: 'This login is locked after too many failed attempts (403).', description: 'Try-it panel, failure alert headline: the portal answered HTTP 403 because the login is locked after too many failed sign-ins; keep the number'}),
          advice: [
            translate({id: 'tryIt.failure.http.403.locked', message: 'The portal refuses it for a minute, even with the right password. Wait a minute, then try again.', description: 'Try-it panel, failure alert: the portal locked the login after too many failed sign-ins'}),
          ],
        };
      }
      if (cause === 'disabled') {
        return {
          title: translate({id: 'tryIt.failure.http.403.disabledTitle', message: 'This account is disabled (403).', description: 'Try-it panel, failure alert headline: the portal answered HTTP 403 because the user is disabled; keep the number'}),
          advice: [translate({id: 'tryIt.failure.http.403.disabled', message: 'The right password does not help: an administrator of the portal can enable it again.', description: 'Try-it panel, failure alert: the portal said the user is disabled'})],
        };
      }
      return {
        title: translate({id: 'tryIt.failure.http.403', message: 'The portal refused (403).', description: 'Try-it panel, failure alert headline: the portal answered HTTP 403 without saying why; keep the number'}),
        advice: [translate({id: 'tryIt.failure.http.403.either', message: 'The account may be disabled, or locked for a minute after repeated failed sign-ins.', description: 'Try-it panel, failure alert: a 403 whose reason the portal did not say: a disabled account or a lockout'})],
      };
    }
    if (status === 404) {
      return {
        title: notWorked(),
        advice: [translate({id: 'tryIt.failure.http.404Advice', message: 'The portal has no such API at this address. Check that the address is your DocSpace portal.', description: 'Try-it panel, failure alert: advice after HTTP 404, which means the address is probably not a DocSpace portal'})],
      };
    }
    if (status === 429) {
      return {
        title: translate({id: 'tryIt.failure.http.429', message: 'Too many requests (429).', description: 'Try-it panel, failure alert headline: the portal answered HTTP 429 (its general rate limit); keep the number'}),
        advice: [translate({id: 'tryIt.failure.http.429Advice', message: 'The portal asks to slow down. Wait a minute, then try again.', description: 'Try-it panel, failure alert: advice after HTTP 429'})],
      };
    }
    if (status >= 500) {
      return {
        title: translate({id: 'tryIt.failure.http.5xx', message: 'The portal failed with HTTP {status}.', description: 'Try-it panel, failure alert headline: the portal failed; {status} is an HTTP status number from 500 to 599'}, {status}),
        advice: [translate({id: 'tryIt.failure.http.5xxAdvice', message: 'Try again later; if it keeps failing, the portal’s administrator can check its logs.', description: 'Try-it panel, failure alert: advice after a server error of the portal'})],
      };
    }
    return {title: notWorked(), advice: []};
  }

  /**
   * The account of the call, from the failure's fields, as the client's English `message` says it:
   * "POST https://…/api/2.0/authentication answered 403: “User disabled”."
   */
  function describeCall(failure: TryItFailure, exchange?: Exchange): string | undefined {
    if (!exchange) return undefined;
    const call = `${exchange.request.method} ${exchange.request.url}`;
    switch (failure.kind) {
      case 'http': {
        const said = failure.serverMessage?.replace(/\.$/, '');
        return said
          ? translate({id: 'tryIt.failure.call.answeredSaying', message: '{call} answered {status}: “{said}”.', description: 'Try-it panel, failure alert: the account of the call; {call} is the method and URL, {status} the HTTP status, {said} the portal’s own (English) message, all kept as they are'}, {call, status: failure.status, said})
          : translate({id: 'tryIt.failure.call.answered', message: '{call} answered {status}.', description: 'Try-it panel, failure alert: the account of the call; {call} is the method and URL, {status} the HTTP status'}, {call, status: failure.status});
      }
      case 'proxy-refusal': {
        const said = failure.proxyMessage?.replace(/\.$/, '');
        const values = {call, status: failure.status, reason: failure.reason};
        return said
          ? translate({id: 'tryIt.failure.call.proxyAnsweredSaying', message: 'The proxy answered {call} with {status} ({reason}): “{said}”.', description: 'Try-it panel, failure alert: this site’s proxy answered the call itself (a refusal, or the portal out of reach); {call} is the method and URL, {status} the HTTP status, {reason} a code such as insecure-target, {said} the proxy’s English message'}, {...values, said})
          : translate({id: 'tryIt.failure.call.proxyAnswered', message: 'The proxy answered {call} with {status} ({reason}).', description: 'Try-it panel, failure alert: this site’s proxy answered the call itself (a refusal, or the portal out of reach); {call} is the method and URL, {status} the HTTP status, {reason} a code such as insecure-target'}, values);
      }
      case 'too-large':
        return translate(
          {id: 'tryIt.failure.call.tooLarge', message: '{call} answered {status} with more than {megabytes} MB; reading stopped there.', description: 'Try-it panel, failure alert: the account of the call; {call} is the method and URL, {status} the HTTP status, {megabytes} a number'},
          {call, status: failure.status, megabytes: failure.maxBytes / 1024 / 1024},
        );
      case 'unexpected-answer': {
        const values = {call, status: failure.status};
        if (failure.lacking === 'profile') return translate({id: 'tryIt.failure.call.noProfile', message: '{call} answered {status} without a profile.', description: 'Try-it panel, failure alert: the account of the call, whose answer had no profile; {call} is the method and URL, {status} the HTTP status'}, values);
        if (failure.lacking === 'token') return translate({id: 'tryIt.failure.call.noToken', message: '{call} answered {status} without a token.', description: 'Try-it panel, failure alert: the account of the call, whose answer had no token; {call} is the method and URL, {status} the HTTP status'}, values);
        return translate({id: 'tryIt.failure.call.noTokenNoSecondFactor', message: '{call} answered {status} without a token and without asking for a second factor.', description: 'Try-it panel, failure alert: the account of the sign-in, whose answer had neither a token nor a request for a second factor'}, values);
      }
      default:
        return undefined;
    }
  }

  function describeFailure(failure: TryItFailure, {call, route, hasProxy, exchange, loginFailures}: FailureContext): FailureText {
    const body = exchange?.response?.body ?? '';
    const detail = describeCall(failure, exchange);
    switch (failure.kind) {
      // The panel says this at the address field and sends nothing; the client refuses such an address too.
      case 'invalid-address':
        return {title: translate({id: 'tryIt.failure.address', message: 'This portal address does not work.', description: 'Try-it panel, failure alert headline: the portal address typed in the form cannot be used (nothing was sent)'}), advice: [ADDRESS[failure.problem]], offerCurl: false};
      case 'blocked-by-csp':
        return {
          title: translate({id: 'tryIt.failure.csp', message: 'This site’s Content-Security-Policy blocked the call to {origin}.', description: 'Try-it panel, failure alert headline: the page’s own Content-Security-Policy (connect-src) forbade the call; {origin} is the portal’s origin; keep Content-Security-Policy'}, {origin: failure.origin}),
          advice: [
            translate({
              id: 'tryIt.failure.csp.notSent',
              message: 'The browser did not send it: this is not CORS, and not a portal that is down. This site allows calls only to https:// portals and to the origins its operator added.',
              description: 'Try-it panel, failure alert: after a call this page’s Content-Security-Policy blocked; the browser never sent it',
            }),
            translate(
              {
                id: 'tryIt.failure.csp.allow',
                message: 'Use the portal’s https:// address. If you run this site yourself (for a portal on your own network, say), start it with the portal’s origin in CSP_EXTRA_ORIGINS, for example CSP_EXTRA_ORIGINS={origin} npm run serve.',
                description: 'Try-it panel, failure alert: how to allow the portal: its https address, or the site server’s setting CSP_EXTRA_ORIGINS; keep CSP_EXTRA_ORIGINS, npm run serve and {origin} as they are',
              },
              {origin: failure.origin},
            ),
          ],
          offerCurl: true,
        };
      case 'mixed-content':
        return {
          title: translate({id: 'tryIt.failure.mixedContent', message: 'This page is served over https, and the portal address is http://.', description: 'Try-it panel, failure alert headline: this page is https and the portal is http, which browsers block'}),
          advice: [
            translate({
              id: 'tryIt.failure.mixedContentAdvice',
              message: 'Browsers block such calls before anything is sent (mixed content). Use the portal’s https:// address, or run the cURL command below from a terminal.',
              description: 'Try-it panel, failure alert: explains the mixed-content block; the request was never sent',
            }),
          ],
          offerCurl: true,
        };
      case 'network':
        return route === 'proxy'
          ? {
              title: translate({id: 'tryIt.failure.network.proxy', message: 'No answer came back through this site’s proxy.', description: 'Try-it panel, failure alert headline: a call through this site’s server got no answer'}),
              advice: [
                translate({
                  id: 'tryIt.failure.network.proxyAdvice',
                  message: 'The site’s server may be down, or it could not reach the portal. The cURL command below tries the portal from your own machine.',
                  description: 'Try-it panel, failure alert: advice when a call through this site’s server got no answer',
                }),
              ],
              offerCurl: true,
            }
          : {
              title: translate({id: 'tryIt.failure.network', message: '{what} failed: no answer from the portal reached this page.', description: 'Try-it panel, failure alert headline: a direct call got no readable answer; {what} is one of the “what” strings'}, {what: WHAT[call]}),
              advice: [
                translate({
                  id: 'tryIt.failure.network.cannotTell',
                  message:
                    'A browser cannot tell which of these happened: the portal is down or unreachable from here, or it answered without allowing this site to read the answer (CORS).',
                  description: 'Try-it panel, failure alert: a browser cannot tell a portal that is down from one that blocks this site (CORS)',
                }),
                translate({
                  id: 'tryIt.failure.network.cors',
                  message: 'If the portal is yours, its CORS setting (core.cors, “*” on self-hosted portals by default) must allow this site.',
                  description: 'Try-it panel, failure alert: where a portal owner allows this site; keep core.cors and “*” as they are',
                }),
                hasProxy
                  ? translate({
                      id: 'tryIt.failure.network.proxyOrCurl',
                      message: 'You can also send the call through this site’s proxy, or run the cURL command below from a terminal, where CORS does not apply.',
                      description: 'Try-it panel, failure alert: the two ways around CORS, the proxy button above and the cURL command below',
                    })
                  : translate({id: 'tryIt.failure.network.curl', message: 'You can also run the cURL command below from a terminal, where CORS does not apply.', description: 'Try-it panel, failure alert: the way around CORS on a site without a proxy: the cURL command below'}),
              ],
              offerCurl: true,
            };
      case 'timeout':
        return {
          title: translate({id: 'tryIt.failure.timeout', message: 'The portal did not answer within {seconds} seconds.', description: 'Try-it panel, failure alert headline: the portal did not answer in time; {seconds} is a number'}, {seconds: Math.round(failure.timeoutMs / 1000)}),
          advice: [translate({id: 'tryIt.failure.timeoutAdvice', message: 'Nothing was retried. The portal may be overloaded or the address may point to the wrong server.', description: 'Try-it panel, failure alert: after a timeout; the panel never resends by itself'})],
          offerCurl: true,
        };
      case 'cancelled':
        return {
          title: translate({id: 'tryIt.failure.cancelled', message: 'Cancelled.', description: 'Try-it panel, failure alert headline: the reader pressed Cancel'}),
          advice: [translate({id: 'tryIt.failure.cancelledAdvice', message: 'The request may already have reached the portal; nothing was resent.', description: 'Try-it panel, failure alert: after Cancel; the portal may still have received the call'})],
          offerCurl: false,
        };
      case 'proxy-refusal': {
        const tried = PROXY_TRIED[failure.reason];
        if (tried) return {title: tried(failure.status), detail, advice: [PROXY_ADVICE[failure.reason]], offerCurl: true};
        return {
          title: translate({id: 'tryIt.failure.proxyRefusal', message: 'This site’s proxy refused to pass the call on ({status}, {reason}).', description: 'Try-it panel, failure alert headline: this site’s proxy refused to relay the call; {status} is an HTTP status, {reason} a code such as insecure-target'}, {status: failure.status, reason: failure.reason}),
          detail,
          advice: [
            translate({id: 'tryIt.failure.proxyRefusal.notSeen', message: 'The portal never saw this call.', description: 'Try-it panel, failure alert: after a refusal of this site’s proxy; the portal was never reached'}),
            PROXY_ADVICE[failure.reason] ??
              translate({id: 'tryIt.failure.proxy.general', message: 'Switch the route to browser → portal, or run the cURL command below from a terminal.', description: 'Try-it panel, failure alert: advice for a refusal of this site’s proxy that has no advice of its own'}),
          ],
          offerCurl: true,
        };
      }
      case 'http': {
        const text: FailureText = {...httpText(failure, call, loginFailures), detail, offerCurl: false};
        // An error page from a gateway in front of the portal says more than the status alone.
        if (failure.serverMessage || !body.trim() || isJson(body)) return text;
        const bodyStart = body.slice(0, BODY_START);
        const notJson = translate({id: 'tryIt.failure.http.notJson', message: 'The answer is not JSON. It starts with:', description: 'Try-it panel, failure alert: introduces the first characters of an error page that is not JSON, shown below it'});
        if (failure.status === 502 || failure.status === 504) {
          return {
            ...text,
            title: translate({id: 'tryIt.failure.http.gateway', message: 'A gateway in front of the portal failed (HTTP {status}).', description: 'Try-it panel, failure alert headline: a 502 or 504 error page (not JSON) from a web server or load balancer in front of the portal; {status} is the HTTP status'}, {status: failure.status}),
            advice: [
              translate({
                id: 'tryIt.failure.http.gatewayAdvice',
                message: 'Such a page comes from a web server or load balancer in front of the portal, not from DocSpace: it got no answer from the portal behind it. Try again later; if it keeps failing, the portal’s administrator can check the gateway and the portal.',
                description: 'Try-it panel, failure alert: after a 502 or 504 error page from a gateway in front of the portal',
              }),
              notJson,
            ],
            bodyStart,
          };
        }
        return {...text, advice: [...text.advice, notJson], bodyStart};
      }
      case 'too-large':
        return {
          title: translate(
            {id: 'tryIt.failure.tooLarge', message: 'The answer is larger than {megabytes} MB, so this page stopped reading it.', description: 'Try-it panel, failure alert headline: the answer was over the size limit; {megabytes} is a number'},
            {megabytes: failure.maxBytes / 1024 / 1024},
          ),
          detail,
          advice: [
            translate({
              id: 'tryIt.failure.tooLargeAdvice',
              message: 'None of these calls has an answer that large: the address is probably not a DocSpace portal. Check the address.',
              description: 'Try-it panel, failure alert: after an answer over the size limit, which no DocSpace portal sends for these calls',
            }),
          ],
          offerCurl: false,
        };
      case 'not-json':
        return {
          title: translate({id: 'tryIt.failure.notJson', message: 'The portal answered HTTP {status}, but not with JSON.', description: 'Try-it panel, failure alert headline: a successful status without JSON; {status} is an HTTP status number'}, {status: failure.status}),
          advice: [
            translate({
              id: 'tryIt.failure.notJsonAdvice',
              message: 'The address may point to a web page rather than a DocSpace portal, or a proxy in between answered instead. The answer starts with:',
              description: 'Try-it panel, failure alert: introduces the first characters of the answer, shown below it',
            }),
          ],
          offerCurl: false,
          bodyStart: failure.bodyStart,
        };
      case 'client-bug':
        return {
          title: translate({id: 'tryIt.failure.clientBug', message: 'The portal answered HTTP {status}, but this page failed to read the answer.', description: 'Try-it panel, failure alert headline: an answer arrived and this page itself failed to read it (a bug in the page); {status} is an HTTP status number'}, {status: failure.status}),
          advice: [
            translate({
              id: 'tryIt.failure.clientBugAdvice',
              message: 'That is a fault in this page, not in your portal or your network. The cURL command below makes the same call from a terminal.',
              description: 'Try-it panel, failure alert: after a fault of this page; the cURL command below repeats the call from a terminal',
            }),
          ],
          offerCurl: true,
        };
      case 'unexpected-answer':
        return {
          title: translate({id: 'tryIt.failure.unexpected', message: 'The portal answered HTTP {status}, but not as expected.', description: 'Try-it panel, failure alert headline: a successful JSON answer without what the call needs; {status} is an HTTP status number'}, {status: failure.status}),
          detail,
          advice: [
            call === 'confirm'
              ? translate({id: 'tryIt.failure.unexpected.confirm', message: 'Sign in again for a new code.', description: 'Try-it panel, failure alert: after an unexpected answer to the second-factor code'})
              : translate({id: 'tryIt.failure.unexpected.address', message: 'Check that the address is your DocSpace portal.', description: 'Try-it panel, failure alert: after an unexpected answer; the address may not be a DocSpace portal'}),
          ],
          offerCurl: false,
        };
    }
  }

  return {FAILURE, describeFailure};
}

