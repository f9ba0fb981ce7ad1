/**
 * What a reader copies runs as is: the panel's cURL, copied after a sign-in against the sandbox,
 * runs in a shell with DOCSPACE_PASSWORD (and DOCSPACE_TOKEN) set; and no copy button anywhere on
 * the guide, in either locale, puts the mask on the clipboard.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {GUIDE, MASK, closedPort} from './support';

/** The words this test clicks, per locale (from i18n/zh-Hans/code.json for Chinese). */
const LOCALES = [
  {
    locale: 'en',
    path: GUIDE,
    region: /Try it/,
    portal: 'Portal address',
    userName: 'User name',
    password: 'Password',
    sandbox: 'Use the sandbox portal',
    submit: 'Get token',
    curl: 'Copy as cURL',
    copyToken: 'Copy token',
    copyCommand: 'Copy command',
    codeBlockCopy: 'Copy code to clipboard',
  },
  {
    locale: 'zh-Hans',
    path: `/zh-Hans${GUIDE}`,
    region: /试用/,
    portal: '门户地址',
    userName: '用户名',
    password: '密码',
    sandbox: '使用沙盒门户',
    submit: '获取令牌',
    curl: '复制为 cURL',
    copyToken: '复制令牌',
    copyCommand: '复制命令',
    codeBlockCopy: '复制代码到剪贴板',
  },
] as const;
type Words = (typeof LOCALES)[number];

/** Runs a copied command as a reader's shell would, with only the given DOCSPACE_* variables. */
async function runCopied(command: string, variables: Record<string, string>): Promise<{status: number; body: string}> {
  const env: NodeJS.ProcessEnv = {...process.env, ...variables, NO_PROXY: '*'};
  for (const name of ['DOCSPACE_PASSWORD', 'DOCSPACE_TOKEN', 'HTTP_PROXY', 'http_proxy']) if (!(name in variables)) delete env[name];
  // As copied; the status on a line of its own after the answer.
  const {stdout} = await promisify(execFile)('sh', ['-c', `${command} --silent --show-error --write-out '\\n%{http_code}'`], {env, timeout: 30_000});
  const lines = stdout.split('\n');
  return {status: Number(lines.pop()), body: lines.join('\n')};
}

async function openGuide(page: Page, words: Words): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(words.path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
  await expect(page.getByRole('button', {name: words.submit, exact: true})).toBeVisible({timeout: 15_000});
}

/**
 * Clicks a copy button and returns what landed on the clipboard: a marker is put there first, so
 * the poll waits for this click's copy, never reads the previous one.
 */
async function copiedBy(page: Page, click: () => Promise<void>): Promise<string> {
  const marker = `not-copied-${Math.random()}`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), marker);
  await click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(marker);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Every copy button of the page that a reader can see now: the panel's, and each code block's. */
async function copyEveryVisibleButton(page: Page, words: Words): Promise<string[]> {
  const copies: string[] = [];
  const panelButtons = page.getByRole('region', {name: words.region}).getByRole('button', {name: /^(Copy|复制)/});
  for (const button of await panelButtons.all()) copies.push(await copiedBy(page, () => button.click()));
  for (const block of await page.locator('article .theme-code-block:visible').all()) {
    await block.hover();
    copies.push(await copiedBy(page, () => block.getByRole('button', {name: words.codeBlockCopy}).click()));
  }
  return copies;
}

