import {expect, test} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {startSandbox} from '../../servers/sandbox/node';
import {GUIDE, MASK, alert, axeViolations, closedPort, openGuide, signIn, widget} from './support';

test('happy path: the sandbox button, a masked token with its expiry, then the profile without another click', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openGuide(page);
  await page.getByRole('button', {name: 'Use the sandbox portal'}).click();
  await expect(page.getByLabel('Portal address')).toHaveValue(sandboxUrl);
  await expect(page.getByLabel('User name')).toHaveValue('demo');
  await page.getByRole('button', {name: 'Get token', exact: true}).click();

  const region = widget(page);
  await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();
  await expect(region.locator('dd', {hasText: 'demo@sandbox.example'})).toBeVisible();
  await expect(region.getByText(/expires .* \(in 12 months\)/)).toBeVisible();
  await expect(region.locator('dd', {hasText: /^(owner|admin|user|guest|room admin)$/})).toHaveCount(1);
  await expect(region.locator('dd', {hasText: /^active/})).toHaveCount(1);
  await expect(region.getByText(`Token: ${MASK}`)).toBeVisible();
  // The sandbox's avatar path is on its own origin, so it loads.
  await expect(region.locator('img')).toHaveAttribute('src', new RegExp(`^${sandboxUrl}/`));

  // Both calls, as the guide prints them; the password masked, the token masked until shown.
  const http = region.locator('pre', {hasText: 'HTTP/1.1'});
  await expect(http).toHaveCount(2);
  await expect(http.first()).toContainText('POST /api/2.0/authentication HTTP/1.1');
  await expect(http.first()).toContainText(`"password": "${MASK}"`);
  await expect(http.nth(1)).toContainText('GET /api/2.0/people/@self HTTP/1.1');
  await expect(http.nth(1)).toContainText(`Authorization: ${MASK}`);
  await expect(region).not.toContainText(SANDBOX_PASSWORD);

  await region.getByRole('button', {name: 'Show token'}).click();
  const token = (await region.locator('code').first().textContent())!;
  expect(token).not.toBe(MASK);
  await expect(http.nth(1)).toContainText(`Authorization: ${token}`);
  await expect(http.first()).toContainText(`"password": "${MASK}"`);

  await region.getByRole('button', {name: 'Copy token'}).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await region.getByRole('button', {name: 'Copy as cURL'}).first().click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain(`curl -X POST '${sandboxUrl}/api/2.0/authentication'`);
  expect(curl).not.toContain(SANDBOX_PASSWORD);

  // The raw JSON on demand, as text.
  await region.getByText('Raw JSON').click();
  await expect(region.locator('details pre')).toContainText('"displayName": "Dana Demo"');
});

test('authenticator app: asks for the code, then continues to the profile', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'app-2fa');
  await expect(widget(page).getByText('enter the code your authenticator app shows')).toBeVisible();
  await page.getByLabel('Authentication code').fill(SANDBOX_CODE);
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
  await expect(widget(page).locator('pre', {hasText: `POST /api/2.0/authentication/${SANDBOX_CODE} HTTP/1.1`})).toHaveCount(1);
});

test('SMS: says where the code went, and a wrong code is a precise 401', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'sms-2fa');
  await expect(widget(page).getByText('The portal sent a code by SMS to +1 *** *** 12 34')).toBeVisible();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(alert(page)).toContainText('The code is wrong or has expired (401)');
  await signIn(page, 'sms-2fa');
  await page.getByLabel('Authentication code').fill(SANDBOX_CODE);
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(widget(page).getByText('Simone Sms', {exact: true})).toBeVisible();
});

test('second factor not set up: the app’s key as text with a code field; a phone is set up in the portal', async ({page}) => {
  await openGuide(page);
  await signIn(page, 'app-setup');
  // Scoped to the widget: the guide's own table says the same words.
  await expect(widget(page).getByText('the authenticator app is not set up yet')).toBeVisible();
  await expect(widget(page).getByText(/Key to enter in the authenticator app by hand: JBSWY3DPEHPK3PXP/)).toBeVisible();
  // The sandbox's confirmUrl is on its own origin, so the widget links to it.
  const link = widget(page).getByRole('link', {name: 'Open the set-up page in the portal'});
  expect(new URL((await link.getAttribute('href'))!).origin).toBe(sandboxUrl);
  await expect(page.getByLabel('Authentication code')).toBeVisible();

  await signIn(page, 'sms-setup');
  await expect(widget(page).getByText('a phone for SMS codes is not set up yet')).toBeVisible();
  await expect(page.getByLabel('Authentication code')).toHaveCount(0);
});

