/**
 * Where a page's start-up spends the main thread, from a V8 CPU profile: each sample's time goes
 * to the original source file and function its frame maps to (through the bundles' source maps),
 * as self time (the frame on top) and inclusive time (anywhere on the stack, once per file).
 */

/** The parts of a CDP `Profiler.Profile` this reads. */
export interface CpuProfile {
  nodes: {id: number; callFrame: {functionName: string; url: string; lineNumber: number; columnNumber: number}; children?: number[]}[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a generated position came from; null when the frame is not in a mapped bundle. */
export type Locate = (url: string, line: number, column: number) => {source: string; name: string | null} | null;

export interface ProfileTotals {
  /** ms of samples with this file:function on top of the stack. */
  selfByFunction: Map<string, number>;
  /** ms of samples with this file on the stack. */
  inclusiveByFile: Map<string, number>;
  /** ms of all samples. */
  totalMs: number;
}

/** node_modules paths shortened to the package (and its file for Docusaurus's own packages). */
export function shortSource(source: string): string {
  const path = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (!inModules) return path;
  const [, pkg, file] = inModules;
  return pkg!.startsWith('@docusaurus/') ? `${pkg}/${file}` : pkg!;
}

export function emptyTotals(): ProfileTotals {
  return {selfByFunction: new Map(), inclusiveByFile: new Map(), totalMs: 0};
}

/** Adds one profile's samples to `totals`. */
export function addProfile(totals: ProfileTotals, profile: CpuProfile, locate: Locate): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frames = new Map<number, {file: string; fn: string}>();
  const frameOf = (id: number) => {
    let frame = frames.get(id);
    if (!frame) {
      const {functionName, url, lineNumber, columnNumber} = byId.get(id)!.callFrame;
      if (!url) {
        // V8's own entries: (root), (program), (idle), (garbage collector).
        frame = {file: functionName || '(program)', fn: ''};
      } else {
        const original = locate(url, lineNumber + 1, columnNumber);
        frame = original ? {file: shortSource(original.source), fn: original.name ?? functionName} : {file: url.replace(/^.*\//, '') || url, fn: functionName};
      }
      frames.set(id, frame);
    }
    return frame;
  };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

  profile.samples.forEach((id, i) => {
    // A sample's time runs until the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    totals.totalMs += ms;
    const top = frameOf(id);
    add(totals.selfByFunction, top.fn ? `${top.file} ${top.fn}` : top.file, ms);
    const files = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) files.add(frameOf(node).file);
    for (const file of files) add(totals.inclusiveByFile, file, ms);
  });
}

/** The biggest entries, per load, as markdown table rows. */
export function topRows(map: Map<string, number>, loads: number, count: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `| ${(ms / loads).toFixed(1)} ms | \`${key.replace(/\|/g, '\\|')}\` |`);
}

/** A stretch of the main thread without an idle sample, as Lighthouse's long tasks would see it. */
export interface BusyStretch {
  /** ms from the profile's start. */
  startMs: number;
  durationMs: number;
  /** Files on the stack during the stretch, by ms inclusive, biggest first. */
  files: [string, number][];
}

/**
 * The stretches of at least `minMs` between idle samples: what blocks the reader (Total Blocking
 * Time counts every ms past 50 of each). `(program)` inside one is the browser's own work.
 */
export function busyStretches(profile: CpuProfile, locate: Locate, minMs = 50): BusyStretch[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const fileOf = (id: number) => {
    const {functionName, url, lineNumber, columnNumber} = byId.get(id)!.callFrame;
    if (!url) return functionName || '(program)';
    const original = locate(url, lineNumber + 1, columnNumber);
    return original ? shortSource(original.source) : url.replace(/^.*\//, '') || url;
  };
  const stretches: BusyStretch[] = [];
  let current: {startMs: number; durationMs: number; files: Map<string, number>} | null = null;
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      if (current && current.durationMs >= minMs) stretches.push({...current, files: [...current.files].sort((a, b) => b[1] - a[1])});
      current = null;
      return;
    }
    current ??= {startMs: at, durationMs: 0, files: new Map()};
    current.durationMs += ms;
    const files = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) files.add(fileOf(node));
    files.delete('(root)');
    for (const file of files) current.files.set(file, (current.files.get(file) ?? 0) + ms);
  });
  const last = current as {startMs: number; durationMs: number; files: Map<string, number>} | null;
  if (last && last.durationMs >= minMs) stretches.push({...last, files: [...last.files].sort((a, b) => b[1] - a[1])});
  return stretches;
}
