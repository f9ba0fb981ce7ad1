import '../support/dom';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {act, renderHook} from '@testing-library/react';
import {useCopy} from '../../../src/components/TryIt/state/useCopy';
import {useSecondsWaited} from '../../../src/components/TryIt/state/useSecondsWaited';

const WORDS = {done: 'Copied.', refused: 'Not allowed.'};

/** The clipboard as the test sets it: accepting or refusing every write. */
function clipboard(accepts: boolean): void {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {writeText: async () => (accepts ? undefined : Promise.reject(new Error('denied')))},
  });
}

test('useCopy: what is said of one subject is never rendered beside the next, not even for one render', async () => {
  clipboard(true);
  const rendered: {subject: string; said: string}[] = [];
  const {result, rerender} = renderHook(
    ({subject}) => {
      const copy = useCopy(subject);
      rendered.push({subject, said: copy.said});
      return copy;
    },
    {initialProps: {subject: 'sign-in call'}},
  );
  await act(async () => result.current.copy('curl …', WORDS));
  assert.equal(result.current.said, 'Copied.');
  rerender({subject: 'sign-out call'});
  const saidOfSignOut = rendered.filter(({subject}) => subject === 'sign-out call').map(({said}) => said);
  assert.ok(saidOfSignOut.length > 0);
  assert.deepEqual(new Set(saidOfSignOut), new Set(['']));
  assert.equal(result.current.said, '');
});

test('useCopy: a copy that finishes after its subject went says nothing; a refusal is said', async () => {
  let finish!: () => void;
  Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: () => new Promise<void>((resolve) => (finish = resolve))}});
  const {result, rerender} = renderHook(({subject}) => useCopy(subject), {initialProps: {subject: 'token 1'}});
  act(() => result.current.copy('t1', WORDS));
  rerender({subject: 'token 2'});
  await act(async () => finish());
  assert.equal(result.current.said, '');

  clipboard(false);
  await act(async () => result.current.copy('t2', WORDS));
  assert.equal(result.current.said, 'Not allowed.');
});

test('useSecondsWaited: counts whole seconds from each call, from 0 again for the next, and stops without one', (t) => {
  t.mock.timers.enable({apis: ['setInterval', 'Date'], now: 1_000_000});
  const rendered: {call?: string; seconds: number}[] = [];
  const {result, rerender} = renderHook(
    ({call}: {call?: {call: string}}) => {
      const seconds = useSecondsWaited(call);
      rendered.push({call: call?.call, seconds});
      return seconds;
    },
    {initialProps: {call: {call: 'sign-in'} as {call: string} | undefined}},
  );
  assert.equal(result.current, 0);
  for (const seconds of [1, 2, 3]) {
    act(() => t.mock.timers.tick(1000));
    assert.equal(result.current, seconds);
  }
  // A new call (a code after the sign-in) shows 0 from its first render, never the last call's 3.
  rerender({call: {call: 'confirm'}});
  act(() => t.mock.timers.tick(1000));
  assert.deepEqual([...new Set(rendered.filter(({call}) => call === 'confirm').map(({seconds}) => seconds))], [0, 1]);
  rerender({call: undefined});
  act(() => t.mock.timers.tick(5000));
  assert.equal(result.current, 0);
});
