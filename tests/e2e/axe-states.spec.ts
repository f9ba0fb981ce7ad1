/**
 * axe-core on the states a page at rest does not show (issue 22, items 8, 6, 3 and 4): search
 * results open, the search page, the panel while it waits (Cancel and the seconds), with a failure
 * alert, with an address note at its field and at a second-factor step, the panel with an app's
 * set-up key and its QR code, the panel's side column at 1280 px with the form folded
 * after a sign-in; and a focus ring that can be seen. Light and dark, English and Chinese.
 */
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {AXE_STATES, axeViolations, contrastRatio, focusRing, GUIDE, openHydrated} from './support';

const LOCALES = [
  {locale: 'en', prefix: '', query: '403', getToken: 'Get token', userName: 'User name', password: 'Password', portal: 'Portal address', cancel: 'Cancel'},
  {locale: 'zh-Hans', prefix: '/zh-Hans', query: '403', getToken: '获取令牌', userName: '用户名', password: '密码', portal: '门户地址', cancel: '取消'},
] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const {locale, prefix, query, getToken, userName, password, portal, cancel} of LOCALES) {
    test.describe(`${locale}, ${colorScheme} mode`, () => {
      test.use({colorScheme});

      /** Fills the panel's form with a sandbox account, as a reader of this locale types it, and presses Get token. */
      const signInAs = async (page: Page, account: string) => {
        await page.getByLabel(portal, {exact: true}).fill(sandboxUrl);
        await page.getByLabel(userName, {exact: true}).fill(account);
        await page.getByLabel(password, {exact: true}).fill(SANDBOX_PASSWORD);
        await page.getByRole('button', {name: getToken, exact: true}).click();
      };

      test('axe finds nothing with search results open', async ({page}) => {
        await openHydrated(page, `${prefix}/docs/intro`);
        await AXE_STATES.searchResultsOpen(page, query);
        // The listbox holds the hits and nothing else; the input points to it.
        const listbox = page.getByRole('listbox');
        await expect(page.getByRole('combobox')).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
        await expect(listbox.getByRole('link')).toHaveCount(0);
        expect(await axeViolations(page, '.navbar')).toEqual([]);
      });

      test('the search page has a main landmark and axe finds nothing on it', async ({page}) => {
        await openHydrated(page, `${prefix}/search?q=${query}`);
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('main').locator('article').first()).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });

      test('axe finds nothing in the panel while it waits, Cancel included', async ({page}) => {
        test.setTimeout(90_000);
        await page.goto(`${prefix}${GUIDE}`);
        await expect(page.getByRole('button', {name: getToken, exact: true})).toBeVisible({timeout: 15_000});
        await signInAs(page, 'slow');
        await AXE_STATES.panelWaiting(page, cancel);
        expect(await axeViolations(page, 'section[aria-label]')).toEqual([]);
        await page.getByRole('button', {name: cancel}).click();
      });

      test('axe finds nothing in the side column with the form folded after a sign-in', async ({page}) => {
        test.setTimeout(90_000);
        await page.setViewportSize({width: 1280, height: 900});
        await page.goto(`${prefix}${GUIDE}`);
        await expect(page.getByRole('button', {name: getToken, exact: true})).toBeVisible({timeout: 15_000});
        await AXE_STATES.panelFolded(page, {portal, userName, password, getToken});
        expect(await axeViolations(page, '[data-guide-panel]')).toEqual([]);
      });

      test('axe finds nothing in the panel showing an app’s set-up key, its copy button and QR code', async ({page}) => {
        test.setTimeout(90_000);
        await page.goto(`${prefix}${GUIDE}`);
        await expect(page.getByRole('button', {name: getToken, exact: true})).toBeVisible({timeout: 15_000});
        await signInAs(page, 'app-setup');
        await expect(page.locator('section[aria-label] svg[role="img"]')).toBeVisible({timeout: 15_000});
        expect(await axeViolations(page, 'section[aria-label]')).toEqual([]);
      });

      test('axe finds nothing in the panel with a failure alert, an address note at its field or a second-factor step', async ({page}) => {
        test.setTimeout(90_000);
        await page.goto(`${prefix}${GUIDE}`);
        await expect(page.getByRole('button', {name: getToken, exact: true})).toBeVisible({timeout: 15_000});
        // A gateway's HTML error page: the alert with its headline, the page's start and its links.
        await signInAs(page, 'html-error');
        await expect(page.getByRole('alert')).toBeVisible({timeout: 15_000});
        expect(await axeViolations(page, 'section[aria-label]')).toEqual([]);
        // An address the panel will not send to: the note under the field, nothing sent.
        await page.getByLabel(portal, {exact: true}).fill('ftp://portal.example');
        await page.getByRole('button', {name: getToken, exact: true}).click();
        await expect(page.getByLabel(portal, {exact: true})).toHaveAttribute('aria-invalid', 'true');
        expect(await axeViolations(page, 'section[aria-label]')).toEqual([]);
        // A second factor by SMS: the folded form, the code field and Confirm code.
        await signInAs(page, 'sms-2fa');
        await expect(page.locator('input[autocomplete="one-time-code"]')).toBeVisible({timeout: 15_000});
        expect(await axeViolations(page, 'section[aria-label]')).toEqual([]);
      });

      test('the focus ring stands out 3:1 from the colours on both its sides', async ({page}) => {
        await openHydrated(page, `${prefix}${GUIDE}`);
        const rings = [];
        // The skip link, the navbar's brand, links and buttons, the search box, the sidebar.
        for (let press = 0; press < 10; press++) {
          await page.keyboard.press('Tab');
          rings.push(await focusRing(page));
        }
        for (const ring of rings) {
          expect(ring.style, ring.element).not.toBe('none');
          expect(ring.width, ring.element).toBeGreaterThanOrEqual(2);
          expect(contrastRatio(ring.ring, ring.outside), `${ring.element}: ${ring.ring} on ${ring.outside}`).toBeGreaterThanOrEqual(3);
          expect(contrastRatio(ring.ring, ring.inside), `${ring.element}: ${ring.ring} beside ${ring.inside}`).toBeGreaterThanOrEqual(3);
        }
      });
    });
  }
}
