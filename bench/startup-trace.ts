/**
 * What a page's start-up costs the main thread, from a Chromium trace with the CPU slowed 4× (as
 * Lighthouse mobile assumes): the first run of `main.js` (compile and evaluation, no code cache:
 * every load is a fresh browser context) and the work from its end until Docusaurus marks the
 * page hydrated (`<html data-has-hydrated>`), of which the longest task is the hydration commit.
 */
import type {Browser} from '@playwright/test';
import {median} from './servers';

export interface StartupTimes {
  /** `main.js`'s EvaluateScript: its first run, compile included. */
  mainJsMs: number;
  /** The longest main-thread task between main.js's end and `data-has-hydrated`: the hydration commit. */
  hydrationCommitMs: number;
  /** Every main-thread task in that window added up (route chunks, hydration, the effects after it). */
  hydrationWorkMs: number;
  /** From navigation start to `data-has-hydrated`. */
  hydratedAtMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {data?: {url?: string}};
}

export const CPU_SLOWDOWN = 4;
const HYDRATED_MARK = 'bench:has-hydrated';
const MAIN_JS = /\/main\.[0-9a-f]+\.js$/;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

/** One load of `url` traced; the page's own performance mark says when Docusaurus set data-has-hydrated. */
export async function traceStartup(browser: Browser, url: string): Promise<StartupTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((mark) => {
      // Watches the document itself: <html> may not exist yet when this runs.
      const observer = new MutationObserver(() => {
        if (document.documentElement?.getAttribute('data-has-hydrated') !== 'true') return;
        performance.mark(mark);
        observer.disconnect();
      });
      observer.observe(document, {subtree: true, attributes: true, attributeFilter: ['data-has-hydrated']});
    }, HYDRATED_MARK);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    await browser.startTracing(page, {categories: TRACE_CATEGORIES});
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, HYDRATED_MARK, {timeout: 60_000});
    const hydratedAtMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, HYDRATED_MARK);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {traceEvents: TraceEvent[]};
    return {...readTrace(trace.traceEvents, url), hydratedAtMs};
  } finally {
    await context.close();
  }
}

function readTrace(events: TraceEvent[], url: string): Omit<StartupTimes, 'hydratedAtMs'> {
  const mainJs = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && MAIN_JS.test(e.args?.data?.url ?? ''));
  if (!mainJs) throw new Error(`${url}: no evaluation of main.js in the trace`);
  const hydrated = events.find((e) => e.name === HYDRATED_MARK && e.pid === mainJs.pid);
  if (!hydrated) throw new Error(`${url}: no ${HYDRATED_MARK} mark in the trace`);
  const mainJsEnd = mainJs.ts + mainJs.dur!;
  // Top-level tasks of the page's main thread that start in the window (nested ones are inside them).
  const tasks: TraceEvent[] = [];
  for (const task of events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mainJs.pid && e.tid === mainJs.tid && e.ts >= mainJsEnd && e.ts < hydrated.ts)
    .sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1);
    if (!last || task.ts >= last.ts + last.dur!) tasks.push(task);
  }
  const durations = tasks.map((t) => t.dur! / 1000);
  return {
    mainJsMs: mainJs.dur! / 1000,
    hydrationCommitMs: Math.max(0, ...durations),
    hydrationWorkMs: durations.reduce((a, b) => a + b, 0),
  };
}

export function medianStartup(runs: StartupTimes[]): StartupTimes {
  const pick = (key: keyof StartupTimes) => median(runs.map((r) => r[key]));
  return {mainJsMs: pick('mainJsMs'), hydrationCommitMs: pick('hydrationCommitMs'), hydrationWorkMs: pick('hydrationWorkMs'), hydratedAtMs: pick('hydratedAtMs')};
}
