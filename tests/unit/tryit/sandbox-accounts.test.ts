import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SANDBOX_ACCOUNTS, SANDBOX_CODE} from '../../../servers/sandbox/accounts';
import {createSandboxText, SANDBOX_CODE as PICKER_CODE} from '../../../src/components/TryIt/wording/sandbox';
import {CHINESE_MESSAGES} from '../support/panel-text';

const english = createSandboxText((({message}: {message: string}) => message) as never);

test('the panel’s sandbox picker offers exactly the sandbox’s accounts, in its order', () => {
  assert.deepEqual(Object.keys(english.accounts), SANDBOX_ACCOUNTS.map(({userName}) => userName));
});

test('the picker’s hint gives the code the sandbox accepts', () => {
  assert.equal(PICKER_CODE, SANDBOX_CODE);
  const chinese = createSandboxText((({id}: {id: string}, values?: {code: string}) => CHINESE_MESSAGES[id].message.replace('{code}', values?.code ?? '{code}')) as never);
  assert.match(chinese.hint, new RegExp(`两步验证.*${SANDBOX_CODE}`));
});
