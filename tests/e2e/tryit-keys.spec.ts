/**
 * The panel's API key part in Chromium, in both locales: sign in to the sandbox, create a key with
 * one scope, see its secret once, use it, list it, revoke it; axe on the panel in each key state;
 * the secret in no storage, URL or console line.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {GUIDE, MASK, axeViolations, openGuide, openHydrated, signIn, widget} from './support';

const CHINESE = JSON.parse(readFileSync(resolve(__dirname, '../../i18n/zh-Hans/code.json'), 'utf8')) as Record<string, {message: string}>;

// Each locale in one colour scheme, so axe sees the key states in both.
const LOCALES = [
  {locale: 'en', prefix: '', colorScheme: 'light'},
  {locale: 'zh-Hans', prefix: '/zh-Hans', colorScheme: 'dark'},
] as const;

/** axe-core on the panel alone, in the state it is in: [] when clean. */
const panelViolations = (page: Page) => axeViolations(page, 'section[aria-label]');

/** A key call straight from the test, as a program would send it. */
const selfWithKey = (secret: string) => fetch(`${sandboxUrl}/api/2.0/people/@self`, {headers: {Authorization: `Bearer ${secret}`}});

for (const {locale, prefix, colorScheme} of LOCALES) {
  /** The panel's string in this locale: the English default, or the Chinese of code.json. */
  const t = (id: string, english: string, values: Record<string, string> = {}) =>
    (locale === 'en' ? english : CHINESE[id]!.message).replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);

  test(`${locale}, ${colorScheme}: sign in, create a key with one scope, see it once, use it, list it, revoke it`, async ({page, context}) => {
    test.setTimeout(180_000);
    await page.emulateMedia({colorScheme});
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await openHydrated(page, `${prefix}${GUIDE}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const region = widget(page).or(page.getByRole('region', {name: /试用/})).first();
    await expect(page.getByRole('button', {name: t('tryIt.form.submit', 'Get token'), exact: true})).toBeVisible({timeout: 15_000});
    await page.getByLabel(t('tryIt.form.portal', 'Portal address')).fill(sandboxUrl);
    await page.getByLabel(t('tryIt.form.userName', 'User name')).fill('demo');
    await page.getByLabel(t('tryIt.form.password', 'Password'), {exact: true}).fill(SANDBOX_PASSWORD);
    await page.getByRole('button', {name: t('tryIt.form.submit', 'Get token'), exact: true}).click();
    await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();

    // The part opens on request: the form, with the portal's scopes and only accounts:read ticked.
    await region.getByRole('button', {name: t('tryIt.token.apiKeys', 'Create an API key for a program')}).click();
    const keys = region.getByRole('region', {name: t('tryIt.keys.title', 'Create an API key for a program')});
    const scope = (name: string) => keys.getByRole('checkbox', {name, exact: true});
    await expect(scope('accounts:read')).toBeChecked();
    for (const other of ['*', '*:read', 'files:write']) await expect(scope(other)).not.toBeChecked();
    await expect(keys.getByLabel(t('tryIt.keys.name', 'Key name'))).toBeFocused();
    expect(await panelViolations(page)).toEqual([]);

    // No name: said at the field, nothing sent.
    await keys.getByRole('button', {name: t('tryIt.keys.create', 'Create key'), exact: true}).click();
    await expect(keys.getByText(t('tryIt.keys.missing.name', 'Give the key a name, such as the program that will use it.'))).toBeVisible();

    const name = `e2e-${locale}-${Date.now()}`;
    await keys.getByLabel(t('tryIt.keys.name', 'Key name')).fill(name);
    await keys.getByLabel(t('tryIt.keys.expiry', 'Expires')).selectOption('7');
    await keys.getByRole('button', {name: t('tryIt.keys.create', 'Create key'), exact: true}).click();

    // The secret once: masked, with the warning; shown on request.
    const secretLine = keys.locator('p', {hasText: t('tryIt.keys.newKey', 'Your new key')});
    await expect(secretLine.locator('code')).toHaveText(MASK);
    await expect(keys.getByText(t('tryIt.keys.warning', 'Copy it now and store it where your program keeps its secrets: the portal will not show it again.'))).toBeVisible();
    await keys.getByRole('button', {name: t('tryIt.keys.show', 'Show key')}).click();
    await expect(secretLine.locator('code')).toHaveText(/^sk-[0-9a-f]{48}$/);
    const secret = (await secretLine.locator('code').textContent())!;
    await keys.getByRole('button', {name: t('tryIt.keys.copy', 'Copy key')}).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await panelViolations(page)).toEqual([]);

    // Use it: from the panel, and from a program.
    await keys.getByRole('button', {name: t('tryIt.keys.tryKey', 'Try the key: GET /keys/@self')}).click();
    await expect(keys.getByText(t('tryIt.keys.worked', 'The key works: the portal knows it as “{name}”.', {name}))).toBeVisible();
    const asProgram = await selfWithKey(secret);
    expect(asProgram.status).toBe(200);
    expect(((await asProgram.json()) as {response: {userName: string}}).response.userName).toBe('demo');

    // Into the examples only when asked: the guide's DOCSPACE_API_KEY block then carries it.
    const useKey = page.locator('article .theme-code-block', {hasText: 'DOCSPACE_API_KEY='});
    await expect(useKey).toContainText("DOCSPACE_API_KEY='yourapikey'");
    await keys.getByLabel(t('tryIt.keys.inExamples', 'Put this key in the examples (DOCSPACE_API_KEY)')).check();
    await expect(useKey).toContainText(`DOCSPACE_API_KEY='${secret}'`);

    // Listed with its postfix, one scope, an expiry and active; never the secret.
    const row = keys.getByRole('row').filter({hasText: name});
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText(`…${secret.slice(-4)}`);
    await expect(row.getByRole('cell').nth(2)).toHaveText('accounts:read');
    await expect(row.getByRole('cell').nth(4)).toHaveText(t('tryIt.keys.yes', 'yes'));
    await expect(row.getByRole('cell').nth(3)).not.toHaveText(t('tryIt.keys.noExpiry', 'never'));

    // Stored: the secret leaves the page, and the examples.
    await keys.getByRole('button', {name: t('tryIt.keys.dismiss', 'I have stored it: hide the key')}).click();
    await expect(secretLine).toHaveCount(0);
    await expect(useKey).toContainText("DOCSPACE_API_KEY='yourapikey'");
    await expect(page.locator('body')).not.toContainText(secret);

    // Revoked: gone from the list, and the portal no longer takes it.
    await row.getByRole('button', {name: t('tryIt.keys.revokeLabel', 'Revoke the key “{name}”', {name})}).click();
    await expect(row).toHaveCount(0);
    expect(await panelViolations(page)).toEqual([]);
    expect((await selfWithKey(secret)).status).toBe(401);

    // Nowhere kept: storage, URL, console.
    const stored = await page.evaluate(() => JSON.stringify([{...localStorage}, {...sessionStorage}]));
    expect(stored).not.toContain(secret);
    expect(page.url()).not.toContain(secret);
    expect(consoleLines.join('\n')).not.toContain(secret);
  });
}

test('a guest is told plainly why keys are refused (403), at the panel', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'guest');
  const region = widget(page);
  await expect(region.getByText('Gale Guest', {exact: true})).toBeVisible();
  await region.getByRole('button', {name: 'Create an API key for a program'}).click();
  // The guest may not even read the scopes: 403, worded.
  await expect(region.getByRole('alert')).toHaveText(/may not use API keys \(403\): guests cannot/);
  expect(await panelViolations(page)).toEqual([]);
});
