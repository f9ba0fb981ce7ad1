import assert from 'node:assert/strict';
import {setTimeout as sleep} from 'node:timers/promises';
import {test} from 'node:test';
import {startDeadline} from '../../../src/docspace/deadline';

const never = () => new Promise<never>(() => {});

test('when the time is up the signal aborts with a TimeoutError and race rejects, even for work that ignores the signal', async () => {
  const deadline = startDeadline(10);
  await assert.rejects(deadline.race(never()), {name: 'TimeoutError'});
  assert.equal(deadline.signal.aborted, true);
  assert.equal(deadline.timedOut(), true);
  deadline.dispose();
});

test('a linked signal ends it sooner with its own reason, and that is not a timeout', async () => {
  const caller = new AbortController();
  const deadline = startDeadline(10_000, undefined, caller.signal);
  const raced = deadline.race(never());
  caller.abort(new Error('cancelled by the reader'));
  await assert.rejects(raced, /cancelled by the reader/);
  assert.equal(deadline.timedOut(), false);
  deadline.dispose();
});

test('a signal that is already aborted ends it at once', async () => {
  const gone = AbortSignal.abort(new Error('client gone'));
  const deadline = startDeadline(10, gone);
  assert.equal(deadline.signal.aborted, true);
  await assert.rejects(deadline.race(never()), /client gone/);
  await sleep(30);
  assert.equal(deadline.timedOut(), false, 'the timer does not count once a signal ended it');
  deadline.dispose();
});

test('work that settles in time settles the race; after dispose neither the timer nor a linked signal ends it', async () => {
  const caller = new AbortController();
  const deadline = startDeadline(20, caller.signal);
  assert.equal(await deadline.race(Promise.resolve('answer')), 'answer');
  deadline.dispose();
  caller.abort();
  await sleep(40);
  assert.equal(deadline.signal.aborted, false);
  assert.equal(deadline.timedOut(), false);
});
