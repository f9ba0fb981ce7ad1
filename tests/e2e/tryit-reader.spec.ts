/**
 * The try-it panel as a new reader meets it (issue 11): the proxy's refusals told apart from the
 * portal's answers, a second chance at a code, app set-up finished in the panel, the lockout said
 * before it happens, empty fields caught, the wording, the keyboard focus, and phone widths.
 */
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl, siteUrl} from '../../playwright.config';
import {SANDBOX_CODE} from '../../servers/sandbox/accounts';
import {startSandbox, type RunningSandbox} from '../../servers/sandbox/node';
import {GUIDE, alert, closedPort, openGuide, signIn, widget} from './support';

/** A sandbox of the test's own, so the failures it causes lock nobody else's login. */
async function withOwnSandbox(run: (sandbox: RunningSandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({port: 0});
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

const codeField = (page: Page) => page.getByLabel('Authentication code');

test.describe('a refusal of this site’s proxy is not blamed on the portal or the account', () => {
  for (const [what, portal, advice] of [
    ['an http:// portal', 'http://portal.example.com', /This site’s proxy refused to pass the call on \(403, insecure-target\)[\s\S]*never saw this call[\s\S]*https:\/\/ address, or switch the route to browser → portal/],
    ['a private address', 'https://10.1.2.3', /This site’s proxy refused to pass the call on \(403, address-not-allowed\)[\s\S]*public address, or switch the route to browser → portal/],
  ] as const) {
    test(`${what} through the proxy: says what the proxy refused and what to do`, async ({page}) => {
      await openGuide(page);
      await page.getByRole('switch').check();
      await signIn(page, 'dana@example.com', {portal});
      await expect(alert(page)).toContainText(advice);
      await expect(alert(page)).not.toContainText(/account may be disabled|administrator|The portal refused/);
      await expect(alert(page)).toBeFocused();
    });
  }

  test('a portal the proxy cannot reach: it says it could not reach it, not that it refused, and links to the 502 part', async ({page}) => {
    const port = await closedPort();
    await openGuide(page);
    await page.getByRole('switch').check();
    await signIn(page, 'demo', {portal: `http://127.0.0.1:${port}`});
    await expect(alert(page)).toContainText('This site’s proxy could not reach the portal (502, upstream-unreachable).');
    await expect(alert(page)).toContainText(`The proxy answered POST http://127.0.0.1:${port}/api/2.0/authentication with 502 (upstream-unreachable)`);
    await expect(alert(page)).not.toContainText(/refused|never saw/);
    await expect(alert(page).getByRole('link', {name: 'What this failure means, in the guide'})).toHaveAttribute('href', '#502-bad-gateway');
  });

  test('straight from a portal, the header proves nothing: its 403 stays the portal’s answer', async ({page}) => {
    await page.route(`${sandboxUrl}/api/2.0/authentication`, (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        headers: {'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-proxy-refusal', 'x-proxy-refusal': 'insecure-target'},
        body: JSON.stringify({error: {message: 'User disabled', reason: 'insecure-target'}, status: 1, statusCode: 403}),
      }),
    );
    await openGuide(page);
    await signIn(page, 'demo');
    await expect(alert(page)).toContainText('This account is disabled (403).');
    await expect(alert(page)).not.toContainText('proxy refused');
  });
});

test.describe('after a wrong code, the code field stays for another try', () => {
  for (const [account, name] of [
    ['sms-2fa', 'Simone Sms'],
    ['app-2fa', 'Avery App'],
  ] as const) {
    test(account, async ({page}) => {
      await withOwnSandbox(async (sandbox) => {
        await openGuide(page);
        await signIn(page, account, {portal: sandbox.url});
        await codeField(page).fill('000000');
        await page.getByRole('button', {name: 'Confirm code'}).click();
        await expect(alert(page)).toContainText('The code is wrong or has expired (401)');
        await expect(codeField(page)).toBeFocused();
        await expect(codeField(page)).toHaveValue('');
        await page.keyboard.type(SANDBOX_CODE);
        await page.keyboard.press('Enter');
        await expect(widget(page).getByText(name, {exact: true})).toBeVisible();
        await expect(alert(page)).toHaveCount(0);
      });
    });
  }
});

test('app set-up: the key and the set-up link, then the code that activates the app signs in', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'app-setup');
  await expect(widget(page).getByText(/Key to enter in the authenticator app by hand: JBSWY3DPEHPK3PXP/)).toBeVisible();
  await expect(widget(page).getByRole('link', {name: 'Open the set-up page in the portal'})).toBeVisible();
  await expect(widget(page).getByText('the first right code activates the app')).toBeVisible();
  await expect(codeField(page)).toBeFocused();
  await page.keyboard.type(SANDBOX_CODE);
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(widget(page).getByText('Sam Setup', {exact: true})).toBeVisible();
});

