/**
 * The guide paints first and hydrates without rebuilding (plugins/startup): the bundles start after
 * the first paint (paint-first.ts), code blocks keep the server's tokens and load Prism only when a
 * block must re-highlight (theme/CodeBlock/Content), tabs hydrate without a remount (theme/Tabs).
 */
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {GUIDE, openGuide, signIn, tabGroupsAfter, waitForHydration} from './support';

const GUIDES = {en: GUIDE, 'zh-Hans': `/zh-Hans${GUIDE}`} as const;

/** Records the Prism chunk (webpackChunkName "prism") if the page ever requests it. */
function watchPrismChunk(page: Page): {requested: () => boolean} {
  let requested = false;
  page.on('request', (request) => {
    if (/\/assets\/js\/prism\.[0-9a-f]+\.js$/.test(request.url())) requested = true;
  });
  return {requested: () => requested};
}

/** Holds main.js back until `release()`, so the test can touch the server's DOM before hydration. */
async function holdMainBundle(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/js\/main\.[0-9a-f]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Script errors and console errors (React reports a hydration mismatch there); not failed requests. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}

/** Every tab group agrees with itself: one selected tab, styled active, and its panel the only one shown. */
async function tabGroupsConsistent(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.tabs-container')).map((group) => {
      const tabs = Array.from(group.querySelectorAll('[role="tab"]'));
      const selected = tabs.filter((tab) => tab.getAttribute('aria-selected') === 'true');
      const active = tabs.filter((tab) => tab.classList.contains('tabs__item--active'));
      const panels = Array.from(group.querySelectorAll('[role="tabpanel"]')).filter((panel) => !panel.hasAttribute('hidden'));
      return {
        selected: selected.map((tab) => tab.textContent),
        active: active.map((tab) => tab.textContent),
        shownPanels: panels.length,
      };
    }),
  );
}

for (const [locale, guide] of Object.entries(GUIDES)) {
  test(`${locale}: hydration keeps the server's code tokens and loads no Prism`, async ({page}) => {
    const errors = collectPageErrors(page);
    const prism = watchPrismChunk(page);
    const release = await holdMainBundle(page);
    await page.goto(guide, {waitUntil: 'domcontentloaded'});
    const serverTokens = await page.evaluate(() => {
      const tokens = Array.from(document.querySelectorAll('article pre code .token'));
      tokens.forEach((token) => ((token as unknown as {serverNode: boolean}).serverNode = true));
      return tokens.length;
    });
    expect(serverTokens).toBeGreaterThan(100);
    release();
    await waitForHydration(page);
    // A tab switch after hydration proves React owns the page; the kept tokens are the same nodes.
    const kept = await page.evaluate(() => {
      const tokens = Array.from(document.querySelectorAll('article pre code .token'));
      return {count: tokens.length, same: tokens.filter((token) => (token as unknown as {serverNode?: boolean}).serverNode).length};
    });
    expect(kept).toEqual({count: serverTokens, same: serverTokens});
    expect(prism.requested()).toBe(false);
    expect(errors).toEqual([]);
  });

  test(`${locale}: ?lang=go on load selects Go everywhere, with no mismatch after hydration`, async ({page}) => {
    const errors = collectPageErrors(page);
    await page.goto(`${guide}?lang=go`);
    await waitForHydration(page);
    // The API keys section's, then the Examples section's two.
    const groups = page.locator('.tabs-container').filter({has: page.getByRole('tab', {name: 'Go', exact: true})});
    await expect(groups).toHaveCount(3);
    for (const group of await groups.all()) await expect(group.getByRole('tab', {selected: true})).toHaveText('Go');
    const examples = tabGroupsAfter(page, 'examples', 'Go');
    const block = examples.first().locator('[role="tabpanel"]:not([hidden]) pre code').first();
    await expect(block).toContainText('package main');
    // The Go block was not rendered on the server: it is highlighted in the browser.
    await expect.poll(() => block.locator('.token').count()).toBeGreaterThan(5);
    await expect(examples.nth(1).locator('[role="tabpanel"]:not([hidden]) pre code').first()).toContainText('go run main.go self');
    await expect(groups.first().locator('[role="tabpanel"]:not([hidden]) pre code').first()).toContainText('go run main.go create-key');
    for (const group of await tabGroupsConsistent(page)) {
      expect(group.selected).toEqual(group.active);
      expect(group.selected).toHaveLength(1);
      expect(group.shownPanels).toBe(1);
    }
    expect(errors).toEqual([]);
  });
}

