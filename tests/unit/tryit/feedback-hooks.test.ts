import '../support/dom';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {act, renderHook} from '@testing-library/react';
import {useCopy} from '../../../src/components/TryIt/state/useCopy';

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
