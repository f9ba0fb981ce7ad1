/**
 * Where the try-it panel sits and what shape it takes (issue 22, items 3 and 4): the address first,
 * the form folded to one line once the portal answered, the panel beside the steps on a wide
 * screen, the step of its latest call marked, the link to it on a phone, the sandbox accounts picker.
 */
import {expect, test, type Locator, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_CODE} from '../../servers/sandbox/accounts';
import {GUIDE_STEPS} from '../../src/components/TryIt/state/guideStep';
import {openGuide, signIn, widget} from './support';

const visiblePrimaryButtons = (page: Page) => widget(page).locator('.button--primary:visible');
const stepHeading = (page: Page, id: string) => page.locator(`h2#${id}, h3#${id}`);
const box = async (locator: Locator) => (await locator.boundingBox())!;

/** The heading ids that carry the panel's mark, in page order. */
async function markedSteps(page: Page): Promise<string[]> {
  return page.locator('article [aria-current="step"]').evaluateAll((headings) => headings.map((heading) => heading.id));
}

test('the portal address is the first field, and the route follows it before the user name', async ({page}) => {
  await openGuide(page);
  const region = widget(page);
  // The first control of the form, the route's switch included.
  await expect(region.locator('input, select').first()).toHaveAccessibleName('Portal address');
  const portal = await box(region.getByLabel('Portal address'));
  const route = await box(region.locator('p', {hasText: 'browser → portal'}));
  const routeSwitch = await box(region.getByRole('switch'));
  const userName = await box(region.getByLabel('User name'));
  expect(routeSwitch.y).toBeGreaterThan(portal.y + portal.height - 1);
  expect(route.y).toBeGreaterThan(portal.y + portal.height - 1);
  expect(userName.y).toBeGreaterThan(route.y + route.height - 1);
});

test('a second-factor step, then a token: the form is one line with Change, and one primary button shows', async ({page}) => {
  await openGuide(page);
  const region = widget(page);
  await signIn(page, 'app-2fa');
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  // Folded: no sign-in fields, the portal and the user on one line, the step's button the one primary.
  await expect(region.getByLabel('Portal address')).toHaveCount(0);
  const line = region.locator('p', {has: page.getByRole('button', {name: 'Change', exact: true})});
  await expect(line).toContainText(`app-2fa on ${new URL(sandboxUrl).host}`);
  await expect(visiblePrimaryButtons(page)).toHaveText(['Confirm code']);
  // One line: the line is no taller than its Change button (plus the button's own margin).
  expect((await box(line)).height).toBeLessThan((await box(line.getByRole('button'))).height + 8);

  await page.getByLabel('Authentication code').fill(SANDBOX_CODE);
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(region.getByText('Avery App', {exact: true})).toBeVisible();
  await expect(region.getByLabel('Portal address')).toHaveCount(0);
  await expect(line).toContainText(`app-2fa on ${new URL(sandboxUrl).host}`);
  await expect(visiblePrimaryButtons(page)).toHaveCount(1);

  // Change opens the form again, as it was, at the address, with its button the one primary.
  await region.getByRole('button', {name: 'Change', exact: true}).click();
  await expect(region.getByLabel('Portal address')).toBeFocused();
  await expect(region.getByLabel('Portal address')).toHaveValue(sandboxUrl);
  await expect(region.getByLabel('User name')).toHaveValue('app-2fa');
  await expect(visiblePrimaryButtons(page)).toHaveText(['Get token']);
});

test.describe('at 1280 px', () => {
  test.use({viewport: {width: 1280, height: 900}});

  test('the panel sits beside the steps and stays in view down to Step 3', async ({page}) => {
    await openGuide(page);
    const region = widget(page);
    const step1 = stepHeading(page, GUIDE_STEPS['sign-in']);
    const beside = async () => {
      const [panel, step] = [await box(region), await box(step1)];
      return panel.x >= step.x + step.width;
    };
    await expect(region).toBeInViewport();
    expect(await beside()).toBe(true);
    // The guide's table of contents gives the panel its column; the text keeps a readable width.
    expect((await box(step1)).width).toBeGreaterThan(450);

    await stepHeading(page, GUIDE_STEPS.profile).evaluate((heading) => heading.scrollIntoView());
    await expect(stepHeading(page, GUIDE_STEPS.profile)).toBeInViewport();
    await expect(region).toBeInViewport({ratio: 0.5});
    expect(await beside()).toBe(true);
    expect((await box(region)).y).toBeGreaterThanOrEqual(0);
  });

  test('the step the latest call belongs to is marked: the second factor, then Step 3, then Step 4', async ({page}) => {
    await openGuide(page);
    await expect.poll(() => markedSteps(page)).toEqual([]);
    await signIn(page, 'app-2fa');
    await expect.poll(() => markedSteps(page)).toEqual([GUIDE_STEPS.confirm]);
    // The mark is visible too: a badge that says what it marks.
    const badge = (id: string) => stepHeading(page, id).evaluate((heading) => getComputedStyle(heading, '::after').content);
    await expect.poll(() => badge(GUIDE_STEPS.confirm)).toBe('"the panel’s last call"');

    await page.getByLabel('Authentication code').fill(SANDBOX_CODE);
    await page.getByRole('button', {name: 'Confirm code'}).click();
    await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
    await expect.poll(() => markedSteps(page)).toEqual([GUIDE_STEPS.profile]);
    await expect.poll(() => badge(GUIDE_STEPS.confirm)).toBe('none');

    await widget(page).getByRole('button', {name: 'Sign out'}).click();
    await expect.poll(() => markedSteps(page)).toEqual([GUIDE_STEPS['sign-out']]);
  });
});

test.describe('at 360 px', () => {
  test.use({viewport: {width: 360, height: 740}});

  test('a Try it link near the top jumps to the panel, which stays after the steps', async ({page}) => {
    await openGuide(page);
    const link = page.getByRole('link', {name: /^Try it: sign in to your portal/});
    await expect(link).toBeInViewport();
    // One column: the panel below every step.
    expect((await box(widget(page))).y).toBeGreaterThan((await box(stepHeading(page, GUIDE_STEPS['sign-out']))).y);
    await expect(widget(page)).not.toBeInViewport();
    await link.click();
    await expect(page).toHaveURL(/#try-it$/);
    await expect(page.locator('h2#try-it')).toBeInViewport();
    await expect(widget(page)).toBeInViewport();
  });
});

test('the sandbox accounts picker fills the sandbox’s address and the chosen user', async ({page}) => {
  await openGuide(page);
  const picker = widget(page).getByLabel('Sandbox account');
  await expect(picker).toHaveValue('demo');
  await picker.selectOption('sms-2fa');
  await widget(page).getByRole('button', {name: 'Use the sandbox portal'}).click();
  await expect(page.getByLabel('Portal address')).toHaveValue(sandboxUrl);
  await expect(page.getByLabel('User name')).toHaveValue('sms-2fa');
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
  await expect(widget(page).getByText('The portal sent a code by SMS to +1 *** *** 12 34')).toBeVisible();
});