test('from the 4th failure of a login, the panel says one more locks it for a minute; then the portal refuses it (403) with its message', async ({page}) => {
  await withOwnSandbox(async (sandbox) => {
    await openGuide(page);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, 'demo', {portal: sandbox.url, password: `wrong-${attempt}`});
      await expect(alert(page)).toContainText('(401)');
      const said = alert(page);
      if (attempt < 4) await expect(said).toContainText('After five failures within a minute the portal locks this login for a minute');
      if (attempt === 4) await expect(said).toContainText('That is the 4th failure for this login within a minute: one more locks it for a minute');
      if (attempt === 5) await expect(said).toContainText('the portal now locks it for a minute');
    }
    await signIn(page, 'demo', {portal: sandbox.url});
    await expect(alert(page)).toContainText(/This login is locked after too many failed attempts \(403\).*Too many login attempts/);
  });
});

test('an empty user name or password is caught in the panel and never sent', async ({page}) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/2.0/')) sent.push(request.url());
  });
  await openGuide(page);
  await page.getByLabel('Portal address').fill(sandboxUrl);
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
  await expect(widget(page).getByText('Enter your user name (usually your email address).')).toBeVisible();
  await expect(widget(page).getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('User name')).toBeFocused();
  await expect(page.getByLabel('User name')).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.type('demo');
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
  await expect(page.getByLabel('Password', {exact: true})).toBeFocused();
  await expect(widget(page).getByText('Enter your user name (usually your email address).')).toHaveCount(0);
  await expect(widget(page).getByText('Enter your password.')).toBeVisible();
  expect(sent).toEqual([]);
});

test.describe('wording', () => {
  test('after Forget token, nothing speaks of signing out: no Sign out button is left', async ({page}) => {
    await openGuide(page);
    await signIn(page, 'demo');
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
    await widget(page).getByRole('button', {name: 'Forget token'}).click();
    await expect(widget(page).getByText('Token removed from this page.')).toBeVisible();
    await expect(widget(page).getByRole('button', {name: 'Sign out'})).toHaveCount(0);
    await expect(widget(page)).not.toContainText(/sign out/i);
  });

  test('a mixed-content refusal is listed as not sent, not as “no answer · 0 ms”', async ({page}) => {
    // The same build, served to the browser as an https page.
    const httpsSite = 'https://docs.test';
    await page.route(`${httpsSite}/**`, async (route) => {
      const url = new URL(route.request().url());
      await route.fulfill({response: await page.request.fetch(`${siteUrl}${url.pathname}${url.search}`)});
    });
    const toPortal: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('http://portal.example.com')) toPortal.push(request.url());
    });
    await page.goto(`${httpsSite}${GUIDE}`);
    await expect(page.getByRole('button', {name: 'Get token', exact: true})).toBeVisible({timeout: 15_000});
    await signIn(page, 'dana@example.com', {portal: 'http://portal.example.com'});
    await expect(alert(page)).toContainText('This page is served over https, and the portal address is http://.');
    await expect(widget(page).getByText('POST /api/2.0/authentication · not sent · direct')).toBeVisible();
    await expect(widget(page)).not.toContainText('no answer · 0 ms');
    expect(toPortal).toEqual([]);
  });
});

