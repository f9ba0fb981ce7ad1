/**
 * Runs every example program under examples/ — the very files the guide renders — against the
 * sandbox portal, with each language's own toolchain, and checks what it prints.
 *
 * A language whose toolchain is missing is skipped with a message saying what to install, except
 * under CI=true, where it fails: CI must prove every example the page shows.
 */
import assert from 'node:assert/strict';
import {type SpawnOptions, spawn, spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {SANDBOX_PASSWORD, findSandboxAccount} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {PLACEHOLDERS, type PlaceholderValues, fillPlaceholders} from '../../src/docspace/placeholders';

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
const IN_CI = process.env.CI === 'true';
/** First compiles (Go, Java, C#) can take half a minute on a cold cache. */
const RUN_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS;
/** Kept between runs so Go compiles its standard library once, not on every test run. */
const GO_CACHE_DIR = path.join(tmpdir(), 'docspace-examples-go');

const DEMO = findSandboxAccount('demo')!;
const DEMO_DISPLAY_NAME = 'Dana Demo';
const AUTH_FAILED = 'User authentication failed';

type Role = 'authenticate' | 'get-self';

interface Command {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

interface Language {
  /** The folder under examples/. */
  name: string;
  /**
   * `lines`: prints `token: ...` / `displayName: ...` and reports failures as `error: ...` on
   * stderr. `answer`: prints the portal's JSON answer as it came, failures included (cURL).
   */
  prints: 'lines' | 'answer';
  /** Why this machine cannot run the language (with what to install), or undefined when it can. */
  missing(): string | undefined;
  /** Lays the filled source out in `dir` as the language wants it, compiles if it must, and says how to run it. */
  prepare(dir: string, fileName: string, source: string): Promise<Command>;
}

/** Whether a toolchain command runs here, and what it printed (versions go to stdout or stderr). */
function probe(command: string, args: string[]): {ok: boolean; output: string} {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 30_000});
  return {ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`};
}

function versionAtLeast(output: string, pattern: RegExp, [wantMajor, wantMinor]: [number, number]): boolean {
  const match = pattern.exec(output);
  if (!match) return false;
  const [major, minor = 0] = [Number(match[1]), Number(match[2] ?? 0)];
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/** The first python3 that can import requests: the one on PATH, else Debian's. */
const python = ['python3', '/usr/bin/python3'].find((candidate) => probe(candidate, ['-c', 'import requests']).ok);

const LANGUAGES: Language[] = [
  {
    name: 'curl',
    prints: 'answer',
    missing: () =>
      versionAtLeast(probe('curl', ['--version']).output, /^curl (\d+)\.(\d+)/, [7, 76])
        ? undefined
        : 'curl 7.76+ (for --fail-with-body) not found: apt-get install curl',
    prepare: async (dir, fileName, source) => ({command: 'bash', args: [await writeSource(dir, fileName, source)]}),
  },
  {
    name: 'node',
    prints: 'lines',
    missing: () => undefined,
    prepare: async (dir, fileName, source) => ({command: process.execPath, args: [await writeSource(dir, fileName, source)]}),
  },
  {
    name: 'python',
    prints: 'lines',
    missing: () => (python ? undefined : 'python3 with requests not found: apt-get install python3-requests'),
    prepare: async (dir, fileName, source) => ({command: python!, args: [await writeSource(dir, fileName, source)]}),
  },
  {
    name: 'php',
    prints: 'lines',
    missing: () =>
      probe('php', ['-r', 'exit(function_exists("curl_init") && function_exists("json_decode") ? 0 : 1);']).ok
        ? undefined
        : 'php with the curl extension not found: apt-get install php-cli php-curl',
    prepare: async (dir, fileName, source) => ({command: 'php', args: [await writeSource(dir, fileName, source)]}),
  },
  {
    name: 'java',
    prints: 'lines',
    // The source launcher needs the compiler module, which a bare JRE lacks.
    missing: () =>
      versionAtLeast(probe('java', ['-version']).output, /version "(\d+)/, [17, 0]) &&
      /^jdk\.compiler@/m.test(probe('java', ['--list-modules']).output)
        ? undefined
        : 'java 17+ (a JDK) not found: apt-get install openjdk-17-jdk-headless',
    // The single-file source launcher, as the guide tells readers: `java Authenticate.java`. The
    // flags only make the JVM start faster (quick JIT, simple GC): about 3x on a busy two-core machine.
    prepare: async (dir, fileName, source) => ({
      command: 'java',
      args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', await writeSource(dir, fileName, source)],
    }),
  },
  {
    name: 'go',
    prints: 'lines',
    missing: () =>
      versionAtLeast(probe('go', ['version']).output, /go(\d+)\.(\d+)/, [1, 18])
        ? undefined
        : 'go 1.18+ not found: apt-get install golang',
    prepare: async (dir, _fileName, source) => {
      await writeSource(dir, 'main.go', source);
      await writeFile(path.join(dir, 'go.mod'), 'module example\n\ngo 1.18\n');
      return {
        command: 'go',
        args: ['run', '.'],
        // Offline and self-contained: no module downloads, no toolchain switching, no telemetry.
        env: {
          GOCACHE: path.join(GO_CACHE_DIR, 'build'),
          GOPATH: path.join(GO_CACHE_DIR, 'path'),
          GOPROXY: 'off',
          GOFLAGS: '-mod=mod',
          GOTOOLCHAIN: 'local',
          GOTELEMETRY: 'off',
        },
      };
    },
  },
  {
    name: 'csharp',
    prints: 'lines',
    // Debian has no .NET SDK; Mono's mcs compiles the examples, which avoid what Mono lacks.
    missing: () =>
      probe('mcs', ['--version']).ok && probe('mono', ['--version']).ok
        ? undefined
        : 'mcs and mono not found: apt-get install mono-devel',
    prepare: async (dir, fileName, source) => {
      const file = await writeSource(dir, fileName, source);
      const exe = file.replace(/\.cs$/, '.exe');
      const compiled = await run({
        command: 'mcs',
        args: ['-nologo', '-warnaserror', '-r:System.Net.Http', '-r:System.Runtime.Serialization', `-out:${exe}`, file],
      }, dir);
      assert.equal(compiled.code, 0, `mcs failed:\n${compiled.stdout}${compiled.stderr}`);
      return {command: 'mono', args: [exe]};
    },
  },
];

interface Example {
  language: Language;
  role: Role;
  /** Relative to examples/, e.g. `go/get-self/main.go`. */
  relativePath: string;
  source: string;
}

/** Every file under examples/, sorted; read synchronously so the tests can be declared from it. */
function discoverExamples(): {examples: Example[]; unknown: string[]} {
  const files = readdirSync(EXAMPLES_DIR, {recursive: true, encoding: 'utf8'})
    // Hidden files (.DS_Store, editor swap files) are not examples; anything else must be one.
    .filter((relativePath) => !relativePath.split(path.sep).some((part) => part.startsWith('.')))
    .filter((relativePath) => statSync(path.join(EXAMPLES_DIR, relativePath)).isFile())
    .sort();
  const examples: Example[] = [];
  const unknown: string[] = [];
  for (const relativePath of files) {
    const language = LANGUAGES.find((candidate) => relativePath.startsWith(`${candidate.name}${path.sep}`));
    const role = roleOf(relativePath);
    if (!language || !role) unknown.push(relativePath);
    else examples.push({language, role, relativePath, source: readFileSync(path.join(EXAMPLES_DIR, relativePath), 'utf8')});
  }
  return {examples, unknown};
}

function roleOf(relativePath: string): Role | undefined {
  const name = relativePath.toLowerCase();
  if (name.includes('authenticate')) return 'authenticate';
  if (/get[-_]?self/.test(name)) return 'get-self';
  return undefined;
}

async function writeSource(dir: string, fileName: string, source: string): Promise<string> {
  const file = path.join(dir, fileName);
  await writeFile(file, source);
  return file;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the programs: no proxies (traffic stays on 127.0.0.1), no test-runner state. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, ...extra, NO_PROXY: '*', no_proxy: '*'};
  for (const name of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
    delete env[name];
  }
  return env;
}

function run({command, args, env}: Command, cwd: string): Promise<Finished> {
  const options: SpawnOptions = {cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS};
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

/** Fills the example for the sandbox and runs it in a fresh directory. */
async function runExample(example: Example, sandbox: RunningSandbox, values: Omit<PlaceholderValues, 'portalOrigin'>): Promise<Finished> {
  const source = fillPlaceholders(example.source, {...values, portalOrigin: sandbox.url});
  // An unfilled host would send the request to the real internet: refuse before running anything.
  assert.ok(!source.includes(PLACEHOLDERS.portalHost), `${example.relativePath} still names ${PLACEHOLDERS.portalHost}`);
  const dir = await mkdtemp(path.join(tmpdir(), `docspace-example-${example.language.name}-`));
  try {
    const command = await example.language.prepare(dir, path.basename(example.relativePath), source);
    return await run(command, dir);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

async function signIn(sandbox: RunningSandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/api/2.0/authentication`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({userName: DEMO.userName, password: SANDBOX_PASSWORD}),
  });
  assert.equal(response.status, 200);
  return (await response.json()).response.token;
}

