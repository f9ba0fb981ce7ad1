/**
 * The try-it panel's feedback (issue 22, item 6): no "Copied" left under another call after sign-out,
 * the seconds a call has waited, the app set-up key's copy button and QR code (drawn on the page,
 * nothing fetched for it), and buttons in the page's font.
 */
import {expect, test} from '@playwright/test';
import {openGuide, signIn, widget} from './support';

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