test('static prose keeps the server’s nodes through hydration, and a page rendered in the browser shows all of it', async ({page}) => {
  const errors = collectPageErrors(page);
  const release = await holdMainBundle(page);
  await page.goto(GUIDE, {waitUntil: 'domcontentloaded'});
  const serverProse = await page.evaluate(() => {
    const nodes = Array.from(document.querySelectorAll('article p, article li, article td, article p code, article td code')).filter((node) => !node.closest('section')); // the try-it panel's own
    nodes.forEach((node) => ((node as unknown as {serverNode: boolean}).serverNode = true));
    return {count: nodes.length, text: document.querySelector('article')!.textContent};
  });
  expect(serverProse.count).toBeGreaterThan(50);
  release();
  await waitForHydration(page);
  const kept = await page.evaluate(() => {
    const nodes = Array.from(document.querySelectorAll('article p, article li, article td, article p code, article td code')).filter((node) => !node.closest('section')); // the try-it panel's own
    return {count: nodes.length, same: nodes.filter((node) => (node as unknown as {serverNode?: boolean}).serverNode).length};
  });
  expect(kept).toEqual({count: serverProse.count, same: serverProse.count});
  // Not hydrated: React attaches a fiber (`__reactFiber$…`) to every node it hydrates; inside a
  // kept paragraph or cell there is none, while the code blocks and tabs are React's.
  const hydratedByReact = (selector: string) =>
    page.evaluate((s) => Array.from(document.querySelectorAll(s)).filter((node) => Object.keys(node).some((key) => key.startsWith('__reactFiber'))).length, selector);
  expect(await page.locator('article p code, article td code').count()).toBeGreaterThan(30);
  expect(await hydratedByReact('article p code, article td code')).toBe(0);
  expect(await hydratedByReact('article [role="tab"]')).toBeGreaterThan(10);
  // A link in kept prose still leads where it says.
  await page.locator('article').getByRole('link', {name: 'the second factor'}).click();
  await expect(page).toHaveURL(/#when-the-portal-asks-for-a-second-factor$/);

  // Client-side navigation away and back: React renders the guide itself, every paragraph with its text.
  await page.locator('.menu').getByRole('link', {name: 'Overview'}).click();
  await expect(page.locator('article h1')).not.toHaveText('Personal access tokens');
  await page.locator('.menu').getByRole('link', {name: 'Personal access tokens'}).click();
  await expect(page.locator('article h1')).toHaveText('Personal access tokens');
  await expect.poll(() => page.evaluate(() => Array.from(document.querySelectorAll('article p')).filter((p) => !p.closest('section') && p.textContent!.trim() === '').length)).toBe(0);
  await expect(page.locator('article h3#tokens-that-last-for-one-session + p')).toContainText('no expiry date of its own');
  expect(errors).toEqual([]);
});

/**
 * React's DevTools hook, stubbed: after the first commit (the hydration) it keeps the props object
 * React holds for each element matching `selector`; React gives an element a new one when whatever
 * renders it renders again. A string, not a function: Playwright would ship the bundler's helpers.
 */
async function watchRerenders(page: Page, selector: string): Promise<() => Promise<{elements: number; rerendered: string[]}>> {
  await page.addInitScript({
    content: `(() => {
      const propsOf = (node) => node[Object.keys(node).find((key) => key.startsWith('__reactProps$'))];
      let commits = 0;
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true, isDisabled: false, renderers: new Map(), inject: () => 1, checkDCE() {},
        onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
        onCommitFiberRoot() {
          if (++commits > 1) return;
          window.__hydrated = Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((node) => [node, propsOf(node)]);
        },
      };
      window.__rerendered = () => window.__hydrated.filter(([node, props]) => propsOf(node) !== props).map(([node]) => node.tagName + ' ' + node.textContent.slice(0, 40));
    })();`,
  });
  return () => page.evaluate(() => {
    const w = window as unknown as {__hydrated: unknown[]; __rerendered: () => string[]};
    return {elements: w.__hydrated.length, rerendered: w.__rerendered()};
  });
}

test('after hydration React renders none of the prose or the hidden tabs’ code again', async ({page}) => {
  // Before: every kept block, code block and tab group rendered again at once (a store read
  // differently in the browser, a tab group re-rendered whole for its browser context), one task
  // of ~80 ms with the CPU slowed 4×. Visible code blocks that scroll sideways may render again:
  // their word-wrap button appears.
  // The try-it panel (its <section>) is the browser's own and replaces its stand-in: not prose.
  const prose = 'article .markdown p:not(section *), article .markdown li:not([role="tab"], section *), article [role="tabpanel"][hidden] pre code';
  const rerenders = await watchRerenders(page, prose);
  const errors = collectPageErrors(page);
  await page.goto(GUIDE);
  await waitForHydration(page);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, {timeout: 2000})));
  const {elements, rerendered} = await rerenders();
  expect(elements).toBeGreaterThan(50);
  expect(rerendered).toEqual([]);
  expect(errors).toEqual([]);
});

