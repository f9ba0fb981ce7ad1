/**
 * Which step of the guide the panel's latest call belongs to, and the mark on that step's heading.
 * The mark is an attribute set on the server's heading (`aria-current="step"`, styled by
 * StepsWithPanel): the static prose never re-renders for it.
 */
import {useEffect} from 'react';
import type {TryItCall, TryItState} from './machine';

/** The guide's heading of each call's step, the same id in both locales (tests/unit/tryit/guide-sections.test.ts). */
export const GUIDE_STEPS = {
  'sign-in': 'step-1-ask-for-a-token',
  confirm: 'when-the-portal-asks-for-a-second-factor',
  profile: 'step-3-send-the-token-with-every-call',
  'sign-out': 'step-4-sign-out',
} as const satisfies Record<TryItCall, string>;

export type GuideStep = (typeof GUIDE_STEPS)[TryItCall];

/** The call the panel made last (or is making); none before the first call or once the token is forgotten. */
function latestCall(state: TryItState): TryItCall | undefined {
  switch (state.name) {
    case 'idle':
      return state.notice === 'signed-out' ? 'sign-out' : undefined;
    case 'signing-in':
      return 'sign-in';
    case 'second-factor':
      return 'confirm';
    case 'loading-profile':
      return 'profile';
    case 'signed-in':
      return state.pending ? 'sign-out' : 'profile';
    case 'failed':
      return state.call;
  }
}

/** The step of the guide the panel's latest call belongs to. */
export function guideStepOf(state: TryItState): GuideStep | undefined {
  const call = latestCall(state);
  return call && GUIDE_STEPS[call];
}

/** Marks the heading of `step` as the current one (`label` is what its badge says), and unmarks it when the step changes. */
export function useGuideStepMark(step: GuideStep | undefined, label: string): void {
  useEffect(() => {
    const heading = step && document.getElementById(step);
    if (!heading) return;
    heading.setAttribute('aria-current', 'step');
    heading.dataset.currentCall = label;
    return () => {
      heading.removeAttribute('aria-current');
      delete heading.dataset.currentCall;
    };
  }, [step, label]);
}