async function getSelf(sandbox: RunningSandbox, token: string): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/people/@self`, {headers: {Authorization: token, Accept: 'application/json'}});
}

/** What the sandbox says to a request, as a program should report it: error.message, else the status. */
async function serverMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return JSON.parse(text).error.message;
  } catch {
    return String(response.status);
  }
}

/** Where a program's failure report goes: stderr, or for cURL its whole output (the answer is on stdout). */
function failureReport(language: Language, finished: Finished): string {
  return language.prints === 'lines' ? finished.stderr : `${finished.stdout}\n${finished.stderr}`;
}

function describeRun(finished: Finished): string {
  return `exit ${finished.code}\n--- stdout\n${finished.stdout}\n--- stderr\n${finished.stderr}`;
}

/** The value of `name: value` in the output of a `lines` program. */
function printed(stdout: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(stdout)?.[1];
}

const {examples, unknown} = discoverExamples();

describe('the examples folder', () => {
  it('holds only example files this test knows how to run', () => {
    assert.deepEqual(unknown, [], 'add these to LANGUAGES or roleOf, or move them out of examples/');
  });

  it('has an authenticate and a get-self example for every language', () => {
    for (const language of LANGUAGES) {
      const roles = examples.filter((example) => example.language === language).map((example) => example.role);
      assert.deepEqual(roles.sort(), ['authenticate', 'get-self'], language.name);
    }
  });

  it('uses the placeholders the guide and the widget fill in', () => {
    for (const example of examples) {
      assert.ok(example.source.includes(PLACEHOLDERS.portalOrigin), `${example.relativePath}: ${PLACEHOLDERS.portalOrigin}`);
      const expected = example.role === 'authenticate' ? [PLACEHOLDERS.userName, PLACEHOLDERS.password] : [PLACEHOLDERS.token];
      for (const placeholder of expected) assert.ok(example.source.includes(placeholder), `${example.relativePath}: ${placeholder}`);
    }
  });
});

// Two languages at a time: most of the time goes to starting compilers and runtimes, and the
// machines this runs on have two cores. Each language has its own sandbox, so they cannot interfere.
describe('the examples, run against the sandbox', {concurrency: 2}, () => {
  for (const language of LANGUAGES) {
    const missing = language.missing();
    const ofLanguage = (role: Role) => examples.filter((example) => example.language === language && example.role === role);

    if (missing) {
      describe(`${language.name} examples`, () => {
        it('have their toolchain', {skip: IN_CI ? false : missing}, () => {
          assert.fail(`${missing} (CI=true: every example the guide shows must run in CI)`);
        });
      });
      continue;
    }

    describe(`${language.name} examples`, () => {
      // One sandbox per language: its wrong-password run must not add up with the others' toward the lockout.
      let sandbox: RunningSandbox;
      before(async () => {
        await mkdir(GO_CACHE_DIR, {recursive: true});
        sandbox = await startSandbox({port: 0, host: '127.0.0.1'});
      });
      after(() => sandbox?.close());

      for (const example of ofLanguage('authenticate')) {
        it(`${example.relativePath} prints a token that works`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox, {userName: DEMO.userName, password: SANDBOX_PASSWORD});
          assert.equal(finished.code, 0, describeRun(finished));
          let token: string | undefined;
          let expires: string | undefined;
          if (language.prints === 'lines') {
            token = printed(finished.stdout, 'token');
            expires = printed(finished.stdout, 'expires');
          } else {
            ({token, expires} = JSON.parse(finished.stdout).response);
          }
          assert.match(expires ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/, describeRun(finished));
          assert.ok(token, describeRun(finished));
          const self = await getSelf(sandbox, token);
          assert.equal(self.status, 200, `the printed token was refused: ${token}`);
          assert.equal((await self.json()).response.displayName, DEMO_DISPLAY_NAME);
        });

        it(`${example.relativePath} reports a wrong password with the server's message`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox, {userName: DEMO.userName, password: 'wrong-password'});
          assert.notEqual(finished.code, 0, describeRun(finished));
          assert.ok(failureReport(language, finished).includes(AUTH_FAILED), describeRun(finished));
          if (language.prints === 'lines') assert.match(finished.stderr, /^error: HTTP 401\b/m);
        });

        it(`${example.relativePath} stops at a second-factor answer instead of printing a token`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox, {userName: 'app-2fa', password: SANDBOX_PASSWORD});
          if (language.prints === 'lines') {
            assert.notEqual(finished.code, 0, describeRun(finished));
            assert.match(finished.stderr, /^error: second factor required/m, describeRun(finished));
            assert.equal(printed(finished.stdout, 'token'), undefined);
          } else {
            // cURL prints the answer as it is; the reader sees `"tfa": true` and no token.
            assert.equal(finished.code, 0, describeRun(finished));
            const {response} = JSON.parse(finished.stdout);
            assert.equal(response.tfa, true);
            assert.equal(response.token, undefined);
          }
        });
      }

      for (const example of ofLanguage('get-self')) {
        it(`${example.relativePath} prints who the token belongs to`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox, {token: await signIn(sandbox)});
          assert.equal(finished.code, 0, describeRun(finished));
          if (language.prints === 'lines') {
            assert.equal(printed(finished.stdout, 'displayName'), DEMO_DISPLAY_NAME, describeRun(finished));
            assert.equal(printed(finished.stdout, 'email'), DEMO.email, describeRun(finished));
          } else {
            const {response} = JSON.parse(finished.stdout);
            assert.equal(response.displayName, DEMO_DISPLAY_NAME);
            assert.equal(response.email, DEMO.email);
          }
        });

        it(`${example.relativePath} reports a bad token`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const badToken = 'not-a-token';
          const expected = await serverMessage(await getSelf(sandbox, badToken));
          const finished = await runExample(example, sandbox, {token: badToken});
          assert.notEqual(finished.code, 0, describeRun(finished));
          assert.ok(failureReport(language, finished).includes(expected), `expected "${expected}"\n${describeRun(finished)}`);
          if (language.prints === 'lines') assert.match(finished.stderr, /^error: HTTP 401\b/m);
        });
      }
    });
  }
});
