/**
 * Runs every example program under examples/ (the very files the guide renders) against the
 * sandbox portal, with the commands the guide prints under each one (src/exampleCommands), and
 * checks what it prints.
 *
 * A language whose toolchain is missing is skipped with a message saying what to install, except
 * under CI=true, where it fails: CI must prove every example the page shows.
 */
import assert from 'node:assert/strict';
import {type SpawnOptions, spawn, spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {type Server, createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {SANDBOX_CODE, SANDBOX_PASSWORD, findSandboxAccount} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {PLACEHOLDERS, type PlaceholderValues, fillPlaceholders} from '../../src/docspace/placeholders';
import {EXAMPLE_COMMANDS} from '../../src/exampleCommands';

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
const IN_CI = process.env.CI === 'true';
/** First compiles (Go, Java, C#) can take half a minute on a cold cache. */
const RUN_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS;
/** Kept between runs so Go compiles its standard library once, not on every test run. */
const GO_CACHE_DIR = path.join(tmpdir(), 'docspace-examples-go');
/** How long every example waits for a silent portal before it gives up. */
const EXAMPLE_TIMEOUT_MS = 30_000;
/**
 * How long a run against a silent portal may take: the example's 30 s, plus starting on a busy
 * machine; below the 100 s that C#'s HttpClient waits by default, so a missing timeout is caught.
 */
const SILENT_RUN_TIMEOUT_MS = 80_000;

const DEMO = findSandboxAccount('demo')!;
const DEMO_DISPLAY_NAME = 'Dana Demo';
const AUTH_FAILED = 'User authentication failed';
/** The line every `lines` program prints, and cURL's exit codes, for each way a call can fail. */
const FAILURE = {
  wrongPassword: {line: `error: HTTP 401: ${AUTH_FAILED}`, curlExit: 22},
  emptyAnswer: {line: 'error: HTTP 401: (no error message)', curlExit: 22},
  unreachable: {line: /^error: cannot reach the portal: ./, curlExit: 7},
  silent: {line: 'error: the portal did not answer within 30 s', curlExit: 28},
} as const;

/** What each example does; every language has authenticate and get-self, cURL also the other two. */
type Role = 'authenticate' | 'get-self' | 'confirm-code' | 'sign-out';
const ROLES_OF_EVERY_LANGUAGE: readonly Role[] = ['authenticate', 'get-self'];
const CURL_ONLY_ROLES: readonly Role[] = ['confirm-code', 'sign-out'];

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
  /** What the language's toolchain needs in the environment here; never changes the commands. */
  env?: NodeJS.ProcessEnv;
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
  },
  {
    name: 'node',
    prints: 'lines',
    missing: () => undefined,
    // `node` is this very Node.js.
    env: {PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`},
  },
  {
    name: 'python',
    prints: 'lines',
    missing: () => (python ? undefined : 'python3 with requests not found: apt-get install python3-requests'),
    // `python3` is the one that has requests (the guide's `pip install requests`).
    env: python && path.isAbsolute(python) ? {PATH: `${path.dirname(python)}${path.delimiter}${process.env.PATH}`} : {},
  },
  {
    name: 'php',
    prints: 'lines',
    missing: () =>
      probe('php', ['-r', 'exit(function_exists("curl_init") && function_exists("json_decode") ? 0 : 1);']).ok
        ? undefined
        : 'php with the curl extension not found: apt-get install php-cli php-curl',
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
    // Only makes the JVM start faster (quick JIT, simple GC): about 3x on a busy two-core machine.
    // The launcher notes the variable on stderr, which is why failures are matched line by line.
    env: {JDK_JAVA_OPTIONS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'},
  },
  {
    name: 'go',
    prints: 'lines',
    missing: () =>
      versionAtLeast(probe('go', ['version']).output, /go(\d+)\.(\d+)/, [1, 18])
        ? undefined
        : 'go 1.18+ not found: apt-get install golang',
    // Offline and self-contained: no module downloads, no toolchain switching, no telemetry.
    env: {
      GOCACHE: path.join(GO_CACHE_DIR, 'build'),
      GOPATH: path.join(GO_CACHE_DIR, 'path'),
      GOPROXY: 'off',
      GOTOOLCHAIN: 'local',
      GOTELEMETRY: 'off',
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
  },
];

interface Example {
  language: Language;
  role: Role;
  /** Relative to examples/ with forward slashes, e.g. `go/get-self/main.go`; the key of its commands. */
  relativePath: string;
  source: string;
}

/** Every file under examples/, sorted; read synchronously so the tests can be declared from it. */
function discoverExamples(): {examples: Example[]; unknown: string[]} {
  const files = readdirSync(EXAMPLES_DIR, {recursive: true, encoding: 'utf8'})
    // Hidden files (.DS_Store, editor swap files) are not examples; anything else must be one.
    .filter((relativePath) => !relativePath.split(path.sep).some((part) => part.startsWith('.')))
    .filter((relativePath) => statSync(path.join(EXAMPLES_DIR, relativePath)).isFile())
    .map((relativePath) => relativePath.split(path.sep).join('/'))
    .sort();
  const examples: Example[] = [];
  const unknown: string[] = [];
  for (const relativePath of files) {
    const language = LANGUAGES.find((candidate) => relativePath.startsWith(`${candidate.name}/`));
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
  if (/confirm[-_]?code/.test(name)) return 'confirm-code';
  if (/sign[-_]?out/.test(name)) return 'sign-out';
  return undefined;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From start to exit, in ms. */
  elapsedMs: number;
}

/** The environment of the programs: no proxies (traffic stays on 127.0.0.1), no test-runner state. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, ...extra, NO_PROXY: '*', no_proxy: '*'};
  for (const name of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
    delete env[name];
  }
  return env;
}

/**
 * Runs one command line as a reader's shell would. Past `timeoutMs` the whole process group is
 * killed (the shell and what it started), and `code` is null.
 */
function run(commandLine: string, cwd: string, env: NodeJS.ProcessEnv | undefined, timeoutMs: number): Promise<Finished> {
  const options: SpawnOptions = {cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true};
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', commandLine], options);
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr, elapsedMs: performance.now() - started});
    });
  });
}

/**
 * Fills the example for the portal at `portalOrigin`, writes it alone into a fresh folder and runs
 * the guide's commands for it there. Earlier commands (compiling) must succeed silently; what the
 * last one did is the result.
 */
async function runExample(
  example: Example,
  portalOrigin: string,
  values: Omit<PlaceholderValues, 'portalOrigin'>,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<Finished> {
  const source = fillPlaceholders(example.source, {...values, portalOrigin});
  // An unfilled host would send the request to the real internet: refuse before running anything.
  assert.ok(!source.includes(PLACEHOLDERS.portalHost), `${example.relativePath} still names ${PLACEHOLDERS.portalHost}`);
  const commands = EXAMPLE_COMMANDS[example.relativePath]?.run;
  assert.ok(commands?.length, `no run commands for ${example.relativePath} in src/exampleCommands`);
  const dir = await mkdtemp(path.join(tmpdir(), `docspace-example-${example.language.name}-`));
  try {
    await writeFile(path.join(dir, path.posix.basename(example.relativePath)), source);
    for (const [index, command] of commands.entries()) {
      const finished = await run(command, dir, example.language.env, index === commands.length - 1 ? timeoutMs : RUN_TIMEOUT_MS);
      if (index === commands.length - 1) return finished;
      // A build step that warns (mcs does so on stdout) fails here, as -warnaserror would.
      assert.equal(finished.code, 0, `${command}\n${describeRun(finished)}`);
      assert.equal(`${finished.stdout}${finished.stderr}`, '', `${command} printed something\n${describeRun(finished)}`);
    }
    throw new Error('unreachable: the loop returns the last command');
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

async function signIn(sandbox: RunningSandbox, userName = DEMO.userName): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/authentication`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({userName, password: SANDBOX_PASSWORD}),
  });
}