/** Counts, on every frame from now on, the frames in which the keyboard focus is on the page body. */
async function watchFocus(page: Page): Promise<() => Promise<number>> {
  type Watched = Window & {bodyFocusFrames: number};
  await page.evaluate(() => {
    (window as unknown as Watched).bodyFocusFrames = 0;
    const tick = () => {
      if (document.activeElement === document.body || document.activeElement === null) (window as unknown as Watched).bodyFocusFrames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () => page.evaluate(() => (window as unknown as Watched).bodyFocusFrames);
}

test('the keyboard focus never drops to the page body: signing in, with a code, forgetting the token, signing out', async ({page}) => {
  await withOwnSandbox(async (sandbox) => {
    await openGuide(page);
    await page.getByLabel('Portal address').fill(sandbox.url);
    await page.getByLabel('User name').fill('app-2fa');
    await page.getByLabel('Password', {exact: true}).fill('demo-password');
    const bodyFocusFrames = await watchFocus(page);
    await page.getByRole('button', {name: 'Get token', exact: true}).click();
    await expect(codeField(page)).toBeFocused();
    await page.keyboard.type(SANDBOX_CODE);
    await page.keyboard.press('Enter');
    await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
    expect(await bodyFocusFrames()).toBe(0);
    await expect(widget(page).getByRole('status').first()).toBeFocused();

    await widget(page).getByRole('button', {name: 'Forget token'}).click();
    await expect(widget(page).getByText('Token removed from this page.')).toBeVisible();
    expect(await bodyFocusFrames()).toBe(0);

    await signIn(page, 'demo', {portal: sandbox.url});
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
    await widget(page).getByRole('button', {name: 'Sign out'}).click();
    await expect(widget(page).getByText('Signed out: the portal no longer accepts that token.')).toBeVisible();
    expect(await bodyFocusFrames()).toBe(0);
  });
});

/**
 * Where text in `selector` (inside the widget) wraps inside a word: a line that starts neither after
 * a space, an @ or a hyphen nor at a dot. Returns each such break as "text before|rest".
 */
function midWordBreaks(page: Page, selector: string): Promise<string[]> {
  return widget(page).evaluate((section, css) => {
    const breaks: string[] = [];
    const range = document.createRange();
    for (const element of Array.from(section.querySelectorAll(css))) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let previous: {top: number; char: string} | undefined;
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let at = 0; at < data.length; at++) {
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const char = data[at];
          const newLine = previous && rect.top > previous.top + rect.height / 2;
          const atSeparator = /[\s@-]/.test(previous?.char ?? '') || /\s|\./.test(char);
          if (newLine && !atSeparator) breaks.push(`${text}|${data.slice(at)}`);
          previous = {top: rect.top, char};
          text += char;
        }
      }
    }
    return breaks;
  }, selector);
}

for (const width of [320, 360, 390]) {
  test(`at ${width} px: no sideways scroll, the e-mail beside its label, no label or value broken mid-word`, async ({page}) => {
    await page.setViewportSize({width, height: 800});
    await openGuide(page);
    await signIn(page, 'demo');
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();

    const email = widget(page).locator('dd', {hasText: 'demo@sandbox.example'});
    const label = widget(page).locator('dt', {hasText: 'Email'});
    const [emailBox, labelBox] = [await email.boundingBox(), await label.boundingBox()];
    expect(emailBox && labelBox && Math.abs(emailBox.y - labelBox.y)).toBeLessThan(2);
    expect(emailBox!.x).toBeGreaterThan(labelBox!.x + labelBox!.width);

    expect(await midWordBreaks(page, 'dt, dd, label, button, strong')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('at 320 px a long e-mail wraps after the @ or before a dot, never inside a word', async ({page}) => {
  await page.route(`${sandboxUrl}/api/2.0/people/@self`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: {'access-control-allow-origin': '*'},
      body: JSON.stringify({
        response: {id: '1', displayName: 'Dana Demo', email: 'dana.demonstration-account@documentation-department.example.com', userName: 'dana.demonstration', status: 1, activationStatus: 1},
        status: 0,
        statusCode: 200,
      }),
    }),
  );
  await page.setViewportSize({width: 320, height: 800});
  await openGuide(page);
  await signIn(page, 'demo');
  await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
  const email = widget(page).locator('dd', {hasText: 'documentation-department'});
  expect((await email.boundingBox())!.height).toBeGreaterThan(30); // it does wrap
  expect(await midWordBreaks(page, 'dd')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
