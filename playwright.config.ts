import {defineConfig} from '@playwright/test';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from './scripts/chromium';

// One port pair per run, chosen in the main process; workers inherit the environment.
process.env.E2E_SITE_PORT ??= String(20000 + Math.floor(Math.random() * 20000));
process.env.E2E_SANDBOX_PORT ??= String(Number(process.env.E2E_SITE_PORT) + 1);

export const siteUrl = `http://127.0.0.1:${process.env.E2E_SITE_PORT}`;
export const sandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: siteUrl,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: 'npm run sandbox',
      url: `${sandboxUrl}/`,
      env: {SANDBOX_PORT: process.env.E2E_SANDBOX_PORT},
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'npm run serve',
      url: `${siteUrl}/`,
      // SANDBOX_URL: the widget's sandbox button, read at run time; loopback: the proxy may reach test sandboxes.
      env: {
        PORT: process.env.E2E_SITE_PORT,
        SANDBOX_URL: sandboxUrl,
        PROXY_ALLOW_LOOPBACK: '1',
        // Tests start portals on random local ports and call them from the page: let the CSP allow them.
        CSP_EXTRA_ORIGINS: 'http://127.0.0.1:*',
        // Test a build made elsewhere, e.g. BUILD_DIR=/tmp/build-x npx playwright test; default ./build.
        ...(process.env.BUILD_DIR ? {BUILD_DIR: process.env.BUILD_DIR} : {}),
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
