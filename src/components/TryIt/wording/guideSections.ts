/**
 * Which part of the guide's "When sign-in fails" explains a failure: the panel links its alert
 * there (the panel sits on the guide, so an anchor is enough). The anchors are the guide's heading
 * ids, the same in both locales; tests/unit/tryit/guide-sections.test.ts checks each one exists.
 * Pure, and extracted and inlined like panel.ts (see there).
 */
// Names nothing used here: it is what the string extractor follows to this file's calls (see panel.ts).
import {type translate} from '@docusaurus/Translate';
import type {Exchange} from '../../../docspace';
import type {TryItCall, TryItFailure} from '../state/machine';
import type {Translate} from './panel';

export const GUIDE_SECTIONS = {
  wrongCredentials: '401-authentication-failed',
  disabled: '403-user-disabled',
  lockout: '403-too-many-login-attempts-lockout',
  rateLimit: '429-too-many-requests',
  badGateway: '502-bad-gateway',
  htmlAnswer: 'an-html-page-instead-of-json',
  cors: 'cors-the-browser-blocked-the-answer',
  csp: 'content-security-policy-the-page-may-not-call-the-portal',
  timeout: 'no-answer-in-time-timeout',
  secondFactor: 'when-the-portal-asks-for-a-second-factor',
  anyFailure: 'when-sign-in-fails',
} as const;

export type GuideSection = (typeof GUIDE_SECTIONS)[keyof typeof GUIDE_SECTIONS];

/**
 * Why a portal answered 403, from its own message (English on every portal): "User disabled", or
 * the lockout's "Too many login attempts. Please try again later"; undefined when it said neither.
 * Here, in the failure chunk, not in the client: only a failure alert needs it.
 */
export function forbiddenCause(serverMessage = ''): 'disabled' | 'lockout' | undefined {
  if (/too many/i.test(serverMessage)) return 'lockout';
  return /disabled/i.test(serverMessage) ? 'disabled' : undefined;
}

function isHtml(exchange?: Exchange): boolean {
  return /^\s*</.test(exchange?.response?.body ?? '');
}

/** The guide's anchor for a failure, or none where the guide has nothing more to say than the alert. */
export function guideSectionOf(failure: TryItFailure, call: TryItCall, exchange?: Exchange): GuideSection | undefined {
  switch (failure.kind) {
    case 'http':
      if (failure.status === 401) return call === 'confirm' ? GUIDE_SECTIONS.secondFactor : GUIDE_SECTIONS.wrongCredentials;
      if (failure.status === 403) {
        const cause = forbiddenCause(failure.serverMessage);
        return cause ? GUIDE_SECTIONS[cause] : GUIDE_SECTIONS.anyFailure;
      }
      if (failure.status === 429) return GUIDE_SECTIONS.rateLimit;
      if (failure.status === 502 || failure.status === 504) return GUIDE_SECTIONS.badGateway;
      return isHtml(exchange) ? GUIDE_SECTIONS.htmlAnswer : GUIDE_SECTIONS.anyFailure;
    case 'not-json':
      return GUIDE_SECTIONS.htmlAnswer;
    case 'network':
    case 'mixed-content':
      return GUIDE_SECTIONS.cors;
    case 'blocked-by-csp':
      return GUIDE_SECTIONS.csp;
    case 'proxy-refusal':
      // The proxy tried and found no portal answering, as a gateway in front of the portal would.
      return failure.reason === 'upstream-unreachable' ? GUIDE_SECTIONS.badGateway : undefined;
    case 'timeout':
      return GUIDE_SECTIONS.timeout;
    default:
      return undefined;
  }
}

/** The link's text under a failure. */
export function guideLinkText(translate: Translate): string {
  return translate({
    id: 'tryIt.failure.guideLink',
    message: 'What this failure means, in the guide',
    description: 'Try-it panel, failure alert: link to the part of the guide’s “When sign-in fails” section that explains this failure',
  });
}