for (const words of LOCALES) {
  test.describe(words.locale, () => {
    test(`${words.locale}: the panel's cURL, copied after a sign-in, runs with DOCSPACE_PASSWORD and DOCSPACE_TOKEN set`, async ({page}) => {
      await openGuide(page, words);
      await page.getByRole('button', {name: words.sandbox}).click();
      await page.getByRole('button', {name: words.submit, exact: true}).click();
      const region = page.getByRole('region', {name: words.region});
      await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible({timeout: 15_000});
      const [signInCurl, selfCurl] = [0, 1].map((index) => region.getByRole('button', {name: words.curl}).nth(index));

      const signIn = await copiedBy(page, () => signInCurl.click());
      expect(signIn).not.toContain(MASK);
      expect(signIn).not.toContain(SANDBOX_PASSWORD);
      expect(signIn).toContain(`'${sandboxUrl}/api/2.0/authentication'`);
      const signedIn = await runCopied(signIn, {DOCSPACE_PASSWORD: SANDBOX_PASSWORD});
      expect(signedIn.status, signedIn.body).toBe(200);
      const {token} = JSON.parse(signedIn.body).response;
      expect(token).toBeTruthy();

      // The token masked on the page: the command takes it from DOCSPACE_TOKEN.
      const self = await copiedBy(page, () => selfCurl.click());
      expect(self).not.toContain(MASK);
      const profile = await runCopied(self, {DOCSPACE_TOKEN: token});
      expect(profile.status, profile.body).toBe(200);
      expect(JSON.parse(profile.body).response.displayName).toBe('Dana Demo');
    });

    test(`${words.locale}: a failure's cURL has a copy button, and what it copies runs`, async ({page}) => {
      await openGuide(page, words);
      // A port nothing listens on: a network failure, whose alert offers the call as cURL.
      await page.getByLabel(words.portal).fill(`http://127.0.0.1:${await closedPort()}`);
      await page.getByLabel(words.userName).fill('demo');
      await page.getByLabel(words.password, {exact: true}).fill(SANDBOX_PASSWORD);
      await page.getByRole('button', {name: words.submit, exact: true}).click();
      const alert = page.getByRole('alert');
      await expect(alert.locator('pre')).toContainText('curl -X POST');
      const copied = await copiedBy(page, () => alert.getByRole('button', {name: words.copyCommand}).click());
      expect(copied).toBe(await alert.locator('pre').last().textContent());
      expect(copied).not.toContain(MASK);
      // Aimed at the sandbox instead, the copied command signs in.
      const {status} = await runCopied(copied.replace(/'http:\/\/127\.0\.0\.1:\d+/, `'${sandboxUrl}`), {DOCSPACE_PASSWORD: SANDBOX_PASSWORD});
      expect(status).toBe(200);
    });

    test(`${words.locale}: no copy button anywhere on the guide copies the mask`, async ({page}) => {
      // Every language tab, both shells, the HTTP responses, the panel after a failure and after a sign-in.
      test.setTimeout(240_000);
      await openGuide(page, words);
      const copies: string[] = [];
      await page.getByLabel(words.portal).fill(`http://127.0.0.1:${await closedPort()}`);
      await page.getByLabel(words.userName).fill('demo');
      await page.getByLabel(words.password, {exact: true}).fill(SANDBOX_PASSWORD);
      await page.getByRole('button', {name: words.submit, exact: true}).click();
      await expect(page.getByRole('alert').getByRole('button', {name: words.copyCommand})).toBeVisible();
      copies.push(...(await copyEveryVisibleButton(page, words)));

      await page.getByRole('button', {name: words.sandbox}).click();
      await page.getByRole('button', {name: words.submit, exact: true}).click();
      const region = page.getByRole('region', {name: words.region});
      await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible({timeout: 15_000});
      const languages = page.locator('article .tabs-container').filter({has: page.getByRole('tab', {name: 'Python', exact: true})}).first();
      const shells = page.locator('article .tabs-container').filter({has: page.getByRole('tab', {name: 'PowerShell', exact: true})}).first();
      const messages = page.locator('article .tabs-container').filter({has: page.locator('[role="tab"]', {hasText: /^(Response|响应)$/})}).first();
      for (const [index, tab] of (await languages.getByRole('tab').all()).entries()) {
        await tab.click();
        // Half the time PowerShell and the responses, so that every block is shown at least once.
        await (await shells.getByRole('tab').all())[index % 2].click();
        await (await messages.getByRole('tab').all())[index % 2].click();
        copies.push(...(await copyEveryVisibleButton(page, words)));
      }
      // Panel buttons (3 after a failure, then 2 cURL and the token) and many code blocks.
      expect(copies.length).toBeGreaterThan(50);
      expect(copies.filter((copy) => copy.includes('••••'))).toEqual([]);
    });
  });
}
