/**
 * Which step of the guide the panel's latest call belongs to, and the mark on that step's heading.
 * The mark is an attribute set on the server's heading (`aria-current="step"`, styled by
 * StepsWithPanel): the static prose never re-renders for it.
 */
import {useEffect} from 'react';
import type {TryItState} from './machine';

/** The guide's heading ids of the steps a call belongs to, the same in both locales (tests/unit/tryit/guide-sections.test.ts). */
export const GUIDE_STEPS = {
  signIn: 'step-1-ask-for-a-token',
  secondFactor: 'when-the-portal-asks-for-a-second-factor',
  self: 'step-3-send-the-token-with-every-call',
  signOut: 'step-4-sign-out',
} as const;

export type GuideStep = (typeof GUIDE_STEPS)[keyof typeof GUIDE_STEPS];

const STEP_OF_CALL = {
  'sign-in': GUIDE_STEPS.signIn,
  confirm: GUIDE_STEPS.secondFactor,
  profile: GUIDE_STEPS.self,
  'sign-out': GUIDE_STEPS.signOut,
} as const;

/** The step of the call the panel made last (or is making); none before the first call or once the token is forgotten. */
export function guideStepOf(state: TryItState): GuideStep | undefined {
  switch (state.name) {
    case 'idle':
      return state.notice === 'signed-out' ? GUIDE_STEPS.signOut : undefined;
    case 'signing-in':
      return GUIDE_STEPS.signIn;
    case 'second-factor':
      return GUIDE_STEPS.secondFactor;
    case 'loading-profile':
      return GUIDE_STEPS.self;
    case 'signed-in':
      return state.pending ? GUIDE_STEPS.signOut : GUIDE_STEPS.self;
    case 'failed':
      return STEP_OF_CALL[state.call];
  }
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
