/**
 * What the widget says for each failure: precise enough to act on. Pure, so every branch is unit-tested.
 */
import type {DocSpaceFailure, Exchange} from '../../docspace';
import type {Route, TryItCall} from './useTryIt';

export interface FailureText {
  /** One sentence: what happened. */
  title: string;
  /** What it means and what to do, one paragraph each. */
  advice: string[];
  /** Show the exchange's cURL command right in the alert (the reader can run it outside the browser). */
  offerCurl: boolean;
  /** The first bytes of an answer that is not JSON, to show as text. */
  bodyStart?: string;
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

/**
 * A headline for an HTTP error. The advice under it is the client's own message, which already
 * says what the status means for this call and quotes the server.
 */
function statusTitle(status: number, call: TryItCall): string {
  if (status === 401) {
    if (call === 'sign-in') return 'Wrong user name or password (401).';
    if (call === 'confirm') return 'The code is wrong or has expired (401).';
    return 'The portal no longer accepts this token (401).';
  }
  if (status === 403) return 'The portal refused (403).';
  if (status === 429) return 'Too many requests (429).';
  if (status >= 500) return `The portal failed with HTTP ${status}.`;
  return `${WHAT[call]} did not work: the portal answered HTTP ${status}.`;
}

export function describeFailure(
  failure: DocSpaceFailure,
  call: TryItCall,
  route: Route,
  hasProxy: boolean,
  exchange?: Exchange,
): FailureText {
  const body = exchange?.response?.body ?? '';
  switch (failure.kind) {
    case 'invalid-address':
      return {title: 'This portal address does not work.', advice: [failure.message], offerCurl: false};
    case 'mixed-content':
      return {
        title: 'This page is served over https, and the portal address is http://.',
        advice: [
          'Browsers block such calls before anything is sent (mixed content). Use the portal’s https:// address, or run the example from a terminal.',
        ],
        offerCurl: false,
      };
    case 'network':
      return route === 'proxy'
        ? {
            title: 'No answer came back through this site’s proxy.',
            advice: ['The site’s server may be down, or it could not reach the portal. The cURL command below tries the portal from your own machine.'],
            offerCurl: true,
          }
        : {
            title: `${WHAT[call]} got no answer this page may read.`,
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
    case 'http': {
      const text: FailureText = {title: statusTitle(failure.status, call), advice: [failure.message], offerCurl: false};
      // An error page from a gateway in front of the portal says more than the status alone.
      return failure.serverMessage || !body.trim() || isJson(body)
        ? text
        : {...text, advice: [...text.advice, 'The answer is not JSON. It starts with:'], bodyStart: body.slice(0, BODY_START)};
    }
    case 'not-json':
      return {
        title: `The portal answered HTTP ${failure.status}, but not with JSON.`,
        advice: ['The address may point to a web page rather than a DocSpace portal, or a proxy in between answered instead. The answer starts with:'],
        offerCurl: false,
        bodyStart: failure.bodyStart,
      };
    case 'unexpected-answer':
      return {title: `The portal answered HTTP ${failure.status}, but not as expected.`, advice: [failure.message], offerCurl: false};
  }
}
