import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, test, type Locator, type Page} from '@playwright/test';
import {EXAMPLES} from '../../src/exampleCommands';
import {GUIDE, asRendered, describeAxeChecks, openHydrated, tabGroupsAfter} from './support';

/** The seven languages of the example tabs: the file "Get a token" shows first, and the step "Call the API" starts with. */
const LANGUAGES = [
  {tab: 'cURL', value: 'curl', program: 'curl/authenticate.sh', title: 'authenticate.sh'},
  {tab: 'Node.js', value: 'node', program: 'node/docspace.mjs', title: 'docspace.mjs'},
  {tab: 'Python', value: 'python', program: 'python/docspace.py', title: 'docspace.py'},
  {tab: 'C#', value: 'csharp', program: 'csharp/DocSpace.cs', title: 'DocSpace.cs'},
  {tab: 'PHP', value: 'php', program: 'php/docspace.php', title: 'docspace.php'},
  {tab: 'Java', value: 'java', program: 'java/DocSpace.java', title: 'DocSpace.java'},
  {tab: 'Go', value: 'go', program: 'go/docspace/main.go', title: 'docspace/main.go'},
] as const;

function exampleText(relativePath: string): string {
  return readFileSync(join(__dirname, '../../examples', relativePath), 'utf8');
}

/** The two language tab groups of the Examples section, in page order: "Get a token", then "Call the API". */
function languageGroups(page: Page): [Locator, Locator] {
  const groups = tabGroupsAfter(page, 'examples', 'Python');
  return [groups.nth(0), groups.nth(1)];
}

function selectedTab(group: Locator): Locator {
  return group.getByRole('tab', {selected: true});
}

function visiblePanel(group: Locator): Locator {
  return group.locator('[role="tabpanel"]:not([hidden])');
}

