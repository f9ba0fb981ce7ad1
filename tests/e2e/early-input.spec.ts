/**
 * What a reader does before the page is hydrated takes effect once it is
 * (plugins/startup/earlyInput.ts): the scripts are held back, the test clicks, presses and types on the server's
 * HTML, then lets the scripts through.
 */
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
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

/**
 * Holds the panel's own chunk (the one script with its words in it) until `release()`: the page
 * hydrates, and the server's sign-in fields stay on screen in the widget's place meanwhile.
 */
async function holdPanelChunk(page: Page, marker: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(ANY_SCRIPT, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(marker)) await held;
    await route.fulfill({response, body});
  });
  return release;
}

const PANEL = {
  en: {portal: 'Portal address', userName: 'User name', password: 'Password', submit: 'Get token', signedIn: 'Token received'},
  'zh-Hans': {portal: '门户地址', userName: '用户名', password: '密码', submit: '获取令牌', signedIn: '已收到令牌'},
} as const;

const EARLY = {
  'before hydration': {locales: ['en', 'zh-Hans'], open: (page: Page, path: string) => openUnhydrated(page, path)},
  'while the panel’s code loads': {
    locales: ['en'],
    open: async (page: Page, path: string) => {
      const release = await holdPanelChunk(page, PANEL.en.submit);
      await page.goto(path);
      await hydrated(page);
      return release;
    },
  },
} as const;

for (const [when, {locales, open}] of Object.entries(EARLY)) {
  for (const locale of locales) {
    test(`${locale}: typed into the sign-in fields ${when}, every character and the cursor carry over, and the sign-in works`, async ({page}) => {
      const words = PANEL[locale];
      const release = await open(page, GUIDES[locale].path);
      // The server's fields, in the widget's place: the widget itself has not loaded.
      await expect(page.getByRole('button', {name: words.submit, exact: true})).toHaveCount(0);
      await page.getByLabel(words.portal).fill(sandboxUrl);
      await page.getByLabel(words.password, {exact: true}).fill(SANDBOX_PASSWORD);
      // The user name last, with the cursor left inside it: "deo", then back one.
      await page.getByLabel(words.userName).pressSequentially('deo');
      await page.keyboard.press('ArrowLeft');
      release();

      const submit = page.getByRole('button', {name: words.submit, exact: true});
      await expect(submit).toBeVisible({timeout: 30_000});
      await expect(page.getByLabel(words.portal)).toHaveValue(sandboxUrl);
      await expect(page.getByLabel(words.password, {exact: true})).toHaveValue(SANDBOX_PASSWORD);
      // The widget's own field has the cursor, where it was: the next key lands between "de" and "o".
      await expect(page.getByLabel(words.userName)).toBeFocused();
      await page.keyboard.type('m');
      await expect(page.getByLabel(words.userName)).toHaveValue('demo');
      await submit.click();
      await expect(page.getByRole('status').filter({hasText: words.signedIn})).toBeVisible({timeout: 15_000});
      // Scripts still on their way when the test ends (search, Prism) must not fail it as the page closes.
      await page.unrouteAll({behavior: 'ignoreErrors'});
    });
  }
}

test('nothing typed early is sent natively: Enter in an early field leaves the page where it is', async ({page}) => {
  const release = await openUnhydrated(page, GUIDES.en.path);
  const requests: string[] = [];
  page.on('request', (request) => request.isNavigationRequest() && requests.push(request.url()));
  await page.getByLabel('User name').fill('demo');
  await page.getByLabel('User name').press('Enter');
  release();
  await expect(page.getByRole('button', {name: 'Get token', exact: true})).toBeVisible({timeout: 30_000});
  await expect(page.getByLabel('User name')).toHaveValue('demo');
  expect(requests).toEqual([]);
  expect(page.url()).not.toContain('demo');
});