test('session token: ends with the session', async ({page}) => {
  await openGuide(page);
  await page.getByLabel('Session token').check();
  await signIn(page, 'demo');
  await expect(widget(page).getByText('It ends with the session.')).toBeVisible();
  await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
});

test.describe('every failure, said precisely, in a focused alert', () => {
  const cases: [string, RegExp][] = [
    ['disabled', /This account is disabled \(403\).*“User disabled”/],
    ['rate-limited', /Too many requests \(429\)/],
    ['server-error', /failed with HTTP 500/],
    ['html-error', /A gateway in front of the portal failed \(HTTP 502\)[\s\S]*not JSON[\s\S]*<(html|!doctype)/i],
    ['no-token', /answered HTTP 200, but not as expected/],
  ];
  for (const [account, message] of cases) {
    test(`${account}`, async ({page}) => {
      await openGuide(page);
      await signIn(page, account);
      await expect(alert(page)).toContainText(message);
      await expect(alert(page)).toBeFocused();
      // The form stays filled except the password; no token or profile beside the error.
      await expect(page.getByLabel('Portal address')).toHaveValue(sandboxUrl);
      await expect(page.getByLabel('User name')).toHaveValue(account);
      await expect(page.getByLabel('Password', {exact: true})).toHaveValue('');
      await expect(widget(page).getByText(/^Token:/)).toHaveCount(0);
    });
  }

  test('wrong password: 401, five failures lock the login; an old token is never shown beside it', async ({page}) => {
    await openGuide(page);
    await signIn(page, 'demo');
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
    await signIn(page, 'demo', {password: 'wrong-password'});
    await expect(alert(page)).toContainText('Wrong user name or password (401)');
    await expect(alert(page)).toContainText('five failures');
    await expect(widget(page).getByText(/^Token:/)).toHaveCount(0);
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toHaveCount(0);
  });

  test('an unusable address is flagged at its field: nothing sent, the password kept for the fixed address', async ({page}) => {
    let attempts = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/2.0/authentication')) attempts++;
    });
    await openGuide(page);
    await signIn(page, 'demo', {portal: 'ftp://portal.example.com'});
    const address = page.getByLabel('Portal address');
    await expect(address).toHaveAccessibleDescription(/must start with https:\/\/ or http:\/\//);
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toBeFocused();
    await expect(page.getByLabel('Password', {exact: true})).toHaveValue(SANDBOX_PASSWORD);
    await expect(alert(page)).toHaveCount(0);
    // Fixed, one more press sends the password still in its field.
    await address.fill(sandboxUrl);
    await expect(address).not.toHaveAttribute('aria-invalid');
    await page.getByRole('button', {name: 'Get token', exact: true}).click();
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
    // The form folded with the token; opened again, its password is gone: sent once, kept nowhere.
    await widget(page).getByRole('button', {name: 'Change', exact: true}).click();
    await expect(page.getByLabel('Password', {exact: true})).toHaveValue('');
    expect(attempts).toBe(1);
  });

  test('a portal this site’s Content-Security-Policy does not allow: said as that, with the setting that allows it, not as CORS', async ({page}) => {
    const portal = await startSandbox({port: 0});
    // The tests' policy lets http://127.0.0.1:* in (playwright.config.ts): the same portal as localhost is outside it.
    const blocked = portal.url.replace('127.0.0.1', 'localhost');
    try {
      await openGuide(page);
      await signIn(page, 'demo', {portal: blocked});
      await expect(alert(page)).toContainText(`This site’s Content-Security-Policy blocked the call to ${blocked}.`);
      await expect(alert(page)).toContainText('this is not CORS, and not a portal that is down');
      await expect(alert(page)).toContainText(`CSP_EXTRA_ORIGINS=${blocked} npm run serve`);
      await expect(alert(page)).not.toContainText('cannot tell');
      await expect(alert(page).getByRole('button', {name: 'Send through this site’s proxy'})).toHaveCount(0);
      await expect(alert(page).getByRole('link', {name: 'What this failure means, in the guide'})).toHaveAttribute('href', '#content-security-policy-the-page-may-not-call-the-portal');
      await expect(alert(page).locator('pre')).toContainText(`curl -X POST '${blocked}/api/2.0/authentication'`);
    } finally {
      await portal.close();
    }
  });

  // The lockout itself (403 with the server's message): tryit-reader.spec.ts, with the warnings before it.

  test('a closed port: a network failure that says what failed, names CORS and the proxy and offers cURL', async ({page}) => {
    const port = await closedPort();
    await openGuide(page);
    await signIn(page, 'demo', {portal: `http://127.0.0.1:${port}`});
    await expect(alert(page)).toContainText('Getting a token failed: no answer from the portal reached this page.');
    await expect(widget(page)).not.toContainText('got no answer this page may read');
    await expect(alert(page)).toContainText('cannot tell');
    await expect(alert(page)).toContainText('core.cors');
    await expect(alert(page).locator('pre')).toContainText(`curl -X POST 'http://127.0.0.1:${port}/api/2.0/authentication'`);
    await expect(alert(page).locator('pre')).not.toContainText(SANDBOX_PASSWORD);
  });

  test('a strict-CORS portal: network failure, then resent through this site’s proxy on request', async ({page}) => {
    const strict = await startSandbox({port: 0, cors: false});
    try {
      await openGuide(page);
      await expect(page.getByText('Calls go: browser → portal')).toBeVisible();
      await signIn(page, 'demo', {portal: strict.url});
      await expect(alert(page)).toContainText('cannot tell');
      await page.getByRole('button', {name: 'Send through this site’s proxy'}).click();
      await expect(page.getByText('Calls go: browser → this site → portal')).toBeVisible();
      await expect(page.getByText('pass through this site’s server')).toBeVisible();
      await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
      await expect(widget(page).getByText('via this site’s proxy').first()).toBeVisible();
    } finally {
      await strict.close();
    }
  });

  test('slow portal: Cancel while waiting', async ({page}) => {
    await openGuide(page);
    await signIn(page, 'slow');
    await expect(page.getByRole('status').first()).toContainText('Asking the portal for a token');
    await page.getByRole('button', {name: 'Cancel'}).click();
    await expect(alert(page)).toContainText('Cancelled.');
    await expect(page.getByRole('button', {name: 'Get token', exact: true})).toBeEnabled();
  });

  test('slow portal: timeout after 15 seconds, nothing retried', async ({page}) => {
    test.setTimeout(60_000);
    let attempts = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/2.0/authentication')) attempts++;
    });
    await openGuide(page);
    await signIn(page, 'slow');
    await expect(alert(page)).toContainText('did not answer within 15 seconds', {timeout: 30_000});
    expect(attempts).toBe(1);
  });
});

