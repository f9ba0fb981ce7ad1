/**
 * Chinese text has no space after full-width punctuation: a line break inside a paragraph of the
 * source, or a space written after “：”, shows as a gap in the middle of a sentence.
 */
import {expect, test, type Locator, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {GUIDE} from './support';

const AFTER_FULL_WIDTH = /[，。：；！？、）」》][ \u00a0]+\S/g;
// innerText puts a line break between blocks and a tab between table cells: only spaces are gaps.

/** The places in a region's rendered text where a space follows full-width punctuation. */
async function spacedPunctuation(region: Locator): Promise<string[]> {
  const text = await region.evaluate((element) => (element as HTMLElement).innerText);
  return [...text.matchAll(AFTER_FULL_WIDTH)].map((match) => text.slice(Math.max(0, match.index! - 12), match.index! + match[0].length + 4));
}

async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
}

for (const path of ['/zh-Hans', '/zh-Hans/docs/intro', `/zh-Hans${GUIDE}`]) {
  test(`no space after full-width punctuation on ${path}`, async ({page}) => {
    await openHydrated(page, path);
    expect(await spacedPunctuation(page.locator('main'))).toEqual([]);
  });
}

test('no space after full-width punctuation in the panel, signed in and after a failure', async ({page}) => {
  await openHydrated(page, `/zh-Hans${GUIDE}`);
  const panel = page.getByRole('region', {name: '试用：从您的门户获取令牌'});
  await page.getByRole('button', {name: '使用沙盒门户'}).click();
  await expect(page.getByLabel('门户地址', {exact: true})).toHaveValue(sandboxUrl);
  await page.getByLabel('用户名', {exact: true}).fill('html-error');
  await page.getByRole('button', {name: '获取令牌', exact: true}).click();
  await expect(panel.getByRole('alert')).toBeVisible({timeout: 15_000});
  expect(await spacedPunctuation(panel)).toEqual([]);

  await page.getByLabel('用户名', {exact: true}).fill('demo');
  // The failed call used the password up: the panel keeps none once it has sent it.
  await page.getByLabel('密码', {exact: true}).fill(SANDBOX_PASSWORD);
  await page.getByRole('button', {name: '获取令牌', exact: true}).click();
  await expect(panel.getByText('Dana Demo', {exact: true})).toBeVisible({timeout: 15_000});
  expect(await spacedPunctuation(panel)).toEqual([]);
});
