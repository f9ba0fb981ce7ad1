/** The guide on a phone (360 px, touch): the tab bar says it scrolls, buttons show, code spans stay whole. */
import {expect, test, type Locator, type Page} from '@playwright/test';
import {decodePng} from './pixels';
import {GUIDE} from './support';

test.use({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true});

async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
}

const languageTabs = (page: Page) => page.getByRole('tablist').filter({has: page.getByRole('tab', {name: 'Python', exact: true})}).first();

/** How much darker (light mode) or lighter (dark mode) than the page the tab bar's edge is, 0 to 255. */
async function edgeShade(tabs: Locator, side: 'left' | 'right'): Promise<number> {
  const shot = decodePng(await tabs.screenshot({animations: 'disabled'}));
  // Above the labels, where only the bar's own background is drawn.
  const edge = shot.at(side === 'left' ? 1 : shot.width - 2, 1);
  const middle = shot.at(Math.floor(shot.width / 2), 1);
  return Math.max(...edge.map((channel, i) => Math.abs(channel - middle[i])));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the language tab bar shows there are more tabs to scroll to, ${colorScheme} mode`, async ({page}) => {
    await page.emulateMedia({colorScheme});
    await openHydrated(page, GUIDE);
    const tabs = languageTabs(page);
    await tabs.scrollIntoViewIfNeeded();
    expect(await tabs.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
    // At the start: a shadow on the right, none on the left.
    await expect.poll(() => edgeShade(tabs, 'right')).toBeGreaterThan(20);
    await expect.poll(() => edgeShade(tabs, 'left')).toBeLessThan(5);
    // At the end: the other way round.
    await tabs.evaluate((list) => list.scrollTo({left: list.scrollWidth, behavior: 'instant'}));
    await expect.poll(() => edgeShade(tabs, 'left')).toBeGreaterThan(20);
    await expect.poll(() => edgeShade(tabs, 'right')).toBeLessThan(5);
  });
}

test('no language tab’s label is cut or wrapped', async ({page}) => {
  await openHydrated(page, GUIDE);
  const labels = await languageTabs(page)
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((tab) => ({text: tab.textContent, cut: tab.scrollWidth > tab.clientWidth, lines: Math.round(tab.getBoundingClientRect().height / parseFloat(getComputedStyle(tab).lineHeight))})));
  expect(labels).toHaveLength(7);
  for (const label of labels) {
    expect(label.cut, label.text!).toBe(false);
  }
  // All the same height: none wrapped onto a second line.
  expect(new Set(labels.map((label) => label.lines)).size).toBe(1);
});

test('a code block’s copy button is shown on a touch screen, and copies', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openHydrated(page, GUIDE);
  const block = page.locator('article .theme-code-block').first();
  const copy = block.getByRole('button', {name: 'Copy code to clipboard'});
  await copy.scrollIntoViewIfNeeded();
  await expect(copy).toHaveCSS('opacity', '1');
  await copy.tap();
  await expect(block.getByRole('button', {name: 'Copied'})).toBeVisible();
});

test('account names and other short code spans do not break at their hyphens', async ({page}) => {
  for (const path of ['/docs/intro', GUIDE, '/zh-Hans/docs/intro']) {
    await openHydrated(page, path);
    const split = await page.locator('article p code, article td code, article li code').evaluateAll((spans) =>
      spans.filter((span) => /-/.test(span.textContent!) && !/\s/.test(span.textContent!) && span.textContent!.length <= 32 && span.getClientRects().length > 1).map((span) => span.textContent),
    );
    expect(split, path).toEqual([]);
  }
});