test('sign out ends the token (then @self answers 401); forget only clears the page', async ({page, request}) => {
  await openGuide(page);
  await signIn(page, 'demo');
  const region = widget(page);
  await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();
  await region.getByRole('button', {name: 'Show token'}).click();
  const first = (await region.locator('code').first().textContent())!;
  await region.getByRole('button', {name: 'Sign out'}).click();
  await expect(page.getByText('Signed out: the portal no longer accepts that token.')).toBeVisible();
  await expect(region).not.toContainText(first);
  const after = await request.get(`${sandboxUrl}/api/2.0/people/@self`, {headers: {Authorization: first}});
  expect(after.status()).toBe(401);

  await signIn(page, 'demo');
  await region.getByRole('button', {name: 'Show token'}).click();
  const second = (await region.locator('code').first().textContent())!;
  await region.getByRole('button', {name: 'Forget token'}).click();
  await expect(page.getByText('Token removed from this page.')).toBeVisible();
  await expect(region).not.toContainText(second);
  const still = await request.get(`${sandboxUrl}/api/2.0/people/@self`, {headers: {Authorization: second}});
  expect(still.status()).toBe(200);
});

test('the examples follow the reader’s portal and user name, and the token only when asked', async ({page}) => {
  await openGuide(page);
  // The "set these" block: the variables the example programs read.
  // The block that sets the variables (create-key.sh, earlier on the page, only reads DOCSPACE_PORTAL).
  const examples = page.locator('.theme-code-block', {hasText: 'export DOCSPACE_PORTAL='});
  const host = new URL(sandboxUrl).host;
  await expect(examples.first()).toContainText("export DOCSPACE_PORTAL='https://yourportal.onlyoffice.com'");
  await expect(examples.first()).toContainText("export DOCSPACE_USER='yourusername'");
  await page.getByLabel('Portal address').fill(sandboxUrl);
  await expect(examples.first()).toContainText(`export DOCSPACE_PORTAL='${sandboxUrl}'`);
  await expect(examples.first()).not.toContainText('yourportal.onlyoffice.com');
  // Every code block on the page follows, the guide's HTTP listings included (four of the token steps, five of the keys).
  const blocks = page.locator('article .theme-code-block');
  await expect(blocks.filter({hasText: `Host: ${host}`})).toHaveCount(9);
  await expect(blocks.filter({hasText: 'yourportal.onlyoffice.com'})).toHaveCount(0);

  await signIn(page, 'demo');
  await expect(examples.first()).toContainText("export DOCSPACE_USER='demo'");
  await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
  await widget(page).getByRole('button', {name: 'Show token'}).click();
  const token = (await widget(page).locator('code').first().textContent())!;
  const pageText = () => page.locator('article').innerText();
  expect(await pageText()).not.toContain(SANDBOX_PASSWORD);
  await widget(page).getByRole('button', {name: 'Hide token'}).click();
  expect((await pageText()).includes(token)).toBe(false);
  // The examples follow in a deferred render (src/readerPortal): poll, not one read.
  await page.getByLabel('Put my token in the examples').check();
  await expect.poll(async () => (await pageText()).includes(token)).toBe(true);
  await expect(page.locator('.theme-code-block', {hasText: 'export DOCSPACE_TOKEN='}).first()).toContainText(`export DOCSPACE_TOKEN='${token}'`);
  await page.getByLabel('Put my token in the examples').uncheck();
  await expect.poll(async () => (await pageText()).includes(token)).toBe(false);

  // The host is remembered for the next visit.
  await page.reload();
  await expect(examples.first()).toContainText(host);
});