async function demoToken(sandbox: RunningSandbox): Promise<string> {
  const response = await signIn(sandbox);
  assert.equal(response.status, 200);
  return (await response.json()).response.token;
}

async function getSelf(sandbox: RunningSandbox, token: string): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/people/@self`, {headers: {Authorization: token, Accept: 'application/json'}});
}

function describeRun(finished: Finished): string {
  return `exit ${finished.code}\n--- stdout\n${finished.stdout}\n--- stderr\n${finished.stderr}`;
}

/** The value of `name: value` in the output of a `lines` program. */
function printed(stdout: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(stdout)?.[1];
}

/**
 * That the run failed the way contributing/examples.md promises: a `lines` program prints exactly one
 * `error: ...` line on stderr and exits 1; cURL exits with its own code for the failure.
 */
function assertFailure(example: Example, finished: Finished, failure: {line: string | RegExp; curlExit: number}): void {
  if (example.language.prints === 'answer') {
    assert.equal(finished.code, failure.curlExit, describeRun(finished));
    return;
  }
  assert.equal(finished.code, 1, describeRun(finished));
  // Only the program's own lines: `go run` adds "exit status 1", the Java launcher a note.
  const errorLines = finished.stderr.split('\n').filter((line) => line.startsWith('error: '));
  assert.equal(errorLines.length, 1, describeRun(finished));
  if (typeof failure.line === 'string') assert.equal(errorLines[0], failure.line, describeRun(finished));
  else assert.match(errorLines[0], failure.line, describeRun(finished));
}

/** A token from a run's output: `token: ...` for `lines` programs, response.token in cURL's JSON. */
function printedToken(example: Example, finished: Finished): {token?: string; expires?: string} {
  if (example.language.prints === 'lines') return {token: printed(finished.stdout, 'token'), expires: printed(finished.stdout, 'expires')};
  const {token, expires} = JSON.parse(finished.stdout).response;
  return {token, expires};
}

async function assertTokenWorks(sandbox: RunningSandbox, example: Example, finished: Finished): Promise<void> {
  assert.equal(finished.code, 0, describeRun(finished));
  const {token, expires} = printedToken(example, finished);
  assert.match(expires ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/, describeRun(finished));
  assert.ok(token, describeRun(finished));
  const self = await getSelf(sandbox, token);
  assert.equal(self.status, 200, `the printed token was refused: ${token}`);
  assert.ok((await self.json()).response.displayName, 'the profile has a name');
}

/** A 127.0.0.1 address where nothing listens: a port just freed. */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A portal that accepts every request and never answers. */
async function startSilentPortal(): Promise<{url: string; server: Server}> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}

/** Placeholder values that let each kind of example get as far as sending its request. */
function someValues(role: Role): Omit<PlaceholderValues, 'portalOrigin'> {
  return role === 'get-self' || role === 'sign-out' ? {token: 'some-token'} : {userName: DEMO.userName, password: SANDBOX_PASSWORD};
}

const {examples, unknown} = discoverExamples();
/** Probed once: the probes start compilers and runtimes. */
const MISSING = new Map(LANGUAGES.map((language) => [language, language.missing()]));

/** The toolchain check for a language: declares a failing or skipped test and returns false when it is missing. */
function declareToolchain(language: Language): boolean {
  const missing = MISSING.get(language);
  if (!missing) return true;
  it(`${language.name} has its toolchain`, {skip: IN_CI ? false : missing}, () => {
    assert.fail(`${missing} (CI=true: every example the guide shows must run in CI)`);
  });
  return false;
}

describe('the examples folder', () => {
  it('holds only example files this test knows how to run', () => {
    assert.deepEqual(unknown, [], 'add these to LANGUAGES or roleOf, or move them out of examples/');
  });

  it('has an authenticate and a get-self example for every language, and cURL for the code and sign-out', () => {
    for (const language of LANGUAGES) {
      const roles = examples.filter((example) => example.language === language).map((example) => example.role);
      const expected = language.name === 'curl' ? [...ROLES_OF_EVERY_LANGUAGE, ...CURL_ONLY_ROLES] : ROLES_OF_EVERY_LANGUAGE;
      assert.deepEqual(roles.sort(), [...expected].sort(), language.name);
    }
  });

  it('has the commands the guide shows for every example, and none for files that are gone', () => {
    assert.deepEqual(Object.keys(EXAMPLE_COMMANDS).sort(), examples.map((example) => example.relativePath).sort());
  });

  it('uses the placeholders the guide and the widget fill in', () => {
    for (const example of examples) {
      assert.ok(example.source.includes(PLACEHOLDERS.portalOrigin), `${example.relativePath}: ${PLACEHOLDERS.portalOrigin}`);
      const expected = {
        authenticate: [PLACEHOLDERS.userName, PLACEHOLDERS.password],
        'confirm-code': [PLACEHOLDERS.userName, PLACEHOLDERS.password],
        'get-self': [PLACEHOLDERS.token],
        'sign-out': [PLACEHOLDERS.token],
      }[example.role];
      for (const placeholder of expected) assert.ok(example.source.includes(placeholder), `${example.relativePath}: ${placeholder}`);
    }
  });
});

// Two languages at a time: most of the time goes to starting compilers and runtimes, and the
// machines this runs on have two cores. Each language has its own sandbox, so they cannot interfere.
describe('the examples, run against the sandbox', {concurrency: 2}, () => {
  for (const language of LANGUAGES) {
    const ofLanguage = (role: Role) => examples.filter((example) => example.language === language && example.role === role);

    describe(`${language.name} examples`, () => {
      if (!declareToolchain(language)) return;
      // One sandbox per language: its wrong-password run must not add up with the others' toward the lockout.
      let sandbox: RunningSandbox;
      before(async () => {
        await mkdir(GO_CACHE_DIR, {recursive: true});
        sandbox = await startSandbox({port: 0, host: '127.0.0.1'});
      });
      after(() => sandbox?.close());

      for (const example of ofLanguage('authenticate')) {
        it(`${example.relativePath} prints a token that works`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox.url, {userName: DEMO.userName, password: SANDBOX_PASSWORD});
          await assertTokenWorks(sandbox, example, finished);
          if (language.prints === 'lines') assert.equal(finished.stderr.includes('error:'), false, describeRun(finished));
        });

        it(`${example.relativePath} reports a wrong password with the server's message`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox.url, {userName: DEMO.userName, password: 'wrong-password'});
          assertFailure(example, finished, FAILURE.wrongPassword);
          // cURL prints the answer, whose error.message says why.
          if (language.prints === 'answer') assert.equal(JSON.parse(finished.stdout).error.message, AUTH_FAILED);
        });

        it(`${example.relativePath} stops at a second-factor answer instead of printing a token`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox.url, {userName: 'app-2fa', password: SANDBOX_PASSWORD});
          if (language.prints === 'lines') {
            assertFailure(example, finished, {line: /^error: second factor required/, curlExit: 0});
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
          const finished = await runExample(example, sandbox.url, {token: await demoToken(sandbox)});
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

        it(`${example.relativePath} reports a bad token, whose 401 has no body`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox.url, {token: 'not-a-token'});
          assertFailure(example, finished, FAILURE.emptyAnswer);
        });
      }

      for (const example of ofLanguage('confirm-code')) {
        it(`${example.relativePath} trades the code for a token that works`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const account = findSandboxAccount('app-2fa')!;
          const asked = await (await signIn(sandbox, account.userName)).json();
          assert.equal(asked.response.tfa, true, 'the account asks for a code first');
          const finished = await runExample(example, sandbox.url, {userName: account.userName, password: SANDBOX_PASSWORD});
          await assertTokenWorks(sandbox, example, finished);
        });

        it(`${example.relativePath} reports a code the portal does not accept`, {timeout: TEST_TIMEOUT_MS}, async () => {
          // sms-setup has no phone to send a code to, so the guide's command's code is refused.
          const finished = await runExample(example, sandbox.url, {userName: 'sms-setup', password: SANDBOX_PASSWORD});
          assertFailure(example, finished, FAILURE.wrongPassword);
          assert.equal(JSON.parse(finished.stdout).error.message, AUTH_FAILED);
        });

        it(`${example.relativePath} refuses a code that is not digits, before sending it`, {timeout: TEST_TIMEOUT_MS}, async () => {
          // Run by hand with another argument: a quote would otherwise break the JSON it sends.
          const source = fillPlaceholders(example.source, {portalOrigin: sandbox.url, userName: DEMO.userName, password: SANDBOX_PASSWORD});
          const dir = await mkdtemp(path.join(tmpdir(), 'docspace-example-curl-'));
          try {
            await writeFile(path.join(dir, 'confirm-code.sh'), source);
            const finished = await run(`sh confirm-code.sh '${SANDBOX_CODE}"'`, dir, undefined, RUN_TIMEOUT_MS);
            assert.equal(finished.code, 2, describeRun(finished));
            assert.match(finished.stderr, /^error: give the code from the app or the SMS, digits only/m);
            assert.equal(finished.stdout, '');
          } finally {
            await rm(dir, {recursive: true, force: true});
          }
        });
      }

      for (const example of ofLanguage('sign-out')) {
        it(`${example.relativePath} ends the token's session`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const token = await demoToken(sandbox);
          const finished = await runExample(example, sandbox.url, {token});
          assert.equal(finished.code, 0, describeRun(finished));
          assert.equal(JSON.parse(finished.stdout).statusCode, 200);
          assert.equal((await getSelf(sandbox, token)).status, 401, 'the token still works after signing out');
        });

        it(`${example.relativePath} reports a bad token`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, sandbox.url, {token: 'not-a-token'});
          assertFailure(example, finished, FAILURE.emptyAnswer);
        });
      }

      for (const example of ofLanguage('authenticate').concat(ofLanguage('get-self'))) {
        it(`${example.relativePath} reports a portal it cannot reach`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runExample(example, await closedOrigin(), someValues(example.role));
          assertFailure(example, finished, FAILURE.unreachable);
        });
      }
    });
  }
});

// All at once: the programs mostly wait on the silent portal, so this takes about 30 s in all.
describe('every example gives up on a portal that does not answer, after 30 s', {concurrency: true}, () => {
  let silent: {url: string; server: Server};
  before(async () => {
    await mkdir(GO_CACHE_DIR, {recursive: true});
    silent = await startSilentPortal();
  });
  after(() => {
    silent.server.closeAllConnections();
    silent.server.close();
  });

  for (const language of LANGUAGES) {
    if (MISSING.get(language)) continue; // reported by the suite above
    for (const example of examples.filter((candidate) => candidate.language === language)) {
      it(`${example.relativePath} stops waiting and says so`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const finished = await runExample(example, silent.url, someValues(example.role), SILENT_RUN_TIMEOUT_MS);
        assertFailure(example, finished, FAILURE.silent);
        // The program's own clock starts after its runtime does, so it cannot be quicker than this.
        assert.ok(finished.elapsedMs >= EXAMPLE_TIMEOUT_MS - 1_000, `gave up after ${Math.round(finished.elapsedMs)} ms`);
      });
    }
  }
});
