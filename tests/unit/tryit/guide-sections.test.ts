import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {test} from 'node:test';
import {createSlugger} from '@docusaurus/utils';
import {authenticate, confirmCode, getSelf, type DocSpaceFailure, type Exchange, type SecondFactorStep} from '../../../src/docspace';
import {GUIDE_STEPS, guideStepOf} from '../../../src/components/TryIt/state/guideStep';
import {initialTryItState, type TryItState} from '../../../src/components/TryIt/state/machine';
import {GUIDE_SECTIONS, guideSectionOf} from '../../../src/components/TryIt/wording/guideSections';
import {guideLink} from '../support/panel-text';

const GUIDES = {
  en: 'docs/get-started/authentication/personal-access-tokens.mdx',
  'zh-Hans': 'i18n/zh-Hans/docusaurus-plugin-content-docs/current/get-started/authentication/personal-access-tokens.mdx',
};

/** The ids of a guide's headings, as Docusaurus gives them: an explicit {/* #id *\/}, or the slug of the text. */
function headingIds(file: string): string[] {
  const slugger = createSlugger();
  const source = readFileSync(resolve(__dirname, '../../..', file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...source.matchAll(/^#{2,3} (.+)$/gm)].map(([, heading]) => {
    const explicit = /\{\/\* #([\w-]+) \*\/\}\s*$/.exec(heading);
    return explicit ? explicit[1] : slugger.slug(heading.trim());
  });
}

test('every part of the guide the panel links a failure to exists in both locales, under the same anchor', () => {
  for (const [locale, file] of Object.entries(GUIDES)) {
    const ids = headingIds(file);
    for (const section of Object.values(GUIDE_SECTIONS)) assert.ok(ids.includes(section), `${locale}: #${section} in ${ids.join(', ')}`);
  }
});

const PORTAL = 'https://portal.example.com';

/** A failed call to a portal that answers `status` with `body`, as the client reports it. */
async function failed(call: 'sign-in' | 'confirm' | 'profile', status: number, body: string, contentType = 'application/json') {
  const fetch = async () => new Response(body, {status, headers: {'content-type': contentType}});
  const result =
    call === 'sign-in'
      ? await authenticate({portal: PORTAL, userName: 'dana', password: 'secret', fetch})
      : call === 'confirm'
        ? await confirmCode({portal: PORTAL, userName: 'dana', password: 'secret', code: '123456', fetch})
        : await getSelf({portal: PORTAL, token: 't', fetch});
  assert.equal(result.ok, false);
  const {error, exchange} = result as {ok: false; error: DocSpaceFailure; exchange?: Exchange};
  return guideSectionOf(error, call, exchange);
}

const envelope = (status: number, message: string) => JSON.stringify({error: {message}, status: 1, statusCode: status});
const HTML = '<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>';

test('each failure links to the part that explains it', async () => {
  assert.equal(await failed('sign-in', 401, envelope(401, 'User authentication failed')), GUIDE_SECTIONS.wrongCredentials);
  assert.equal(await failed('profile', 401, ''), GUIDE_SECTIONS.wrongCredentials);
  assert.equal(await failed('confirm', 401, envelope(401, 'User authentication failed')), GUIDE_SECTIONS.secondFactor);
  assert.equal(await failed('sign-in', 403, envelope(403, 'User disabled')), GUIDE_SECTIONS.disabled);
  assert.equal(await failed('sign-in', 403, envelope(403, 'Too many login attempts. Please try again later')), GUIDE_SECTIONS.lockout);
  assert.equal(await failed('sign-in', 403, envelope(403, 'Forbidden')), GUIDE_SECTIONS.anyFailure);
  assert.equal(await failed('sign-in', 429, ''), GUIDE_SECTIONS.rateLimit);
  assert.equal(await failed('sign-in', 502, HTML, 'text/html'), GUIDE_SECTIONS.badGateway);
  assert.equal(await failed('sign-in', 500, HTML, 'text/html'), GUIDE_SECTIONS.htmlAnswer);
  assert.equal(await failed('sign-in', 500, envelope(500, 'Internal error')), GUIDE_SECTIONS.anyFailure);
  assert.equal(await failed('sign-in', 200, HTML, 'text/html'), GUIDE_SECTIONS.htmlAnswer);
  assert.equal(guideSectionOf({kind: 'network', message: ''}, 'sign-in'), GUIDE_SECTIONS.cors);
  assert.equal(guideSectionOf({kind: 'mixed-content', message: ''}, 'sign-in'), GUIDE_SECTIONS.cors);
  assert.equal(guideSectionOf({kind: 'timeout', timeoutMs: 15_000, message: ''}, 'sign-in'), GUIDE_SECTIONS.timeout);
  // A call this page's policy blocked is not CORS; a proxy that could not reach the portal is a gateway that failed.
  assert.equal(guideSectionOf({kind: 'blocked-by-csp', origin: 'http://localhost:8092'}, 'sign-in'), GUIDE_SECTIONS.csp);
  assert.equal(guideSectionOf({kind: 'proxy-refusal', status: 502, reason: 'upstream-unreachable', message: ''}, 'sign-in'), GUIDE_SECTIONS.badGateway);
  assert.equal(guideSectionOf({kind: 'proxy-refusal', status: 403, reason: 'insecure-target', message: ''}, 'sign-in'), undefined);
  // Nothing to add to the alert: the reader's own Cancel, and an address the panel refused to send to.
  assert.equal(guideSectionOf({kind: 'cancelled', message: ''}, 'sign-in'), undefined);
  assert.equal(guideSectionOf({kind: 'invalid-address', problem: 'empty', message: ''}, 'sign-in'), undefined);
});

test('the link says where it goes in both locales', () => {
  assert.equal(guideLink('en'), 'What this failure means, in the guide');
  assert.equal(guideLink('zh-Hans'), '指南中对此失败的说明');
});

test('every step heading the panel marks exists in both locales, under the same anchor', () => {
  for (const [locale, file] of Object.entries(GUIDES)) {
    const ids = headingIds(file);
    for (const step of Object.values(GUIDE_STEPS)) assert.ok(ids.includes(step), `${locale}: #${step} in ${ids.join(', ')}`);
  }
});

test('the marked step is the one the latest call belongs to', () => {
  const shared = initialTryItState(false);
  const token = {token: 't', expires: undefined, expiresRaw: '0001-01-01T00:00:00'};
  const credentials = {userName: 'dana', password: 'secret', session: false};
  const step = {method: 'app', setupRequired: false} as unknown as SecondFactorStep;
  const failure: DocSpaceFailure = {kind: 'network', message: ''};
  const at = (state: object) => guideStepOf({...shared, ...state} as TryItState);
  assert.equal(at({}), undefined);
  assert.equal(at({name: 'signing-in', origin: PORTAL, pending: {call: 'sign-in', credentials}}), GUIDE_STEPS['sign-in']);
  assert.equal(at({name: 'failed', call: 'sign-in', error: failure}), GUIDE_STEPS['sign-in']);
  assert.equal(at({name: 'second-factor', origin: PORTAL, step, credentials}), GUIDE_STEPS.confirm);
  assert.equal(at({name: 'failed', call: 'confirm', error: failure}), GUIDE_STEPS.confirm);
  assert.equal(at({name: 'loading-profile', origin: PORTAL, token, pending: {call: 'profile', token}}), GUIDE_STEPS.profile);
  assert.equal(at({name: 'signed-in', origin: PORTAL, token, profile: {}}), GUIDE_STEPS.profile);
  assert.equal(at({name: 'failed', call: 'profile', error: failure, token}), GUIDE_STEPS.profile);
  assert.equal(at({name: 'signed-in', origin: PORTAL, token, profile: {}, pending: {call: 'sign-out', token}}), GUIDE_STEPS['sign-out']);
  assert.equal(at({name: 'idle', notice: 'signed-out'}), GUIDE_STEPS['sign-out']);
  assert.equal(at({name: 'idle', notice: 'forgotten'}), undefined);
});
