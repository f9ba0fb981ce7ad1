/**
 * What a reader meets on the guide's pages, outside the try-it panel: listings kept as their
 * source has them, pages that fit a phone, the overview's sandbox accounts, the commands under
 * each example and the links to the API reference.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve, sep} from 'node:path';
import {expect, test, type Locator, type Page} from '@playwright/test';
import {SANDBOX_ACCOUNTS, SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {EXAMPLES, runCommands} from '../../src/exampleCommands';
import {GUIDE, asRendered, openHydrated, tabGroupsAfter} from './support';

const HTTP_LISTINGS_DIR = resolve(__dirname, '../../docs/get-started/authentication/http');
const BUILD_DIR = resolve(__dirname, '../..', process.env.BUILD_DIR ?? 'build');
const API_REFERENCE = 'https://api.onlyoffice.com/docspace/api-backend/usage-api/';

/**
 * A code block's text exactly as rendered, one entry per line: toHaveText would collapse the
 * leading spaces this is about.
 */
async function renderedText(block: Locator): Promise<string> {
  return (await block.locator('.token-line').allTextContents()).join('\n');
}

/** The code block (`.theme-code-block`) whose text holds `marker`, among the visible ones. */
function codeBlock(page: Page, marker: string | RegExp): Locator {
  return page.locator('article .theme-code-block:visible').filter({hasText: marker});
}