test('when React throws the server’s HTML away (a mismatch), the prose and code it would have kept are all there', async ({page}) => {
  // A heading that differs from what React renders makes it render the whole page itself during
  // hydration: the elements that would have kept their server children are new and empty then.
  await page.route(`**${GUIDE}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('>Personal access tokens</h1>', '>Personal access tokens, as the server had it</h1>');
    await route.fulfill({response, body: html});
  });
  await page.goto(GUIDE);
  await waitForHydration(page);
  await expect(page.locator('article h1')).toHaveText('Personal access tokens');
  const emptyBlocks = () =>
    page.evaluate(() => Array.from(document.querySelectorAll('article .markdown p, article .markdown li, article pre code')).filter((node) => !node.closest('section') && node.textContent!.trim() === '').length);
  await expect.poll(emptyBlocks).toBe(0);
  await expect(page.locator('article h3#tokens-that-last-for-one-session + p')).toContainText('no expiry date of its own');
  await expect(page.locator('article pre code').first()).toContainText('POST /api/2.0/authentication');
});

test('a tab click paints the switch before the router renders the page again for ?lang=', async ({page}) => {
  // The commit that shows the chosen tab must not also render the page's headings again: the
  // router's re-render for the new URL comes after, in a transition (theme/Tabs). It did not.
  await page.addInitScript({
    content: `(() => {
      const propsOf = (node) => node[Object.keys(node).find((key) => key.startsWith('__reactProps$'))];
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true, isDisabled: false, renderers: new Map(), inject: () => 1, checkDCE() {},
        onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
        onCommitFiberRoot() {
          const watch = window.__watchTabSwitch;
          if (!watch || watch.done || watch.tab.getAttribute('aria-selected') !== 'true') return;
          watch.done = true;
          watch.headingsRendered = watch.headings.filter(([node, props]) => propsOf(node) !== props).length;
        },
      };
      window.__startWatching = (tab) => {
        const headings = Array.from(document.querySelectorAll('article h2')).map((node) => [node, propsOf(node)]);
        window.__watchTabSwitch = {tab, headings, done: false};
      };
    })();`,
  });
  await page.goto(GUIDE);
  await waitForHydration(page);
  const python = tabGroupsAfter(page, 'examples', 'Python').first().getByRole('tab', {name: 'Python', exact: true});
  await python.evaluate((tab) => (window as unknown as {__startWatching: (tab: Element) => void}).__startWatching(tab));
  await python.click();
  await expect(page).toHaveURL(/[?&]lang=python\b/);
  const watched = await page.evaluate(() => (window as unknown as {__watchTabSwitch: {done: boolean; headings: unknown[]; headingsRendered: number}}).__watchTabSwitch);
  expect(watched.done).toBe(true);
  expect(watched.headings.length).toBeGreaterThan(5);
  expect(watched.headingsRendered).toBe(0);
  // The router did render the new URL afterwards: the other groups and the URL agree.
  await expect(tabGroupsAfter(page, 'examples', 'Python').nth(1).getByRole('tab', {selected: true})).toHaveText('Python');
});

test('one language choice switches every block and lands in the URL; it is selected on the next visit, with no mismatch after hydration', async ({page}) => {
  const errors = collectPageErrors(page);
  await page.goto(GUIDE);
  await waitForHydration(page);
  const groups = page.locator('.tabs-container').filter({has: page.getByRole('tab', {name: 'Python', exact: true})});
  const examples = tabGroupsAfter(page, 'examples', 'Python');
  await examples.first().getByRole('tab', {name: 'Python', exact: true}).click();
  // The other groups ("Call the API", the API keys section's) follow at once.
  await expect(examples.nth(1).getByRole('tab', {selected: true})).toHaveText('Python');
  await expect(examples.nth(1).locator('[role="tabpanel"]:not([hidden])')).toContainText('python docspace.py self');
  await expect(groups.first().locator('[role="tabpanel"]:not([hidden])')).toContainText('python docspace.py create-key');
  await expect(page).toHaveURL(/[?&]lang=python\b/);

  await page.goto(GUIDE); // no ?lang=: the choice comes from localStorage
  await waitForHydration(page);
  for (const group of await groups.all()) {
    await expect(group.getByRole('tab', {selected: true})).toHaveText('Python');
    await expect(group.locator('[role="tabpanel"]:not([hidden]) pre code').first()).toContainText('docspace.py');
  }
  for (const group of await tabGroupsConsistent(page)) {
    expect(group.selected).toEqual(group.active);
    expect(group.shownPanels).toBe(1);
  }
  expect(errors).toEqual([]);
});

test.describe('colour mode', () => {
  test.use({colorScheme: 'light'});

  test('switching to dark recolours the same token nodes', async ({page}) => {
    await page.goto(GUIDE);
    await waitForHydration(page);
    const keyword = page.locator('article pre code .token.keyword').first();
    await keyword.evaluate((node) => ((node as unknown as {marked: boolean}).marked = true));
    const lightColour = await keyword.evaluate((node) => getComputedStyle(node).color);
    const toggle = page.locator('.navbar button[class*="toggleButton"]');
    const html = page.locator('html');
    for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== 'dark'; i += 1) await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => keyword.evaluate((node) => getComputedStyle(node).color)).not.toBe(lightColour);
    expect(await keyword.evaluate((node) => (node as unknown as {marked?: boolean}).marked)).toBe(true);
  });
});

test('filling in the reader’s portal re-highlights the examples with the lazy Prism chunk', async ({page}) => {
  const prism = watchPrismChunk(page);
  // The widget's own field: the early form shown until its chunk loads fills no example until the widget takes it over.
  await openGuide(page);
  await page.getByLabel('Portal address').fill(sandboxUrl);
  // The "set these" block of the shell the reader picked.
  const shellGroup = tabGroupsAfter(page, 'examples', 'PowerShell').first();
  const example = shellGroup.locator('[role="tabpanel"]:not([hidden]) pre code').first();
  await expect(example).toContainText(sandboxUrl);
  await expect.poll(() => example.locator('.token').count()).toBeGreaterThan(5);
  expect(prism.requested()).toBe(true);
});

test('after paint-first loading, tabs, copy, search and the widget work', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(GUIDE);
  await waitForHydration(page);
  const languageGroup = tabGroupsAfter(page, 'examples', 'Java').first();
  await languageGroup.getByRole('tab', {name: 'Java', exact: true}).click();
  const block = languageGroup.locator('[role="tabpanel"]:not([hidden]) .theme-code-block').first();
  await expect(block).toContainText('DocSpace.java');
  await block.hover();
  await block.getByRole('button', {name: 'Copy code to clipboard'}).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('public class DocSpace');

  await page.getByRole('button', {name: 'Use the sandbox portal'}).click();
  await signIn(page, 'demo', {portal: sandboxUrl});
  await expect(page.getByText('Dana Demo').first()).toBeVisible({timeout: 15_000});

  await page.getByRole('searchbox', {name: 'Search'}).or(page.getByLabel('Search')).first().fill('token');
  await expect(page.getByRole('option').filter({hasText: 'Personal access tokens'}).first()).toBeVisible();
});

test('no start-up script carries the search engine; the search bar loads it in its worker when used', async ({page}) => {
  // lunr's own error text: present wherever lunr is bundled, however it is minified.
  const LUNR = 'Cannot load unregistered function';
  const scripts: {url: string; hasLunr: Promise<boolean>}[] = [];
  page.on('response', (response) => {
    if (/\.js(\?|$)/.test(response.url())) scripts.push({url: response.url(), hasLunr: response.text().then((body) => body.includes(LUNR), () => false)});
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(GUIDE);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  const atStartUp = await Promise.all(scripts.map(async ({url, hasLunr}) => ({url, hasLunr: await hasLunr})));
  expect(atStartUp.map(({url}) => url)).toContainEqual(expect.stringMatching(/\/main\.[0-9a-f]+\.js$/));
  expect(atStartUp.filter(({hasLunr}) => hasLunr)).toEqual([]);

  const search = page.getByRole('searchbox', {name: 'Search'}).or(page.getByLabel('Search')).first();
  await search.focus();
  await search.pressSequentially('token');
  await expect(page.getByRole('option').filter({hasText: 'Personal access tokens'}).first()).toBeVisible();
  expect(workers.length).toBeGreaterThan(0);
});

test.describe('the word-wrap button (plugins/startup/theme/CodeBlock/Content/useCodeWordWrap)', () => {
  /** For each code block that is shown: does it scroll sideways, and does it offer the wrap button? */
  const shownBlocks = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.theme-code-block'))
        .filter((block) => block.offsetParent !== null)
        .map((block) => {
          const pre = block.querySelector('pre')!;
          return {scrolls: pre.scrollWidth > pre.clientWidth, button: block.querySelector('button[title="Toggle word wrap"]') !== null};
        }),
    );
  const consistent = async (page: Page) => {
    const blocks = await shownBlocks(page);
    return blocks.length > 0 && blocks.every(({scrolls, button}) => scrolls === button);
  };

  test('shows on exactly the blocks that scroll sideways: on load, in a tab opened later, after a resize; and wraps', async ({page}) => {
    await page.setViewportSize({width: 1280, height: 900});
    await page.goto(GUIDE);
    await waitForHydration(page);
    await expect.poll(() => consistent(page)).toBe(true);
    const wide = await shownBlocks(page);

    await page.setViewportSize({width: 360, height: 740});
    await expect.poll(() => consistent(page)).toBe(true);
    const narrow = await shownBlocks(page);
    expect(narrow.filter((b) => b.scrolls).length).toBeGreaterThan(wide.filter((b) => b.scrolls).length);

    const languageGroup = tabGroupsAfter(page, 'examples', 'Java').first();
    await languageGroup.getByRole('tab', {name: 'Java', exact: true}).click();
    const java = languageGroup.locator('[role="tabpanel"]:not([hidden]) .theme-code-block').first();
    await expect(java.getByRole('button', {name: 'Toggle word wrap'})).toBeAttached();
    await expect.poll(() => consistent(page)).toBe(true);

    await java.getByRole('button', {name: 'Toggle word wrap'}).click();
    const scrolls = () => java.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth);
    await expect.poll(scrolls).toBe(false);
    await expect(java.getByRole('button', {name: 'Toggle word wrap'})).toBeAttached();
    await java.getByRole('button', {name: 'Toggle word wrap'}).click();
    await expect.poll(scrolls).toBe(true);
  });
});

test.describe('the paint-first loader still starts the app', () => {
  test('without PerformanceObserver', async ({page}) => {
    await page.addInitScript(() => {
      delete (window as {PerformanceObserver?: unknown}).PerformanceObserver;
    });
    await page.goto(GUIDE);
    await waitForHydration(page);
  });

  test('when no paint is ever reported', async ({page}) => {
    await page.addInitScript(() => {
      window.PerformanceObserver = class {
        static supportedEntryTypes = ['paint'];
        observe() {}
        disconnect() {}
        takeRecords() {
          return [];
        }
      } as unknown as typeof PerformanceObserver;
    });
    await page.goto(GUIDE);
    await waitForHydration(page);
  });
});
