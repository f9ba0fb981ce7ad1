/**
 * The try-it panel's feedback (issue 22, item 6): no "Copied" left under another call after sign-out,
 * the seconds a call has waited, the app set-up key's copy button and QR code (drawn on the page,
 * nothing fetched for it), and buttons in the page's font.
 */
import {expect, test} from '@playwright/test';
import jsQR from 'jsqr';
import {sandboxUrl, siteUrl} from '../../playwright.config';
import {ANY_SCRIPT, openGuide, signIn, widget} from './support';

test('after sign-out, no “Copied” is left under the call that remains', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGuide(page);
  await signIn(page, 'demo');
  const region = widget(page);
  await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();
  await region.getByRole('button', {name: 'Copy as cURL'}).first().click();
  await expect(region.getByText(/^Copied/)).toHaveCount(1);

  // Every DOM change from here on: was a "Copied" on screen beside the sign-out call? (Even for one frame.)
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, {copiedAfterSignOut: seen});
    const section = document.querySelector('section[aria-label]')!;
    new MutationObserver(() => {
      const text = section.textContent ?? '';
      if (text.includes('/api/2.0/authentication/logout') && /Copied/.test(text)) seen.push(text);
    }).observe(section, {subtree: true, childList: true, characterData: true});
  });
  await region.getByRole('button', {name: 'Sign out'}).click();
  await expect(page.getByText('Signed out: the portal no longer accepts that token.')).toBeVisible();
  await expect(region.locator('pre', {hasText: 'POST /api/2.0/authentication/logout HTTP/1.1'})).toHaveCount(1);
  await expect(region.getByText(/Copied/)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as {copiedAfterSignOut: string[]}).copiedAfterSignOut)).toEqual([]);
});

test('a call that waits counts the seconds since it was sent beside Cancel, outside the live status line', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'slow');
  const region = widget(page);
  const timer = region.getByRole('timer');
  await expect(timer).toHaveText(/^Waiting for the portal… \d+ s$/);
  const seconds = async () => Number(/(\d+) s$/.exec((await timer.textContent()) ?? '')?.[1]);
  const first = await seconds();
  await expect.poll(seconds, {timeout: 10_000}).toBeGreaterThanOrEqual(first + 2);
  // The status line, a polite live region, says what is waited for once; the count is not in it.
  await expect(region.getByRole('status').first()).toHaveText('Asking the portal for a token…');
  await expect(timer).not.toHaveAttribute('aria-live', /.+/);
  await expect(region.getByRole('button', {name: 'Cancel'})).toBeVisible();
  await region.getByRole('button', {name: 'Cancel'}).click();
  await expect(timer).toHaveCount(0);
});

test('app set-up: the key as text with a copy button, and a QR code of its otpauth URI drawn on the page with nothing fetched for it', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGuide(page);
  const requests: {url: string; type: string}[] = [];
  page.on('request', (request) => requests.push({url: request.url(), type: request.resourceType()}));
  await signIn(page, 'app-setup');
  const region = widget(page);
  const qr = region.getByRole('img', {name: 'Or scan this QR code with your authenticator app: it holds the same key, for this portal and user.'});
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((element) => element.tagName)).toBe('svg');
  const key = (await region.locator('code', {hasText: /^[A-Z2-7]+$/}).textContent())!;

  // What the code holds, read back from its pixels (in a page of its own, drawn from the SVG's markup).
  const markup = await qr.evaluate((svg) => new XMLSerializer().serializeToString(svg));
  const scratch = await context.newPage();
  const size = 400;
  const pixels = await scratch.evaluate(
    async ({markup, size}) => {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), {width: size, height: size});
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0, size, size);
      return Array.from(context.getImageData(0, 0, size, size).data);
    },
    {markup, size},
  );
  await scratch.close();
  const decoded = jsQR(Uint8ClampedArray.from(pixels), size, size);
  const uri = new URL(decoded!.data);
  const host = new URL(sandboxUrl).host;
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(decodeURIComponent(uri.pathname)).toBe(`/${host}:app-setup`);
  expect(uri.searchParams.get('secret')).toBe(key);
  expect(uri.searchParams.get('issuer')).toBe(host);

  // Only the sign-in call and the site's own lazy code went out: no image, nothing elsewhere.
  expect(requests.filter(({type}) => type === 'image')).toEqual([]);
  expect(requests.filter(({url}) => url !== `${sandboxUrl}/api/2.0/authentication` && !(url.startsWith(siteUrl) && ANY_SCRIPT.test(url)))).toEqual([]);
  expect(requests.filter(({url}) => ANY_SCRIPT.test(url)).length).toBeGreaterThan(0);

  await region.getByRole('button', {name: 'Copy the key'}).click();
  await expect(region.getByText('Key copied: paste it into your authenticator app.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  // The code field is still there for the code that activates the app.
  await expect(page.getByLabel('Authentication code')).toBeEditable();
});

test('the panel’s buttons use the page’s font, before and after sign-in', async ({page}) => {
  await openGuide(page);
  const region = widget(page);
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const buttonFonts = () => region.getByRole('button').evaluateAll((buttons) => buttons.map((button) => getComputedStyle(button).fontFamily));
  expect(await buttonFonts()).toContain(bodyFont);
  expect(new Set(await buttonFonts())).toEqual(new Set([bodyFont]));
  await signIn(page, 'demo');
  await expect(region.getByRole('button', {name: 'Copy as cURL'}).first()).toBeVisible();
  expect(new Set(await buttonFonts())).toEqual(new Set([bodyFont]));
});