async function copiedText(page: Page, block: Locator): Promise<string> {
  await block.hover();
  await block.getByRole('button', {name: 'Copy code to clipboard'}).click();
  await expect(block.getByRole('button', {name: 'Copied'})).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('the guide’s HTTP listings', () => {
  // Which Request/Response tab shows each listing; the others sit outside the tabs.
  const LISTINGS = [
    {file: 'sign-in-request.http', tab: 'Request', marker: 'POST /api/2.0/authentication HTTP/1.1'},
    // The key's @self listing has the same first line: this one is the call with the token.
    {file: 'self-request.http', tab: 'Request', marker: /@self HTTP\/1\.1[\s\S]*Authorization: yourtoken/},
    {file: 'sign-in-response.http', tab: 'Response', marker: '"expires": "2027-08-13T10:15:30.1234567Z"'},
    {file: 'self-response.http', tab: 'Response', marker: '"displayName": "Administrator"'},
    {file: 'confirm-code-request.http', tab: undefined, marker: `POST /api/2.0/authentication/${SANDBOX_CODE} HTTP/1.1`},
    {file: 'sign-out-request.http', tab: undefined, marker: 'POST /api/2.0/authentication/logout HTTP/1.1'},
    {file: 'key-scopes-request.http', tab: 'Request', marker: 'GET /api/2.0/keys/permissions HTTP/1.1'},
    {file: 'key-scopes-response.http', tab: 'Response', marker: '"*:write"'},
    {file: 'key-create-request.http', tab: 'Request', marker: 'POST /api/2.0/keys HTTP/1.1'},
    {file: 'key-create-response.http', tab: 'Response', marker: '"key": "sk-'},
    {file: 'key-list-request.http', tab: 'Request', marker: 'GET /api/2.0/keys HTTP/1.1'},
    {file: 'key-list-response.http', tab: 'Response', marker: '"lastUsed"'},
    {file: 'key-self-request.http', tab: undefined, marker: 'Authorization: Bearer yourapikey'},
    {file: 'key-delete-request.http', tab: undefined, marker: 'DELETE /api/2.0/keys/'},
  ] as const;

  test('cover every listing file', () => {
    expect(readdirSync(HTTP_LISTINGS_DIR).sort()).toEqual(LISTINGS.map(({file}) => file).sort());
  });

  test('render and copy exactly as their files have them, JSON indentation included', async ({page, context}) => {
    // Fourteen listings, each read and copied: two minutes on a busy two-core machine.
    test.setTimeout(240_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openHydrated(page, GUIDE);
    for (const tab of ['Request', 'Response', undefined] as const) {
      // Both Request/Response groups share a groupId: one click switches the two.
      if (tab) await page.locator('article').getByRole('tab', {name: tab, exact: true}).first().click();
      for (const listing of LISTINGS.filter((candidate) => candidate.tab === tab)) {
        const source = readFileSync(join(HTTP_LISTINGS_DIR, listing.file), 'utf8');
        const block = codeBlock(page, listing.marker);
        await expect(block, listing.file).toHaveCount(1);
        expect(await renderedText(block), listing.file).toBe(asRendered(source));
        expect(await copiedText(page, block), listing.file).toBe(asRendered(source));
      }
    }
  });

  test('keep the nesting of their JSON in the page', async ({page}) => {
    await openHydrated(page, GUIDE);
    const request = await renderedText(codeBlock(page, 'POST /api/2.0/authentication HTTP/1.1'));
    // Two spaces inside the object, as a reader would write it.
    expect(request).toContain('{\n  "userName": "yourusername",\n  "password": "yourpassword"\n}');
  });
});

/** Every page of the build, as the URL a reader opens; the 404 page through a path that is not there. */
function builtPages(): string[] {
  return readdirSync(BUILD_DIR, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(BUILD_DIR, join(BUILD_DIR, file)).split(sep).join('/'))
    .map((file) => (file === '404.html' ? '/no-such-page' : `/${file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`))
    .sort();
}

/**
 * Words of the page's text (letters and digits; a break at punctuation such as `.` or `/` is a
 * sensible one) that the browser split over two lines. Chinese and Japanese have no spaces and
 * break between any two characters, so each of their characters is a word of its own. Code
 * listings scroll instead of wrapping, so they are left out.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('pre, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}_])+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)));
        if (lines.size > 1) broken.push(`"${match[0]}" in "${node.parentElement?.textContent?.trim().slice(0, 60)}"`);
      }
    }
    return broken;
  });
}

test.describe('every page on a phone', () => {
  const pages = builtPages();

  test('the build has the pages this test expects to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/docs/intro', GUIDE, '/no-such-page']));
  });

  for (const width of [320, 360, 390]) {
    test.describe(`${width} px wide`, () => {
      test.use({viewport: {width, height: 780}});

      for (const path of pages) {
        test(`${path} fits without sideways scroll, and keeps its words whole`, async ({page}) => {
          await openHydrated(page, path);
          // The guide's try-it panel in its initial state is part of the page.
          if (path === GUIDE) await expect(page.getByRole('button', {name: 'Get token'})).toBeVisible({timeout: 30_000});
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBe(0);
          expect(await brokenWords(page)).toEqual([]);
        });
      }
    });
  }
});

test.describe('the overview', () => {
  test('renders its tip as an admonition, with no raw markup left', async ({page}) => {
    await page.goto('/docs/intro');
    const tip = page.locator('article .theme-admonition').filter({hasText: 'No portal yet?'});
    await expect(tip).toBeVisible();
    await expect(page.locator('article')).not.toContainText(':::');
    await expect(page.locator('article')).not.toContainText('README');
  });

  test('lists every sandbox account, and only those, with what it shows', async ({page}) => {
    await page.goto('/docs/intro');
    const section = page.locator('article table').filter({hasText: 'User name'});
    const rows = section.locator('tbody tr');
    await expect(rows).toHaveCount(SANDBOX_ACCOUNTS.length);
    const listed = await rows.locator('td:first-child').allInnerTexts();
    expect(listed.sort()).toEqual(SANDBOX_ACCOUNTS.map((account) => account.userName).sort());
    for (const cell of await rows.locator('td:nth-child(2)').allInnerTexts()) expect(cell.trim().length).toBeGreaterThan(10);
    await expect(page.locator('article')).toContainText(SANDBOX_PASSWORD);
    await expect(page.locator('article')).toContainText(SANDBOX_CODE);
  });

  test('the tip and the guide both lead to the sandbox accounts', async ({page}) => {
    await page.goto('/docs/intro');
    await page.locator('.theme-admonition').getByRole('link', {name: 'sandbox accounts'}).click();
    await expect(page).toHaveURL(/\/docs\/intro#the-sandbox-portal$/);
    await expect(page.getByRole('heading', {level: 2, name: 'The sandbox portal'})).toBeInViewport();

    await page.goto(GUIDE);
    await page.locator('article').getByRole('link', {name: 'overview'}).last().click();
    await expect(page).toHaveURL(/\/docs\/intro#the-sandbox-portal$/);
  });
});

test('the guide speaks to a reader of a deployed site, not to someone running the repository', async ({page}) => {
  for (const path of [GUIDE, '/docs/intro', '/']) {
    await page.goto(path);
    await expect(page.locator('main')).not.toContainText('npm ');
  }
});

test.describe('the guide’s wording follows the portal', () => {
  test('groups the other answers to step 1 under one heading', async ({page}) => {
    await page.goto(GUIDE);
    const headings = await page.locator('article h2, article h3').allInnerTexts();
    const group = headings.findIndex((text) => text.includes('Other answers to step 1'));
    expect(group, headings.join(' | ')).toBeGreaterThan(-1);
    expect(headings.slice(group + 1, group + 4).map((text) => text.replace(/\u200b|#/g, '').trim())).toEqual([
      'Tokens that last for one session',
      'When the portal asks for a second factor',
      'When sign-in fails',
    ]);
  });

  test('a session token has no expiry date of its own, and no promise about sign-out', async ({page}) => {
    await page.goto(GUIDE);
    const section = page.locator('article h3#tokens-that-last-for-one-session + p');
    await expect(section).toContainText('no expiry date of its own');
    await expect(section).not.toContainText(/sign out|signs? out|log ?out/i);
  });

  test('in the SMS answer, expires is when the code stops working', async ({page}) => {
    await page.goto(GUIDE);
    const smsRow = page.locator('article tr').filter({hasText: 'phoneNoise'}).filter({hasText: 'SMS'});
    await expect(smsRow).toContainText('Here expires is when the code stops working; there is no token yet.');
  });

  test('calls the earlier page "older versions of this page"', async ({page}) => {
    await page.goto(GUIDE);
    await expect(page.locator('.theme-admonition').filter({hasText: 'Older examples show a different answer'})).toContainText(
      'Older versions of this page show',
    );
  });
});

test.describe('run commands under each example', () => {
  const TABS = {curl: 'cURL', node: 'Node.js', python: 'Python', csharp: 'C#', php: 'PHP', java: 'Java', go: 'Go'} as const;

  function runBlocks(container: Locator): Locator {
    return container.locator('.theme-code-block').filter({hasText: /Run it/});
  }

  test('every language shows the commands the example tests run: set-up and sign-in, then the token’s steps, and the key’s', async ({page}) => {
    // Seven tab switches, each rendering highlighted examples.
    test.setTimeout(120_000);
    await openHydrated(page, GUIDE);
    const groups = tabGroupsAfter(page, 'examples', 'Python');
    const keyGroup = tabGroupsAfter(page, 'keyPrograms', 'Python').first();
    for (const [language, tab] of Object.entries(TABS) as [keyof typeof TABS, string][]) {
      await groups.first().getByRole('tab', {name: tab, exact: true}).click();
      const {ways} = EXAMPLES[language];
      const shown = [
        [groups.nth(0), ['signIn', 'confirm'], true],
        [groups.nth(1), ['self', 'signOut'], false],
        [keyGroup, ['createKey', 'selfWithKey'], false],
      ] as const;
      for (const [group, steps, withSetup] of shown) {
        const blocks = runBlocks(group.locator('[role="tabpanel"]:not([hidden])'));
        await expect(blocks, language).toHaveCount(ways.length);
        for (const [index, way] of ways.entries()) {
          expect(await renderedText(blocks.nth(index)), `${language} ${way.runtime ?? ''}`).toBe(runCommands(way, steps, {withSetup}));
        }
      }
    }
  });

  test('C# shows dotnet run first, then Mono', async ({page}) => {
    await openHydrated(page, `${GUIDE}?lang=csharp`);
    const group = page.locator('.tabs-container').filter({has: page.getByRole('tab', {name: 'C#', exact: true})}).first();
    const titles = runBlocks(group.locator('[role="tabpanel"]:not([hidden])')).locator('[class*="codeBlockTitle"]');
    await expect(titles).toHaveText(['Run it with .NET 8', 'Run it with Mono']);
  });
});

test('each call in the guide links to its page in the official API reference', async ({page}) => {
  await page.goto(GUIDE);
  const article = page.locator('article');
  for (const [text, reference] of [
    ['/api/2.0/authentication', 'authenticate-me/'],
    ['/api/2.0/authentication/{code}', 'authenticate-me-from-body-with-code/'],
    ['GET /api/2.0/people/@self', 'get-self-profile/'],
    ['POST /api/2.0/authentication/logout', 'logout/'],
  ] as const) {
    await expect(article.getByRole('link', {name: text, exact: true})).toHaveAttribute('href', `${API_REFERENCE}${reference}`);
  }
});