test('portal data is text: markup in a display name shows as characters, a foreign avatar is not loaded', async ({page}) => {
  const evil = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.route('**/api/2.0/people/@self', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: {'access-control-allow-origin': '*'},
      body: JSON.stringify({
        response: {id: '1', displayName: evil, email: '"><script>alert(2)</script>', avatar: 'https://elsewhere.example/a.png', status: 1},
        status: 0,
        statusCode: 200,
      }),
    }),
  );
  await openGuide(page);
  await signIn(page, 'demo');
  await expect(widget(page).getByText(evil, {exact: true})).toBeVisible();
  await expect(widget(page).locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('keyboard only: fill, submit and read the result without a mouse', async ({page}) => {
  await openGuide(page);
  await page.getByLabel('Portal address').focus();
  await page.keyboard.type(sandboxUrl);
  // The route switch comes after the address, then the user name.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('app-2fa');
  await page.keyboard.press('Tab');
  await page.keyboard.type(SANDBOX_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Authentication code')).toBeFocused();
  await page.keyboard.type(SANDBOX_CODE);
  await page.keyboard.press('Enter');
  await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
  // Tab reaches "Show token" and Space presses it.
  await page.getByRole('button', {name: 'Sign out'}).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', {name: 'Show token'})).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', {name: 'Hide token'})).toBeVisible();
});

