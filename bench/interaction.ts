/**
 * How soon the guide answers a reader's first input once it is interactive, with the CPU slowed 4×
 * (as Lighthouse mobile assumes): the first tab switch, the first copy and the first keystroke in
 * the try-it panel, each in a fresh page, made as soon as the page is hydrated. Each figure is the
 * Event Timing duration of the input: from the input to the next frame painted after its handlers
 * (the browser's own measure behind INP). Event Timing reports only inputs of 16 ms or more, about a
 * frame, so `≤ 16` means within one frame.
 */
import type {Browser, Page} from '@playwright/test';
import {CPU_SLOWDOWN} from './startup-trace';
import {median} from './servers';

export interface FirstInputs {
  /** ms, median of the loads; 0 stands for under 16 ms (reported as `≤ 16`). */
  tabSwitchMs: number;
  copyMs: number;
  /** Only where the page has the panel. */
  keystrokeMs?: number;
}

/** The longest Event Timing entry of the interaction `run` makes (0 when none reached 16 ms). */
async function inputDuration(page: Page, run: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as {inputDurations: number[]};
    w.inputDurations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        w.inputDurations.push(entry.duration);
        console.debug(`input ${entry.name} ${entry.duration} delay ${Math.round(entry.processingStart - entry.startTime)} processing ${Math.round(entry.processingEnd - entry.processingStart)}`);
      }
    }).observe({type: 'event', durationThreshold: 16} as PerformanceObserverInit);
  });
  await run();
  // Event Timing entries arrive after the frame they end with.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(() => Math.max(0, ...(window as unknown as {inputDurations: number[]}).inputDurations));
}

async function loadHydrated(browser: Browser, url: string): Promise<{page: Page; close: () => Promise<void>}> {
  const context = await browser.newContext({permissions: ['clipboard-read', 'clipboard-write']});
  const page = await context.newPage();
  if (process.env.BENCH_DEBUG_INPUTS) page.on('console', (message) => message.type() === 'debug' && console.error(message.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
  await page.goto(url);
  await page.locator('html[data-has-hydrated="true"]').waitFor({timeout: 60_000});
  return {page, close: () => context.close()};
}

export interface InputLabels {
  /** The copy button's accessible name in the page's language (default: English, "Copy code to clipboard"). */
  copy?: string;
  /** The try-it panel's address field, on a page with the panel: a keystroke is timed there too. */
  portal?: string;
}

/** `runs` fresh loads per input. */
export async function measureFirstInputs(browser: Browser, url: string, runs: number, labels: InputLabels = {}): Promise<FirstInputs> {
  const portalLabel = labels.portal;
  const withPanel = portalLabel !== undefined;
  const tab: number[] = [];
  const copy: number[] = [];
  const key: number[] = [];
  for (let run = 0; run < runs; run++) {
    {
      const {page, close} = await loadHydrated(browser, url);
      // A language tab of a group further down ("Python"), as a reader picking their language.
      const python = page.getByRole('tab', {name: 'Python', exact: true}).first();
      tab.push(await inputDuration(page, () => python.click()));
      await close();
    }
    {
      const {page, close} = await loadHydrated(browser, url);
      const button = page.locator('.theme-code-block').first().getByRole('button', {name: labels.copy ?? 'Copy code to clipboard'});
      await page.locator('.theme-code-block').first().hover();
      copy.push(await inputDuration(page, () => button.click()));
      await close();
    }
    if (withPanel) {
      const {page, close} = await loadHydrated(browser, url);
      const field = page.getByLabel(portalLabel!).first();
      await field.click();
      key.push(await inputDuration(page, () => page.keyboard.press('h')));
      await close();
    }
  }
  return {tabSwitchMs: median(tab), copyMs: median(copy), ...(withPanel ? {keystrokeMs: median(key)} : {})};
}

/** A duration as the results file shows it. */
export function formatInputMs(ms: number | undefined): string {
  if (ms === undefined) return '–';
  if (Number.isNaN(ms)) return 'not measured (see the log)';
  return ms === 0 ? '≤ 16 ms' : `${Math.round(ms)} ms`;
}
