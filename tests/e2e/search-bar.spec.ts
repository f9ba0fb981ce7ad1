/**
 * The navbar search bar loads its code on the first sign of searching (plugins/startup/theme/SearchBar):
 * until then a stand-in with the same markup is shown; typing, focus and Ctrl+K carry over to the bar.
 */
import {expect, test, type Page} from '@playwright/test';
import {ANY_SCRIPT, MAIN_SCRIPT, holdScripts, GUIDE, openHydrated, waitForHydration} from './support';

/** A string only search-local's SearchBar.jsx holds: marks the script that carries the bar. */
const SEARCH_BAR_CODE = 'autocomplete:selected';

/** Whether any script the page has received so far carries the search bar's code. */
function watchSearchBarCode(page: Page): () => Promise<boolean> {
  const bodies: Promise<boolean>[] = [];
  page.on('response', (response) => {
    if (/\.js(\?|$)/.test(response.url())) bodies.push(response.text().then((body) => body.includes(SEARCH_BAR_CODE), () => false));
  });
  return async () => (await Promise.all(bodies)).some(Boolean);
}

/** The search bar's markup with what the reader changes (value, focus) left out. */
const searchBarMarkup = (page: Page) =>
  page.locator('.navbar__search').evaluate((bar) => {
    const copy = bar.cloneNode(true) as HTMLElement;
    copy.querySelector('input')?.removeAttribute('value');
    return copy.outerHTML;
  });

const searchInput = (page: Page) => page.getByRole('searchbox', {name: 'Search'}).or(page.getByLabel('Search')).first();
const hit = (page: Page) => page.getByRole('option').filter({hasText: 'Personal access tokens'}).first();

test('start-up loads no search bar code, and the stand-in has the bar’s exact markup and place', async ({page}) => {
  const barCodeLoaded = watchSearchBarCode(page);
  await openHydrated(page, GUIDE);
  await page.waitForLoadState('networkidle');
  expect(await barCodeLoaded()).toBe(false);
  const standIn = await searchBarMarkup(page);
  const standInBox = await page.locator('.navbar__search').boundingBox();

  // The pointer over the bar is a sign of searching: the bar loads and takes the stand-in's place.
  await searchInput(page).hover();
  await expect.poll(barCodeLoaded).toBe(true);
  await page.mouse.move(0, 400);
  await expect.poll(() => searchBarMarkup(page)).toBe(standIn);
  expect(await page.locator('.navbar__search').boundingBox()).toEqual(standInBox);
});

test('what the reader types before the bar has loaded is searched, with the focus kept', async ({page}) => {
  await openHydrated(page, GUIDE);
  // Hold every script from now on, so the reader types into the stand-in.
  const release = await holdScripts(page, ANY_SCRIPT);
  await searchInput(page).focus();
  await page.keyboard.type('token');
  await expect(searchInput(page)).toHaveValue('token');
  release();
  await expect(hit(page)).toBeVisible();
  await expect(searchInput(page)).toBeFocused();
  await expect(searchInput(page)).toHaveValue('token');
  await hit(page).click();
  await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
});

test('typing on while the bar takes over loses no character', async ({page}) => {
  await openHydrated(page, GUIDE);
  const release = await holdScripts(page, ANY_SCRIPT);
  await searchInput(page).focus();
  await page.keyboard.type('to');
  release();
  // Some of these keys land in the stand-in, some in the bar, depending on when it arrives.
  await page.keyboard.type('ken', {delay: 15});
  await expect(searchInput(page)).toHaveValue('token');
  await expect(hit(page)).toBeVisible();
  await expect(searchInput(page)).toBeFocused();
});

test('what the reader types before the page is hydrated is kept and searched', async ({page}) => {
  const release = await holdScripts(page, MAIN_SCRIPT);
  await page.goto(GUIDE);
  await searchInput(page).focus();
  await page.keyboard.type('token');
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'false');
  release();
  await waitForHydration(page);
  await expect(hit(page)).toBeVisible();
  await expect(searchInput(page)).toHaveValue('token');
  await expect(searchInput(page)).toBeFocused();
});

test('Ctrl+K before the bar has loaded focuses it, and the search works', async ({page}) => {
  const barCodeLoaded = watchSearchBarCode(page);
  await openHydrated(page, '/');
  expect(await barCodeLoaded()).toBe(false);
  await page.locator('main').click({position: {x: 5, y: 5}});
  await page.keyboard.press('Control+k');
  await expect(searchInput(page)).toBeFocused();
  await page.keyboard.type('token');
  await expect(hit(page)).toBeVisible();
  await page.keyboard.press('Escape');
  // The shortcut keeps working once the bar has taken over.
  await page.locator('main').click({position: {x: 5, y: 5}});
  await expect(searchInput(page)).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(searchInput(page)).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true});

  test('a tap on the bar loads it and searching works', async ({page}) => {
    await openHydrated(page, GUIDE);
    await searchInput(page).tap();
    await expect(searchInput(page)).toBeFocused();
    await page.keyboard.type('token');
    await expect(hit(page)).toBeVisible();
  });
});