test.describe('the guide', () => {
  test('has its title, steps and sections in order', async ({page}) => {
    await page.goto(GUIDE);
    await expect(page).toHaveTitle(/Personal access tokens/);
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Personal access tokens');
    await expect(page.getByRole('heading', {level: 2})).toHaveText([
      /Step 1: ask for a token/,
      /Step 2: read the token and when it expires/,
      /Other answers to step 1/,
      /When sign-in fails/,
      /Step 3: send the token with every call/,
      /Step 4: sign out/,
      /API keys: the credential a program should keep/,
      /Examples/,
      /Try it/,
    ]);
    for (const section of ['Tokens that last for one session', 'When the portal asks for a second factor', '401: authentication failed', 'CORS: the browser blocked the answer', 'List the scopes', 'Create a key', 'Use the key', 'List your keys', 'Revoke a key', 'When creating a key fails', 'Make and use a key from a program', 'Set the environment', 'Get a token', 'Call the API with the token']) {
      await expect(page.getByRole('heading', {level: 3, name: section})).toBeVisible();
    }
    await expect(page.getByRole('region', {name: /Try it/})).toBeVisible();
  });

  test('shows the HTTP exchanges, with the real answer and the admonitions', async ({page}) => {
    await openHydrated(page, GUIDE);
    const article = page.locator('article');
    const signIn = article.locator('.tabs-container').filter({hasText: 'POST /api/2.0/authentication HTTP/1.1'}).first();
    await expect(visiblePanel(signIn).locator('code')).toContainText('"userName": "yourusername"');
    await expect(visiblePanel(signIn).locator('code')).toContainText('Host: yourportal.onlyoffice.com');

    await signIn.getByRole('tab', {name: 'Response'}).click();
    const response = visiblePanel(signIn).locator('code');
    await expect(response).toContainText('HTTP/1.1 200 OK');
    await expect(response).toContainText('"statusCode": 200');
    await expect(response).toContainText('"expires": "2027-08-13T10:15:30.1234567Z"');
    await expect(response).toContainText('"tfa": false');

    const difference = article.locator('.theme-admonition').filter({hasText: 'Older examples show a different answer'});
    await expect(difference).toContainText('201 Created');
    await expect(difference).toContainText('+03:00');
    await expect(article.locator('.theme-admonition').filter({hasText: 'Replace the placeholders'})).toContainText('yourtoken');

    // Request/Response is its own tab group: choosing Response above switched this pair too, not the languages.
    const self = article.locator('.tabs-container').filter({hasText: 'GET /api/2.0/people/@self'});
    await expect(selectedTab(self)).toHaveText('Response (trimmed)');
    await expect(visiblePanel(self).locator('code')).toContainText('"displayName": "Administrator"');
    await expect(selectedTab(languageGroups(page)[0])).toHaveText('cURL');
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
    await self.getByRole('tab', {name: 'Request'}).click();
    await expect(visiblePanel(self).locator('code')).toContainText('Authorization: yourtoken');

    await expect(article.locator('code.language-http, pre.language-http').first()).toBeVisible();
    await expect(article.getByText('POST /api/2.0/authentication/logout HTTP/1.1')).toBeVisible();
  });

  test('renders every language tab with its example file, highlighted', async ({page}) => {
    await openHydrated(page, GUIDE);
    const [authGroup, selfGroup] = languageGroups(page);
    for (const language of LANGUAGES) {
      await authGroup.getByRole('tab', {name: language.tab, exact: true}).click();
      const auth = visiblePanel(authGroup);
      await expect(auth).toContainText(language.title);
      // The first block is the example; the "Run it" commands follow it.
      await expect(auth.locator('pre code').first()).toHaveText(asRendered(exampleText(language.program)), {useInnerText: true});
      // Prism turned the source into tokens: the language is known to the highlighter. Prism loads
      // after the first paint (plugins/startup/lazy-prism), so the tokens may arrive after the text.
      await expect.poll(() => auth.locator('pre code').first().locator('.token').count(), {message: `${language.tab} is highlighted`, timeout: 15_000}).toBeGreaterThan(5);
      // The same program's next steps (cURL: its get-self.sh script first).
      const self = visiblePanel(selfGroup);
      if (language.value === 'curl') await expect(self.locator('pre code').first()).toHaveText(asRendered(exampleText('curl/get-self.sh')), {useInnerText: true});
      else await expect(self.locator('pre code').first()).toContainText(EXAMPLES[language.value].ways[0].steps.self);
    }
  });

  test('shows the key programs in the API keys section, in the language chosen below, with cURL’s two scripts', async ({page}) => {
    await openHydrated(page, GUIDE);
    const keyGroup = tabGroupsAfter(page, 'keyPrograms', 'Python').first();
    // The same `language` group as the Examples section's: a choice there switches this one.
    await languageGroups(page)[1].getByRole('tab', {name: 'Go', exact: true}).click();
    await expect(keyGroup.getByRole('tab', {selected: true})).toHaveText('Go');
    await expect(visiblePanel(keyGroup).locator('pre code').first()).toContainText(EXAMPLES.go.ways[0].steps.createKey);
    await keyGroup.getByRole('tab', {name: 'cURL', exact: true}).click();
    const scripts = visiblePanel(keyGroup).locator('pre code');
    await expect(scripts.nth(0)).toHaveText(asRendered(exampleText('curl/create-key.sh')), {useInnerText: true});
    await expect(scripts.nth(1)).toHaveText(asRendered(exampleText('curl/get-self-with-key.sh')), {useInnerText: true});
    // DOCSPACE_API_KEY's block, above the tabs: the placeholder until the reader puts a key in.
    const keyBlock = tabGroupsAfter(page, 'keyPrograms', 'PowerShell').first();
    await expect(visiblePanel(keyBlock).locator('pre code')).toHaveText("export DOCSPACE_API_KEY='yourapikey'", {useInnerText: true});
  });

  test('the copy button copies the example exactly as the file has it', async ({page, context}) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openHydrated(page, `${GUIDE}?lang=python`);
    // The example's block, not the "Run it" commands under it.
    const block = visiblePanel(languageGroups(page)[0]).locator('.theme-code-block').first();
    await block.hover();
    await block.getByRole('button', {name: 'Copy code to clipboard'}).click();
    await expect(block.getByRole('button', {name: 'Copied'})).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(asRendered(exampleText('python/docspace.py')));
  });
});

test('search finds the guide by the word "token"', async ({page}) => {
  await openHydrated(page, '/');
  await page.getByRole('searchbox', {name: 'Search'}).or(page.getByLabel('Search')).first().fill('token');
  const hit = page.getByRole('option').filter({hasText: 'Personal access tokens'}).first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Personal access tokens');
});

test.describe('dark mode', () => {
  test.use({colorScheme: 'light'});

  test('the toggle switches the page and its code to dark colours, and the choice sticks', async ({page}) => {
    await openHydrated(page, GUIDE);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const toggle = page.getByRole('button', {name: /Switch between dark and light mode/});
    // The toggle cycles system → light → dark; click until it says dark.
    for (let i = 0; i < 3 && (await html.getAttribute('data-theme-choice')) !== 'dark'; i += 1) await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAccessibleName(/currently dark mode/);

    const colours = async () =>
      page.evaluate(() => {
        const code = document.querySelector('article pre.prism-code');
        return {page: getComputedStyle(document.documentElement).backgroundColor, code: code ? getComputedStyle(code).backgroundColor : ''};
      });
    // Infima's dark background and the Dracula-based code theme.
    await expect.poll(colours).toEqual({page: 'rgb(27, 27, 29)', code: 'rgb(40, 42, 54)'});

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect.poll(colours).toEqual({page: 'rgb(27, 27, 29)', code: 'rgb(40, 42, 54)'});
  });
});

describeAxeChecks('axe-core', {'home page': '/', overview: '/docs/intro', guide: GUIDE});