test('fits a 360 px wide screen after a full flow', async ({page}) => {
  await page.setViewportSize({width: 360, height: 740});
  await openGuide(page);
  await signIn(page, 'demo');
  await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
  await widget(page).getByRole('button', {name: 'Show token'}).click();
  await widget(page).getByText('Raw JSON').click();
  // Nothing in the widget reaches past the screen, except inside its own scrolling boxes.
  const sticking = await widget(page).evaluate((section) => {
    const scrolls = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== section.parentElement; parent = parent.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    return [section, ...Array.from(section.querySelectorAll('*'))]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth && !scrolls(element))
      .map((element) => element.outerHTML.slice(0, 80));
  });
  expect(sticking).toEqual([]);
  // Nor does the page around it scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the widget, ${theme} mode`, async ({page}) => {
    test.setTimeout(120_000); // four full axe runs
    await page.emulateMedia({colorScheme: theme});
    await openGuide(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const check = async () => expect(await axeViolations(page, 'section[aria-label^="Try it"]')).toEqual([]);
    await check();
    await signIn(page, 'sms-2fa');
    await expect(page.getByLabel('Authentication code')).toBeVisible();
    await check();
    await signIn(page, 'html-error');
    await expect(alert(page)).toBeVisible();
    await check();
    await page.getByRole('switch').check();
    await signIn(page, 'demo');
    await expect(widget(page).getByText('Dana Demo', {exact: true})).toBeVisible();
    await widget(page).getByText('Raw JSON').click();
    await check();
  });
}

// Counts the shifts the widget can cause: of the widget itself or of anything after it. (The stock
// CodeBlock adds its word-wrap button after hydration, a tiny shift above the widget: not ours.)
test('no layout shift while the widget loads (CLS 0), also with a remembered portal', async ({page}) => {
  await page.addInitScript(() => {
    type Shift = PerformanceEntry & {value: number; hadRecentInput: boolean; sources: {node?: Node}[]};
    const shifts: number[] = ((window as unknown as {shifts: number[]}).shifts = []);
    new PerformanceObserver((list) => {
      const widget = document.querySelector('section[aria-label^="Try it"]');
      for (const entry of list.getEntries() as Shift[]) {
        const ours = entry.sources.some(
          ({node}) => !node || !widget || widget.contains(node) || (widget.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        );
        if (!entry.hadRecentInput && ours) shifts.push(entry.value);
      }
    }).observe({type: 'layout-shift', buffered: true});
  });
  for (const remembered of [false, true]) {
    if (remembered) await page.evaluate((url) => localStorage.setItem('docspace-guide:portal', url), sandboxUrl);
    await page.goto(GUIDE);
    await widget(page).scrollIntoViewIfNeeded();
    // The widget's chunk loads after the page: allow for a busy machine, as openGuide does.
    await expect(page.getByRole('button', {name: 'Use the sandbox portal'})).toBeVisible({timeout: 15_000});
    // Two frames, so any shift from the last render is reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as unknown as {shifts: number[]}).shifts)).toEqual([]);
  }
});

test('no storage, cookie, URL or console line holds the password, nor the token unless remembered', async ({page, context}) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const password = 'demo-password';
  await openGuide(page);
  await signIn(page, 'app-2fa', {password});
  await page.getByLabel('Authentication code').fill(SANDBOX_CODE);
  await page.getByRole('button', {name: 'Confirm code'}).click();
  await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
  await widget(page).getByRole('button', {name: 'Show token'}).click();
  const token = (await widget(page).locator('code').first().textContent())!;

  const traces = async () => {
    const storage = await page.evaluate(() => JSON.stringify([{...localStorage}, {...sessionStorage}]));
    const cookies = JSON.stringify(await context.cookies());
    return [storage, cookies, page.url(), ...consoleLines].join('\n');
  };
  let all = await traces();
  expect(all).not.toContain(password);
  expect(all).not.toContain(token);

  await page.getByLabel(/Remember for this tab/).check();
  all = await traces();
  expect(all).not.toContain(password);
  expect(all).toContain(token);
  // Remembered: a reload in the same tab shows the same user again, the password still nowhere.
  await page.reload();
  await expect(widget(page).getByText('Avery App', {exact: true})).toBeVisible();
  expect(await traces()).not.toContain(password);

  await page.getByLabel(/Remember for this tab/).uncheck();
  expect(await traces()).not.toContain(token);
});
