/**
 * What a reader does before the page is hydrated takes effect once it is
 * (plugins/startup/earlyInput.ts): the scripts are held back, the test clicks, presses and types on the server's
 * HTML, then lets the scripts through.
 */
import {expect, test, type Page} from '@playwright/test';
import {ANY_SCRIPT, holdScripts} from './support';

const GUIDES = {
  en: {path: '/docs/get-started/authentication/personal-access-tokens', copy: 'Copy code to clipboard'},
  'zh-Hans': {path: '/zh-Hans/docs/get-started/authentication/personal-access-tokens', copy: '复制代码到剪贴板'},
} as const;

const languageGroups = (page: Page) => page.locator('.tabs-container').filter({has: page.getByRole('tab', {name: 'Node.js', exact: true})});
const selectedTab = (page: Page, group: number) => languageGroups(page).nth(group).getByRole('tab', {selected: true});
const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});

/** Loads `path` with every script held; the page is its server HTML until `release()`. */
async function openUnhydrated(page: Page, path: string): Promise<() => void> {
  const release = await holdScripts(page, ANY_SCRIPT);
  await page.goto(path, {waitUntil: 'domcontentloaded'});
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'false');
  return release;
}

for (const [locale, guide] of Object.entries(GUIDES)) {
  test(`${locale}: a tab click, a copy and typed search text from before hydration all take effect after it`, async ({page, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard?.writeText('')).catch(() => {});
    const release = await openUnhydrated(page, guide.path);

    await languageGroups(page).first().getByRole('tab', {name: 'Node.js', exact: true}).click();
    const request = page.locator('article .theme-code-block').first();
    await request.hover();
    await request.getByRole('button', {name: guide.copy}).click();
    const search = page.locator('input.navbar__search-input');
    await search.click();
    await page.keyboard.type('token');
    // Nothing has happened yet: the page has no code.
    await expect(selectedTab(page, 0)).toHaveText('cURL');

    release();
    await hydrated(page);
    // The click selected Node.js, and every group with the same groupId followed it.
    await expect(selectedTab(page, 0)).toHaveText('Node.js');
    await expect(selectedTab(page, 1)).toHaveText('Node.js');
    await expect(page).toHaveURL(/[?&]lang=node\b/);
    // Remembered for the next visit (the key carries the site's storage namespace).
    const remembered = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('docusaurus.tab.language')).map((key) => localStorage.getItem(key)));
    await expect.poll(remembered).toEqual(['node']);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('POST /api/2.0/authentication');
    await expect(search).toHaveValue('token');
  });
}

test('keys pressed on a tab before hydration take effect after it', async ({page}) => {
  const release = await openUnhydrated(page, GUIDES.en.path);
  const group = languageGroups(page).first();
  await group.getByRole('tab', {name: 'Python', exact: true}).focus();
  await page.keyboard.press('Enter');
  release();
  await hydrated(page);
  await expect(selectedTab(page, 0)).toHaveText('Python');
  await expect(selectedTab(page, 1)).toHaveText('Python');
});

test.describe('on a phone', () => {
  test.use({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true});

  test('the menu button tapped before hydration opens the menu once it is hydrated (once: a second replay would close it)', async ({page}) => {
    const release = await openUnhydrated(page, GUIDES.en.path);
    await page.getByRole('button', {name: 'Toggle navigation bar'}).tap();
    release();
    await hydrated(page);
    await expect(page.locator('.navbar-sidebar')).toBeVisible();
    await expect(page.locator('.navbar-sidebar').getByRole('link', {name: 'Guide'}).first()).toBeVisible();
  });
});

test('the panel’s first keystroke, as soon as its field shows, is kept', async ({page}) => {
  // The panel renders in the browser only: there is no field to type into before hydration.
  await page.goto(GUIDES.en.path, {waitUntil: 'commit'});
  const portal = page.getByLabel('Portal address');
  await portal.click({timeout: 30_000});
  await page.keyboard.type('https://example.onlyoffice.com');
  await expect(portal).toHaveValue('https://example.onlyoffice.com');
  await expect(page.locator('article pre code').first()).toContainText('example.onlyoffice.com');
});
